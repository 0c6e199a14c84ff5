/* fuzz-intake-draft.c: the intake draft reader (wb-intake-draft.c); drafts
 * are sealed records like cases, read back when the wizard reopens.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-fuzz.h"
#include "wb-intake-draft.h"

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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbIntakeDraft) draft = wb_intake_draft_deserialize (bytes, &error);

  g_assert ((draft == NULL) != (error == NULL));
  if (draft != NULL)
    {
      g_autoptr(GBytes) again = wb_intake_draft_serialize (draft);
      g_autoptr(WbIntakeDraft) reread = wb_intake_draft_deserialize (again, &error);

      g_assert (reread != NULL);
      g_assert (reread->step == draft->step);
      g_assert (g_variant_equal (reread->fields, draft->fields));
      wb_intake_draft_get_reporter_name (draft);
    }
  return 0;
}
