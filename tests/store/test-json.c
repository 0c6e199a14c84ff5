/* test-json.c: JSON strings of exported text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-json.h"

static void
assert_json (const char *text,
             const char *expected)
{
  g_autoptr(GString) out = g_string_new (NULL);

  wb_json_append_string (out, text);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_escapes (void)
{
  assert_json (NULL, "\"\"");
  assert_json ("Test Jansen-42", "\"Test Jansen-42\"");
  assert_json ("\"a\\b\"", "\"\\\"a\\\\b\\\"\"");
  assert_json ("1\n2\r3\t4", "\"1\\n2\\r3\\t4\"");
  assert_json ("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
  /* Line and paragraph separators end a line for JavaScript readers. */
  assert_json ("a\xe2\x80\xa8z\xe2\x80\xa9", "\"a\\u2028z\\u2029\"");
  /* Other characters pass as UTF-8; a bad byte becomes U+FFFD. */
  assert_json ("Fryslân \xe2\x80\xa6", "\"Fryslân \xe2\x80\xa6\"");
  assert_json ("x\xffy", "\"x\xef\xbf\xbdy\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/json/escapes", test_escapes);
  return g_test_run ();
}
