/* test-store-accounts.c: WbStore accounts, passphrases and recovery key on the worker.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wb-store-private.h"
#include "wb-test-util.h"
#include "wb-test-async.h"

#define BERT_PASS "bert's own passphrase"

typedef struct
{
  char     *dir;
  WbStore  *store;
  GThread  *main_thread;
  guint     n_initialized_notify;
  guint     n_accounts_notify;
  gboolean  actor_seen_at_unlock;
  gboolean  unlock_done;
} Fixture;

static void
notify_cb (WbStore    *store,
           GParamSpec *pspec,
           Fixture    *f)
{
  g_assert_true (g_thread_self () == f->main_thread);
  if (g_str_equal (pspec->name, "initialized"))
    f->n_initialized_notify++;
  else if (g_str_equal (pspec->name, "n-accounts"))
    f->n_accounts_notify++;
}

static void
settle (Fixture *f)
{
  /* One more round trip through the worker drains the state notices. */
  WB_TEST_RUN (wb_store_open_async (f->store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (f->store, res, NULL)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  if (wb_store_unlock_finish (WB_STORE (object), result, &error))
    f->actor_seen_at_unlock = wb_store_get_actor (WB_STORE (object)) != NULL;
  f->unlock_done = TRUE;
}

static gboolean
unlock_as (Fixture    *f,
           const char *name,
           const char *passphrase,
           GError    **error)
{
  gboolean ok;

  WB_TEST_RUN (wb_store_unlock_async (f->store, name, passphrase, FALSE, NULL, wb_test_result_cb, &res),
               ok = wb_store_unlock_finish (f->store, res, error));
  settle (f);
  return ok;
}

static void
lock (Fixture *f)
{
  WB_TEST_RUN (wb_store_lock_async (f->store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_lock_finish (f->store, res, NULL)));
  settle (f);
  g_assert_true (wb_store_get_locked (f->store));
  g_assert_null (wb_store_get_actor (f->store));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = wb_test_tmpdir ();
  path = g_build_filename (f->dir, "v.db", NULL);
  f->main_thread = g_thread_self ();
  f->store = wb_store_new (path);
  wb_store_set_kdf_cost_for_testing (f->store, wb_kdf_cost_test ());
  g_signal_connect (f->store, "notify", G_CALLBACK (notify_cb), f);

  g_assert_false (wb_store_get_initialized (f->store));
  g_assert_cmpuint (wb_store_get_n_accounts (f->store), ==, 0);
  settle (f);
  g_assert_false (wb_store_get_initialized (f->store));
  g_assert_cmpuint (f->n_initialized_notify, ==, 0);

  /* No cost given: the testing cost set above applies. */
  WB_TEST_RUN (wb_store_create_async (f->store, "anna", "Anna Test-Jansen", TEST_PASS, NULL,
                                      NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (f->store, res, &error)));
  g_assert_no_error (error);
  settle (f);
  g_assert_true (wb_store_get_initialized (f->store));
  g_assert_cmpuint (wb_store_get_n_accounts (f->store), ==, 1);
  g_assert_cmpuint (f->n_initialized_notify, ==, 1);
  g_assert_cmpuint (f->n_accounts_notify, ==, 1);
  g_assert_false (wb_store_get_locked (f->store));
  g_assert_nonnull (wb_store_get_actor (f->store));
  g_assert_cmpstr (wb_store_get_actor (f->store)->name, ==, "anna");
  g_assert_cmpint (wb_store_get_actor (f->store)->role, ==, WB_VAULT_ROLE_BEHEERDER);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  wb_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
add_bert (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  WB_TEST_RUN (wb_store_add_account_async (f->store, "bert", "Bert Test-Visser", WB_VAULT_ROLE_CONTACTPERSOON,
                                           BERT_PASS, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_add_account_finish (f->store, res, &error)));
  g_assert_no_error (error);
  settle (f);
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  gboolean found = FALSE;

  add_bert (f);
  g_assert_cmpuint (wb_store_get_n_accounts (f->store), ==, 2);
  g_assert_cmpuint (f->n_accounts_notify, ==, 2);

  WB_TEST_RUN (wb_store_list_accounts_async (f->store, NULL, wb_test_result_cb, &res),
               accounts = wb_store_list_accounts_finish (f->store, res, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  for (guint i = 0; i < accounts->len; i++)
    {
      WbVaultAccount *a = g_ptr_array_index (accounts, i);
      if (g_str_equal (a->name, "bert"))
        {
          found = TRUE;
          g_assert_cmpstr (a->display_name, ==, "Bert Test-Visser");
          g_assert_cmpint (a->role, ==, WB_VAULT_ROLE_CONTACTPERSOON);
        }
    }
  g_assert_true (found);

  /* The same name twice is refused, and nothing changes. */
  WB_TEST_RUN (wb_store_add_account_async (f->store, "Bert", "Other", WB_VAULT_ROLE_MEDEWERKER,
                                           "yet another long passphrase", NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_add_account_finish (f->store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  settle (f);
  g_assert_cmpuint (f->n_accounts_notify, ==, 2);

  /* The new account opens the vault with its own passphrase. */
  lock (f);
  g_assert_true (unlock_as (f, "bert", BERT_PASS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wb_store_get_actor (f->store)->name, ==, "bert");
}

static void
test_weak_passphrase (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* 11 characters but 13 bytes: the rule counts characters. */
  const char *short_pass = "Fryslân 123";

  WB_TEST_RUN (wb_store_add_account_async (f->store, "bert", NULL, WB_VAULT_ROLE_MEDEWERKER,
                                           short_pass, NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_add_account_finish (f->store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);

  WB_TEST_RUN (wb_store_change_passphrase_async (f->store, "\xff\xfe not valid UTF-8 at all", NULL,
                                                 wb_test_result_cb, &res),
               g_assert_false (wb_store_change_passphrase_finish (f->store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  settle (f);
  g_assert_cmpuint (wb_store_get_n_accounts (f->store), ==, 1);

  /* Twelve characters with accents are enough. */
  WB_TEST_RUN (wb_store_change_passphrase_async (f->store, "Fryslân 1234", NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_change_passphrase_finish (f->store, res, &error)));
  g_assert_no_error (error);
}

static void
test_change_passphrase (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  WB_TEST_RUN (wb_store_change_passphrase_async (f->store, TEST_PASS2, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_change_passphrase_finish (f->store, res, &error)));
  g_assert_no_error (error);
  lock (f);

  g_assert_false (unlock_as (f, "anna", TEST_PASS, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (wb_store_get_locked (f->store));

  /* The actor is already there when the unlock callback runs. */
  wb_store_unlock_async (f->store, "anna", TEST_PASS2, FALSE, NULL, unlock_cb, f);
  while (!f->unlock_done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->actor_seen_at_unlock);
  settle (f);
  g_assert_false (wb_store_get_locked (f->store));
}

static void
test_remove_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_bert (f);
  WB_TEST_RUN (wb_store_remove_account_async (f->store, "anna", NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_remove_account_finish (f->store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  WB_TEST_RUN (wb_store_remove_account_async (f->store, "bert", NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_remove_account_finish (f->store, res, &error)));
  g_assert_no_error (error);
  settle (f);
  g_assert_cmpuint (wb_store_get_n_accounts (f->store), ==, 1);
  g_assert_cmpuint (f->n_accounts_notify, ==, 3);

  lock (f);
  g_assert_false (unlock_as (f, "bert", BERT_PASS, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
}

static void
test_not_admin (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  add_bert (f);
  lock (f);
  g_assert_true (unlock_as (f, "bert", BERT_PASS, &error));

  WB_TEST_RUN (wb_store_add_account_async (f->store, "carla", NULL, WB_VAULT_ROLE_MEDEWERKER,
                                           "carla's long passphrase", NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_add_account_finish (f->store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  WB_TEST_RUN (wb_store_make_recovery_key_async (f->store, NULL, wb_test_result_cb, &res),
               key = wb_store_make_recovery_key_finish (f->store, res, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED);
  g_assert_null (key);
}

static void
test_recovery_key (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *key = NULL;

  WB_TEST_RUN (wb_store_make_recovery_key_async (f->store, NULL, wb_test_result_cb, &res),
               key = wb_store_make_recovery_key_finish (f->store, res, &error));
  g_assert_no_error (error);
  g_assert_nonnull (key);
  g_assert_cmpuint (strlen (key), ==, 32 + 7);
  lock (f);

  WB_TEST_RUN (wb_store_unlock_recovery_async (f->store, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                                               NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_unlock_recovery_finish (f->store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  WB_TEST_RUN (wb_store_unlock_recovery_async (f->store, key, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_unlock_recovery_finish (f->store, res, &error)));
  g_assert_no_error (error);
  settle (f);
  g_assert_false (wb_store_get_locked (f->store));
  g_assert_null (wb_store_get_actor (f->store));

  sodium_memzero (key, strlen (key));
  g_free (key);
}

/* Without the testing hook a store, like the app, refuses cheap slots. */
static void
test_cheap_slot_refused_without_hook (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "v.db", NULL);
  g_autoptr(WbStore) plain = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  plain = wb_store_new (path);
  WB_TEST_RUN (wb_store_open_async (plain, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (plain, res, &error)));
  WB_TEST_RUN (wb_store_unlock_async (plain, "anna", TEST_PASS, FALSE, NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_unlock_finish (plain, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_COST_TOO_LOW);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (wb_store_get_initialized (plain));
  g_assert_cmpuint (wb_store_get_n_accounts (plain), ==, 1);
}

/* A NULL cost without the hook means the calibrated cost, never below the
 * minimum. Slow (one calibration, one real Argon2id run). */
static void
test_null_cost_is_calibrated (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr(WbStore) store = wb_store_new (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (store, res, &error)));
  WB_TEST_RUN (wb_store_create_async (store, "anna", NULL, TEST_PASS, NULL, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (store, res, &error)));
  g_assert_no_error (error);
  g_clear_object (&store);

  db = wb_test_raw_db (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT opslimit, memlimit FROM slots", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_false (wb_kdf_cost_is_too_low ((guint64) sqlite3_column_int64 (stmt, 0),
                                          (gsize) sqlite3_column_int64 (stmt, 1)));
  g_assert_cmpuint ((guint64) sqlite3_column_int64 (stmt, 0), ==, wb_kdf_cost_calibrated ()->opslimit);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/accounts/add-list-and-unlock-as-new-account", test_add_and_list);
  ADD ("/store/accounts/weak-passphrase-is-refused-by-core-rule", test_weak_passphrase);
  ADD ("/store/accounts/change-passphrase-replaces-the-old-one", test_change_passphrase);
  ADD ("/store/accounts/remove-account-and-not-self", test_remove_account);
  ADD ("/store/accounts/only-administrator-manages-accounts", test_not_admin);
  ADD ("/store/accounts/recovery-key-unlocks-without-actor", test_recovery_key);
  ADD ("/store/accounts/cheap-slot-refused-without-testing-hook", test_cheap_slot_refused_without_hook);
#undef ADD
  g_test_add_func ("/store/accounts/null-cost-means-calibrated", test_null_cost_is_calibrated);
  return g_test_run ();
}
