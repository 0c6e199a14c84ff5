/* fuzz-unseal.c: the sealed-record decoder (wb_vault_unseal() in
 * wb-vault-records.c) with a fixed test key, the way records and audit
 * entries are read from the database.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: one byte choosing the table and kind the record claims, then the
 * blob as stored. Seeds are blobs sealed with the same key (gen-corpus.c);
 * what opens is handed to the case index's record reader.
 */
#include "config.h"

#include "wb-case-index.h"
#include "wb-fuzz.h"
#include "wb-kdf.h"
#include "wb-record-fields.h"
#include "wb-vault-private.h"

static const struct
{
  const char *table;
  const char *kind;
} kinds[] = {
  { "records", WB_KIND_CASE },
  { "records", WB_KIND_PERSON },
  { "records", WB_KIND_INCIDENT },
  { "records", WB_KIND_FOLLOWUP },
  { "records", WB_KIND_TIMELINE },
  { "records", WB_KIND_ACCOUNT },
  { "audit", "" },
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  wb_fuzz_init_logging ();
  if (!wb_store_crypto_init (NULL))
    g_error ("libsodium did not initialize");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  WbVault vault = { 0 };
  guint8 key[32];
  guint8 id[WB_RECORD_ID_LEN];
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  guint k;

  if (size < 1)
    return 0;
  k = data[0] % G_N_ELEMENTS (kinds);
  memset (key, WB_FUZZ_RECORD_KEY_BYTE, sizeof key);
  memset (vault.vault_id, WB_FUZZ_VAULT_ID_BYTE, sizeof vault.vault_id);
  for (guint i = 0; i < sizeof id; i++)
    id[i] = i;

  plain = wb_vault_unseal (&vault, key, WB_FUZZ_KEY_ID, kinds[k].table, kinds[k].kind, id, sizeof id,
                           data + 1, size - 1, &error);
  g_assert ((plain == NULL) != (error == NULL));
  if (plain != NULL)
    {
      g_auto(WbRecordFields) fields = { 0 };

      g_assert (g_bytes_get_size (plain) < size);
      if (g_strcmp0 (kinds[k].table, "records") == 0 && g_strcmp0 (kinds[k].kind, WB_KIND_ACCOUNT) != 0)
        wb_record_fields_read (&fields, kinds[k].kind, plain);
    }
  return 0;
}
