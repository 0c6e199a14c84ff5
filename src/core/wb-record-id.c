/* wb-record-id.c: random record ids.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-record-id.h"

/**
 * wb_record_id_new:
 *
 * Makes a random id of 32 lower-case hex digits (128 bits) for a new record.
 * The ids only need to be unique, not secret: they are stored in plaintext.
 *
 * Returns: (transfer full): a new id
 */
char *
wb_record_id_new (void)
{
  static const char hex[] = "0123456789abcdef";
  char *id = g_malloc (WB_RECORD_ID_LENGTH + 1);

  for (guint i = 0; i < WB_RECORD_ID_LENGTH; i += 8)
    {
      guint32 r = g_random_int ();

      for (guint j = 0; j < 8; j++)
        id[i + j] = hex[(r >> (4 * j)) & 0xf];
    }
  id[WB_RECORD_ID_LENGTH] = '\0';

  return id;
}

/**
 * wb_record_id_is_valid:
 * @id: (nullable): an id
 *
 * Record ids are 1 to 64 ASCII letters, digits, dashes or underscores: the
 * ids of wb_record_id_new() and whatever hex or base64url ids the store makes.
 *
 * Returns: whether @id has the shape of a record id
 */
gboolean
wb_record_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
      if (len >= WB_RECORD_ID_MAX_LENGTH)
        return FALSE;
    }

  return TRUE;
}
