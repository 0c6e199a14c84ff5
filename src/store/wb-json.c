/* wb-json.c: JSON strings for exports of decrypted data (the CLI, inzage).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decrypted text passes through here; the copy made on the way is wiped.
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wb-json.h"

/* RFC 8259: quotes, backslashes, control characters and DEL escaped, and
 * U+2028/U+2029 too (JavaScript readers take them for line ends); text that
 * is not UTF-8 gets U+FFFD for its bad bytes. NULL is written as "". */
void
wb_json_append_string (GString    *out,
                       const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) valid; *p; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      default:
        if (*p < 0x20 || *p == 0x7f)
          g_string_append_printf (out, "\\u%04x", *p);
        else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
          {
            g_string_append_printf (out, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
            p += 2;
          }
        else
          g_string_append_c (out, (char) *p);
      }
  g_string_append_c (out, '"');
  sodium_memzero (valid, strlen (valid));
}
