/* fuzz-validation.c: the field rules that see typed or imported text
 * (wb-validation.c), record ids and the region codes (wb-regions.c).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-fuzz.h"
#include "wb-record-id.h"
#include "wb-validation.h"
#include "wb-vault.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  wb_fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = wb_fuzz_strndup (data, size);
  WbRecordId id;

  if (wb_text_is_clean (text, FALSE))
    g_assert (wb_text_is_clean (text, TRUE));
  wb_email_is_valid (text);
  if (wb_phone_is_valid (text))
    {
      g_autofree char *normal = wb_phone_normalize (text);

      g_assert (normal != NULL && wb_phone_is_valid (normal));
    }
  wb_municipality_code_is_valid (text);
  wb_area_code_is_valid (text);
  wb_login_name_is_valid (text);
  if (wb_record_id_from_string (text, &id))
    {
      g_autofree char *again = wb_record_id_to_string (&id);

      g_assert (g_ascii_strcasecmp (again, text) == 0);
    }
  wb_record_id_is_valid (text);
  return 0;
}
