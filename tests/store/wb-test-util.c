/* wb-test-util.c: helpers shared by the store tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wb-test-util.h"

WbVault *
wb_test_new_vault (const char *dir,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  WbVault *vault = wb_vault_open (path, &error);

  g_assert_no_error (error);
  wb_vault_create (vault, "anna", "Test de Vries-1", TEST_PASS, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  return vault;
}

static gsize
count_in (const guint8 *hay,
          gsize         hay_len,
          const guint8 *needle,
          gsize         needle_len)
{
  gsize n = 0;

  for (gsize i = 0; i + needle_len <= hay_len; i++)
    if (memcmp (hay + i, needle, needle_len) == 0)
      n++;
  return n;
}

/* Counts the marker as UTF-8 and as UTF-16LE. */
gsize
wb_test_scan_for (const char *path,
                  const char *marker)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autofree gunichar2 *utf16 = NULL;
  glong utf16_len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return 0;
  utf16 = g_utf8_to_utf16 (marker, -1, NULL, &utf16_len, NULL);
  return count_in ((const guint8 *) data, len, (const guint8 *) marker, strlen (marker)) +
         count_in ((const guint8 *) data, len, (const guint8 *) utf16, utf16_len * 2);
}

gsize
wb_test_scan_dir (const char *dir,
                  const char *marker)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  gsize n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        n += wb_test_scan_dir (p, marker);
      else
        n += wb_test_scan_for (p, marker);
    }
  return n;
}

sqlite3 *
wb_test_raw_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

void
wb_test_raw_exec (sqlite3    *db,
                  const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

GBytes *
wb_test_text (const char *text)
{
  return g_bytes_new (text, strlen (text));
}
