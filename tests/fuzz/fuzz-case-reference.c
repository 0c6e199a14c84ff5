/* fuzz-case-reference.c: the case reference parser (wb-case-reference.c).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-case-reference.h"
#include "wb-fuzz.h"

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
  g_auto(GStrv) existing = g_strsplit (text, "\n", 64);
  guint year = 0, sequence = 0;

  /* A reference that parses is valid and prints back the same. */
  if (wb_case_reference_parse (text, &year, &sequence))
    {
      g_autofree char *again = wb_case_reference_new (year, sequence);

      g_assert (wb_case_reference_is_valid (text));
      g_assert (strcmp (again, text) == 0);
    }
  else
    g_assert (!wb_case_reference_is_valid (text));

  /* The next free reference, whatever the existing ones look like. */
  for (guint y = 2025; y <= 2026; y++)
    {
      g_autofree char *next = wb_case_reference_next ((const char * const *) existing, y);

      g_assert (next == NULL || wb_case_reference_is_valid (next));
    }
  return 0;
}
