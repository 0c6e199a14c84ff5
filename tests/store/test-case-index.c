/* test-case-index.c: the in-memory case index: built at unlock, kept current, wiped on lock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-core.h"
#include "wb-fold.h"
#include "wb-store-private.h"
#include "wb-test-cases.h"
#include "wb-test-util.h"
#include "wb-test-async.h"

#define N_CASES 40

typedef struct
{
  char       *dir;
  char       *path;
  WbStore    *store;
  guint       n_index_changed;
  GPtrArray  *case_ids;
} Fixture;

static void
index_changed_cb (WbStore *store,
                  Fixture *f)
{
  f->n_index_changed++;
}

/* Waits for the index-changed that follows the job just awaited. */
static void
wait_index (Fixture *f,
            guint    before)
{
  while (f->n_index_changed == before)
    g_main_context_iteration (NULL, TRUE);
}

static WbStore *
new_store (Fixture *f)
{
  WbStore *store = wb_store_new (f->path);

  wb_store_set_kdf_cost_for_testing (store, wb_kdf_cost_test ());
  g_signal_connect (store, "index-changed", G_CALLBACK (index_changed_cb), f);
  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (store, res, NULL)));
  return store;
}

static void
put (Fixture   *f,
     GPtrArray *records)
{
  g_autoptr(GError) error = NULL;
  guint before = f->n_index_changed;

  WB_TEST_RUN (wb_store_put_many_async (f->store, records, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_put_many_finish (f->store, res, &error)));
  g_assert_no_error (error);
  wait_index (f, before);
}

static void
unlock (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint before = f->n_index_changed;

  WB_TEST_RUN (wb_store_unlock_async (f->store, "anna", TEST_PASS, FALSE, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_unlock_finish (f->store, res, &error)));
  g_assert_no_error (error);
  wait_index (f, before);
}

static void
lock (Fixture *f)
{
  guint before = f->n_index_changed;

  WB_TEST_RUN (wb_store_lock_async (f->store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_lock_finish (f->store, res, NULL)));
  wait_index (f, before);
}

static void
drop_store (Fixture *f)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before;

  f->dir = wb_test_tmpdir ();
  f->path = g_build_filename (f->dir, "v.db", NULL);
  f->case_ids = g_ptr_array_new_with_free_func (g_free);
  f->store = new_store (f);
  before = f->n_index_changed;
  WB_TEST_RUN (wb_store_create_async (f->store, "anna", "Anna", TEST_PASS, NULL, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (f->store, res, &error)));
  g_assert_no_error (error);
  wait_index (f, before);

  for (guint n = 0; n < N_CASES; n++)
    {
      char *case_id = NULL;
      g_autoptr(GPtrArray) records = wb_test_case_records (n, &case_id);

      g_ptr_array_add (f->case_ids, case_id);
      put (f, records);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  drop_store (f);
  wb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_ptr_array_unref (f->case_ids);
}

static guint
n_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rows = wb_store_dup_index_rows (f->store);
  return rows->len;
}

static WbCaseRow *
row_of (Fixture *f,
        guint    n)
{
  return wb_store_lookup_index_row (f->store, g_ptr_array_index (f->case_ids, n));
}

static void
test_built_at_unlock (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(WbCaseRow) row = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  lock (f);
  g_assert_cmpuint (n_rows (f), ==, 0);
  drop_store (f);

  /* A fresh store reads everything from disk at unlock. */
  f->store = new_store (f);
  unlock (f);
  rows = wb_store_dup_index_rows (f->store);
  g_assert_cmpuint (rows->len, ==, N_CASES);
  g_assert_cmpuint (wb_store_get_index_n_damaged (f->store), ==, 0);

  row = row_of (f, 7);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->case_id, ==, g_ptr_array_index (f->case_ids, 7));
  g_assert_cmpstr (row->reference, ==, "WB-TEST-7");
  g_assert_cmpint (row->status, ==, 7 % 5);
  g_assert_cmpint (row->urgency, ==, 7 % 3);
  g_assert_cmpint (row->association, ==, WB_ASSOCIATION_NGB);
  g_assert_true (row->has_reporter);
  g_assert_cmpstr (row->reporter_name, ==, "Test Jansen-7");
  g_assert_cmpint (row->reporter_role, ==, WB_PERSON_ROLE_MAYOR);
  g_assert_cmpstr (row->municipality, ==, "GM1900");
  g_assert_cmpuint (row->incident_types, ==, WB_INCIDENT_TYPE_THREAT | WB_INCIDENT_TYPE_ONLINE_HATE);
  /* The inbox does not show descriptions: they are only searched. */
  g_assert_cmpstr (row->description, ==, "");
  g_assert_nonnull (strstr (row->search_text, "fryslan"));
  g_assert_cmpint (row->created, ==, wb_test_case_time (7, WB_TEST_TIME_CREATED) * G_USEC_PER_SEC);
  g_assert_cmpint (row->updated, ==, wb_test_case_time (7, WB_TEST_TIME_UPDATED) * G_USEC_PER_SEC);
  /* The done follow-up is earlier but does not count. */
  g_assert_cmpint (row->next_due, ==, wb_test_case_time (7, WB_TEST_TIME_DUE_OPEN) * G_USEC_PER_SEC);
  g_assert_cmpint (row->last_activity, ==, wb_test_case_time (7, WB_TEST_TIME_TIMELINE) * G_USEC_PER_SEC);
  g_assert_cmpuint (row->n_damaged, ==, 0);
  drop_store (f);

  /* Putting a follow-up also kept its plaintext schedule. */
  db = wb_test_raw_db (f->path);
  sqlite3_prepare_v2 (db, "SELECT count(*), sum(state = 0) FROM followups", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2 * N_CASES);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, N_CASES);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_search_text_folds (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WbCaseRow) row = row_of (f, 3);
  g_autofree char *query = wb_fold_for_search ("Súdwest-FRYSLÂN");

  g_assert_nonnull (row);
  g_assert_true (g_utf8_validate (row->search_text, -1, NULL));
  for (const char *p = row->search_text; *p; p++)
    g_assert_cmpuint ((guchar) *p, <, 0x80);
  g_assert_nonnull (strstr (row->search_text, "wb-test-3"));
  g_assert_nonnull (strstr (row->search_text, "test jansen-3"));
  g_assert_nonnull (strstr (row->search_text, "test visser-3"));
  g_assert_nonnull (strstr (row->search_text, "gm1900"));
  g_assert_nonnull (strstr (row->search_text, "in fryslan"));
  g_assert_true (wb_fold_matches (row->search_text, query));
  g_assert_null (strstr (row->search_text, "â"));
}

static void
test_updated_after_put_and_delete (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) extra = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autofree char *extra_id = NULL;
  g_autoptr(WbCaseRow) row = NULL;
  g_autoptr(WbPerson) moved = wb_person_new ();
  g_autoptr(WbCase) c = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WbRecordId id, person_id;
  guint before;

  /* A new case appears. */
  extra = wb_test_case_records (1000, &extra_id);
  put (f, extra);
  g_assert_cmpuint (n_rows (f), ==, N_CASES + 1);
  row = wb_store_lookup_index_row (f->store, extra_id);
  g_assert_cmpstr (row->reference, ==, "WB-TEST-1000");
  g_clear_pointer (&row, wb_case_row_unref);

  /* A changed case record changes its row only. */
  g_assert_true (wb_record_id_from_string (g_ptr_array_index (f->case_ids, 0), &id));
  WB_TEST_RUN (wb_store_get_async (f->store, &id, NULL, wb_test_result_cb, &res),
               bytes = wb_store_get_finish (f->store, res, &error));
  g_assert_no_error (error);
  c = wb_case_deserialize (bytes, &error);
  g_assert_no_error (error);
  wb_case_set_status (c, WB_CASE_STATUS_CLOSED);
  wb_case_set_reference (c, "WB-TEST-0-CLOSED");
  g_ptr_array_add (one, wb_store_record_new ("case", &id, wb_case_serialize (c)));
  g_bytes_unref (((WbStoreRecord *) g_ptr_array_index (one, 0))->plaintext);
  put (f, one);
  row = row_of (f, 0);
  g_assert_cmpint (row->status, ==, WB_CASE_STATUS_CLOSED);
  g_assert_cmpstr (row->reference, ==, "WB-TEST-0-CLOSED");
  g_assert_cmpstr (row->reporter_name, ==, "Test Jansen-0");
  g_clear_pointer (&row, wb_case_row_unref);

  /* A person moved from case 1 to case 2 leaves one and joins the other. */
  wb_person_set_case_id (moved, g_ptr_array_index (f->case_ids, 1));
  wb_person_set_name (moved, "Test Bakker-99");
  wb_person_set_relation (moved, WB_PERSON_RELATION_FAMILY);
  g_assert_true (wb_record_id_from_string (wb_person_get_id (moved), &person_id));
  g_ptr_array_set_size (one, 0);
  g_ptr_array_add (one, wb_store_record_new ("person", &person_id, wb_person_serialize (moved)));
  g_bytes_unref (((WbStoreRecord *) g_ptr_array_index (one, 0))->plaintext);
  put (f, one);
  row = row_of (f, 1);
  g_assert_nonnull (strstr (row->search_text, "test bakker-99"));
  g_clear_pointer (&row, wb_case_row_unref);

  wb_person_set_case_id (moved, g_ptr_array_index (f->case_ids, 2));
  g_ptr_array_set_size (one, 0);
  g_ptr_array_add (one, wb_store_record_new ("person", &person_id, wb_person_serialize (moved)));
  g_bytes_unref (((WbStoreRecord *) g_ptr_array_index (one, 0))->plaintext);
  put (f, one);
  row = row_of (f, 1);
  g_assert_null (strstr (row->search_text, "test bakker-99"));
  g_clear_pointer (&row, wb_case_row_unref);
  row = row_of (f, 2);
  g_assert_nonnull (strstr (row->search_text, "test bakker-99"));
  g_clear_pointer (&row, wb_case_row_unref);

  /* Deleting the person takes the name out again. */
  before = f->n_index_changed;
  WB_TEST_RUN (wb_store_delete_async (f->store, &person_id, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_delete_finish (f->store, res, &error)));
  g_assert_no_error (error);
  wait_index (f, before);
  row = row_of (f, 2);
  g_assert_null (strstr (row->search_text, "test bakker-99"));
  g_clear_pointer (&row, wb_case_row_unref);

  /* Deleting the case removes its row. */
  before = f->n_index_changed;
  g_assert_true (wb_record_id_from_string (extra_id, &id));
  WB_TEST_RUN (wb_store_delete_async (f->store, &id, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_delete_finish (f->store, res, &error)));
  g_assert_no_error (error);
  wait_index (f, before);
  g_assert_null (wb_store_lookup_index_row (f->store, extra_id));
  g_assert_cmpuint (n_rows (f), ==, N_CASES);
}

static gboolean
all_zero (const char *s,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != 0)
      return FALSE;
  return TRUE;
}

static void
test_wiped_on_lock (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) kept = wb_store_dup_index_rows (f->store);
  g_autoptr(GPtrArray) after = NULL;
  WbCaseRow *row;
  gsize len;

  g_assert_cmpuint (kept->len, ==, N_CASES);
  row = g_ptr_array_index (kept, 0);
  len = strlen (row->search_text);
  g_assert_cmpuint (len, >, 0);

  lock (f);
  after = wb_store_dup_index_rows (f->store);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_null (row_of (f, 0));

  /* A snapshot still held by a widget is wiped as well. */
  g_assert_true (all_zero (row->search_text, len));
  g_assert_cmpstr (row->reference, ==, "");
  g_assert_cmpstr (row->reporter_name, ==, "");
  g_assert_cmpstr (row->search_text, ==, "");
  g_assert_cmpstr (row->case_id, ==, "");

  /* A failed unlock leaves it empty; a good one fills it again. */
  WB_TEST_RUN (wb_store_unlock_async (f->store, "anna", "not the passphrase", FALSE, NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_unlock_finish (f->store, res, NULL)));
  g_assert_cmpuint (n_rows (f), ==, 0);
  unlock (f);
  g_assert_cmpuint (n_rows (f), ==, N_CASES);
}

static void
test_damaged_record_is_skipped (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) junk = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GBytes) not_a_record = wb_test_text ("not a record");
  g_autoptr(WbCaseRow) row = NULL;
  WbRecordId junk_id, case_id;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  /* One person record that opens but does not parse. */
  wb_record_id_generate (&junk_id);
  g_ptr_array_add (junk, wb_store_record_new ("person", &junk_id, not_a_record));
  put (f, junk);
  drop_store (f);

  /* One case record whose ciphertext was overwritten. */
  g_assert_true (wb_record_id_from_string (g_ptr_array_index (f->case_ids, 5), &case_id));
  db = wb_test_raw_db (f->path);
  sqlite3_prepare_v2 (db, "UPDATE records SET blob = randomblob(length(blob)) WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, case_id.bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  f->store = new_store (f);
  unlock (f);
  g_assert_cmpuint (n_rows (f), ==, N_CASES - 1);
  g_assert_cmpuint (wb_store_get_index_n_damaged (f->store), ==, 2);
  g_assert_null (row_of (f, 5));
  row = row_of (f, 6);
  g_assert_cmpstr (row->reference, ==, "WB-TEST-6");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/index/built-at-unlock-from-records", test_built_at_unlock);
  ADD ("/store/index/search-text-is-folded", test_search_text_folds);
  ADD ("/store/index/updated-after-put-and-delete", test_updated_after_put_and_delete);
  ADD ("/store/index/emptied-and-wiped-on-lock", test_wiped_on_lock);
  ADD ("/store/index/damaged-record-is-skipped-and-counted", test_damaged_record_is_skipped);
#undef ADD
  return g_test_run ();
}
