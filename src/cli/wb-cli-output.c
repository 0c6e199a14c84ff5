/* wb-cli-output.c: table fields and output for weerbaar-cli (JSON strings: wb-json.c).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decrypted text passes through here; the copies made on the way are wiped.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "wb-cli-output.h"

/* A field of the tab-separated table: a tab, line break or backslash in the
 * text is written as \t, \n, \r or \\, so every case is one line. */
void
wb_cli_append_tsv_field (GString    *out,
                         const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  for (const char *p = valid; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        g_string_append_c (out, *p);
      }
  sodium_memzero (valid, strlen (valid));
}

/* Writes @out to stdout, then wipes and frees it. */
void
wb_cli_write_stdout (GString *out)
{
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  sodium_memzero (out->str, out->len);
  g_string_free (out, TRUE);
}
