/* test-store-drafts.c: intake drafts in the vault: sealed on disk, never a case, deleted only as drafts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wb-core.h"
#include "wb-store-drafts.h"
#include "wb-test-cases.h"
#include "wb-test-util.h"
#include "wb-test-async.h"

#define NAME_MARKER "DNAME-Hq47"
#define TEXT_MARKER "DTEXT-Lm83"

static WbIntakeDraft *
marked_draft (void)
{
  WbIntakeDraft *draft = wb_intake_draft_new ();
  g_autoptr(GVariant) fields = g_variant_ref_sink (g_variant_new_parsed (
    "{'name': <%s>, 'description': <%s>, 'acute': <true>}", NAME_MARKER, TEXT_MARKER));

  draft->step = 2;
  wb_intake_draft_set_fields (draft, fields);
  return draft;
}

static void
assert_no_markers (const char *dir)
{
  g_assert_cmpuint (wb_test_scan_dir (dir, NAME_MARKER), ==, 0);
  g_assert_cmpuint (wb_test_scan_dir (dir, TEXT_MARKER), ==, 0);
}

static void
test_drafts_sealed_and_not_cases (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(WbStore) store = wb_store_new (path);
  g_autoptr(WbIntakeDraft) draft = marked_draft ();
  g_autoptr(GPtrArray) case_records = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(WbCaseRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  WbIntakeDraft *got;

  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (store, res, &error)));
  g_assert_no_error (error);
  WB_TEST_RUN (wb_store_create_async (store, "anna", "Anna", TEST_PASS, wb_kdf_cost_test (), NULL,
                                      wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (store, res, &error)));
  g_assert_no_error (error);
  while (wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);

  case_records = wb_test_case_records (1, &case_id);
  WB_TEST_RUN (wb_store_put_many_async (store, case_records, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_put_many_finish (store, res, &error)));
  g_assert_no_error (error);
  WB_TEST_RUN (wb_store_put_draft_async (store, draft, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_put_draft_finish (store, res, &error)));
  g_assert_no_error (error);
  /* Saved again (a later step): the same record, not a second one. */
  draft->step = 4;
  WB_TEST_RUN (wb_store_put_draft_async (store, draft, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_put_draft_finish (store, res, &error)));
  g_assert_no_error (error);

  /* While open, the new records are in the WAL. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_markers (dir);

  WB_TEST_RUN (wb_store_list_drafts_async (store, NULL, wb_test_result_cb, &res),
               listed = wb_store_list_drafts_finish (store, res, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  got = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (got->id, ==, draft->id);
  g_assert_cmpuint (got->step, ==, 4);
  g_assert_cmpstr (wb_intake_draft_get_reporter_name (got), ==, NAME_MARKER);

  /* The draft is no case: the index holds the one real case only. */
  rows = wb_store_dup_index_rows (store);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((WbCaseRow *) g_ptr_array_index (rows, 0))->reference, ==, "WB-TEST-1");

  /* A case id given as a draft id deletes nothing. */
  WB_TEST_RUN (wb_store_delete_draft_async (store, case_id, NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_delete_draft_finish (store, res, &error)));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  row = wb_store_lookup_index_row (store, case_id);
  g_assert_nonnull (row);

  WB_TEST_RUN (wb_store_delete_draft_async (store, draft->id, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_delete_draft_finish (store, res, &error)));
  g_assert_no_error (error);
  /* Gone already is fine: a save and a discard may both delete it. */
  WB_TEST_RUN (wb_store_delete_draft_async (store, draft->id, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_delete_draft_finish (store, res, &error)));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  WB_TEST_RUN (wb_store_list_drafts_async (store, NULL, wb_test_result_cb, &res),
               listed = wb_store_list_drafts_finish (store, res, &error));
  g_assert_cmpuint (listed->len, ==, 0);

  /* Locked, nothing is listed. */
  WB_TEST_RUN (wb_store_lock_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_lock_finish (store, res, &error)));
  g_clear_pointer (&listed, g_ptr_array_unref);
  WB_TEST_RUN (wb_store_list_drafts_async (store, NULL, wb_test_result_cb, &res),
               listed = wb_store_list_drafts_finish (store, res, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* And after the connection closed (WAL checkpointed into the file). */
  g_clear_object (&store);
  assert_no_markers (dir);
  wb_test_rm_rf (dir);
}

/* The put is queued before the lock, and the worker runs jobs in order:
 * a draft saved as the vault locks reaches the disk. */
static void
test_draft_queued_before_lock_is_written (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr(WbStore) store = wb_store_new (path);
  g_autoptr(WbIntakeDraft) draft = marked_draft ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *put = NULL;
  GAsyncResult *locked = NULL;

  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (store, res, &error)));
  WB_TEST_RUN (wb_store_create_async (store, "anna", "Anna", TEST_PASS, wb_kdf_cost_test (), NULL,
                                      wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (store, res, &error)));
  g_assert_no_error (error);
  while (wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);

  wb_store_put_draft_async (store, draft, NULL, wb_test_result_cb, &put);
  wb_store_lock_async (store, NULL, wb_test_result_cb, &locked);
  wb_test_wait_result (&locked);
  wb_test_wait_result (&put);
  g_assert_true (wb_store_put_draft_finish (store, put, &error));
  g_assert_no_error (error);
  g_clear_object (&put);
  g_clear_object (&locked);

  WB_TEST_RUN (wb_store_unlock_async (store, "anna", TEST_PASS, TRUE, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_unlock_finish (store, res, &error)));
  g_assert_no_error (error);
  WB_TEST_RUN (wb_store_list_drafts_async (store, NULL, wb_test_result_cb, &res),
               listed = wb_store_list_drafts_finish (store, res, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((WbIntakeDraft *) g_ptr_array_index (listed, 0))->id, ==, draft->id);

  g_clear_object (&store);
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/drafts/sealed-and-not-cases", test_drafts_sealed_and_not_cases);
  g_test_add_func ("/store/drafts/queued-before-lock-is-written", test_draft_queued_before_lock_is_written);
  return g_test_run ();
}
