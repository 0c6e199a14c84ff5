/* wb-test-store.c: temporary folders and a ready test vault, for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "wb-kdf.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-store.h"

char *
wb_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("wb-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
wb_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      /* A link to a folder is removed, never followed. */
      if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
        wb_test_rm_rf (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

WbStore *
wb_test_store_new (const char *path,
                   const char *login,
                   const char *display_name,
                   const char *passphrase)
{
  g_autoptr(WbStore) store = wb_store_new (path);
  g_autoptr(GError) error = NULL;

  wb_store_set_kdf_cost_for_testing (store, wb_kdf_cost_test ());
  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               wb_store_open_finish (store, res, &error));
  g_assert_no_error (error);
  WB_TEST_RUN (wb_store_create_async (store, login, display_name, passphrase, wb_kdf_cost_test (),
                                      NULL, wb_test_result_cb, &res),
               wb_store_create_finish (store, res, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}
