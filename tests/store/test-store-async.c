/* test-store-async.c: WbStore, the worker-thread API for the GUI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-store.h"
#include "wb-test-util.h"
#include "wb-test-async.h"

typedef struct
{
  GThread *main_thread;
  guint    n_changed;
  guint    n_locked_notify;
} Seen;

static void
changed_cb (WbStore    *store,
            const char *kind,
            const char *id,
            Seen       *seen)
{
  WbRecordId parsed;

  g_assert_true (g_thread_self () == seen->main_thread);
  g_assert_true (wb_record_id_from_string (id, &parsed));
  if (g_str_equal (kind, "case"))
    seen->n_changed++;
}

static void
locked_cb (WbStore    *store,
           GParamSpec *pspec,
           Seen       *seen)
{
  g_assert_true (g_thread_self () == seen->main_thread);
  seen->n_locked_notify++;
}

static void
test_async_round_trip (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr(WbStore) store = wb_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GArray) ids = NULL;
  Seen seen = { g_thread_self (), 0, 0 };
  WbRecordId first;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &seen);
  g_signal_connect (store, "notify::locked", G_CALLBACK (locked_cb), &seen);
  g_assert_true (wb_store_get_locked (store));

  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (store, res, &error)));
  g_assert_no_error (error);
  WB_TEST_RUN (wb_store_create_async (store, "anna", "Anna", TEST_PASS, wb_kdf_cost_test (), NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (store, res, &error)));
  g_assert_no_error (error);
  while (wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < 3; i++)
    {
      WbRecordId id;
      g_autoptr(GBytes) b = wb_test_text ("async record");

      wb_record_id_generate (&id);
      if (i == 0)
        first = id;
      g_ptr_array_add (records, wb_store_record_new ("case", &id, b));
    }
  WB_TEST_RUN (wb_store_put_many_async (store, records, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_put_many_finish (store, res, &error)));
  g_assert_no_error (error);
  while (seen.n_changed < 3)
    g_main_context_iteration (NULL, TRUE);

  WB_TEST_RUN (wb_store_get_async (store, &first, NULL, wb_test_result_cb, &res),
               got = wb_store_get_finish (store, res, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), "async record", 12);
  WB_TEST_RUN (wb_store_list_kind_async (store, "case", NULL, wb_test_result_cb, &res),
               ids = wb_store_list_kind_finish (store, res, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);

  WB_TEST_RUN (wb_store_lock_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_lock_finish (store, res, &error)));
  while (!wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&got, g_bytes_unref);
  WB_TEST_RUN (wb_store_get_async (store, &first, NULL, wb_test_result_cb, &res),
               got = wb_store_get_finish (store, res, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  WB_TEST_RUN (wb_store_unlock_async (store, "anna", "not the passphrase", TRUE, NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_unlock_finish (store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  WB_TEST_RUN (wb_store_unlock_async (store, "anna", TEST_PASS, TRUE, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_unlock_finish (store, res, &error)));
  g_assert_no_error (error);
  while (wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (seen.n_locked_notify, ==, 3);

  g_clear_object (&store);
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/async/round-trip-on-worker-thread", test_async_round_trip);
  return g_test_run ();
}
