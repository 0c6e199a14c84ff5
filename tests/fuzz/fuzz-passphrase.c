/* fuzz-passphrase.c: passphrase validation and the strength estimate
 * (wb-passphrase.c). Passphrases also arrive as raw bytes from the CLI's
 * --passphrase-fd, so the check sees any bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-fuzz.h"
#include "wb-passphrase.h"

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
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *hint = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = wb_passphrase_check (text, &error);
  guint strength;

  g_assert (ok == (error == NULL));
  if (ok)
    g_assert (g_utf8_validate (text, -1, NULL));

  /* The strength meter sees what an entry holds: valid UTF-8. */
  strength = wb_passphrase_strength (valid, &hint);
  g_assert (strength <= WB_PASSPHRASE_STRENGTH_MAX);
  g_assert (hint != NULL);
  return 0;
}
