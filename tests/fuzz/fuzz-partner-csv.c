/* fuzz-partner-csv.c: the partner directory importer (wb-partner-csv.c).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-fuzz.h"
#include "wb-partner.h"
#include "wb-partner-csv.h"
#include "wb-validation.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  wb_fuzz_init_logging ();
  return 0;
}

static void
parse (const uint8_t *data,
       size_t         size,
       gboolean       skip_invalid)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;

  if (!wb_partner_csv_parse ((const char *) data, size, skip_invalid, &partners, &row_errors, &error))
    {
      g_assert (error != NULL);
      return;
    }
  /* Every imported partner is valid and survives a round trip. */
  for (guint i = 0; i < partners->len; i++)
    {
      WbPartner *partner = g_ptr_array_index (partners, i);
      g_autoptr(GBytes) bytes = wb_partner_serialize (partner);
      g_autoptr(WbPartner) again = wb_partner_deserialize (bytes, &error);

      g_assert (wb_partner_validate (partner, NULL));
      g_assert (again != NULL);
    }
  if (partners->len > 0)
    {
      g_autoptr(GBytes) csv = wb_partner_csv_write (partners);
      g_autoptr(GPtrArray) reread = NULL;
      g_autoptr(GPtrArray) reread_errors = NULL;

      g_assert (wb_partner_csv_parse (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), FALSE,
                                      &reread, &reread_errors, &error));
      g_assert (reread->len == partners->len);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  parse (data, size, FALSE);
  parse (data, size, TRUE);
  return 0;
}
