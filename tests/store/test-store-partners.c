/* test-store-partners.c: partners in the vault: sealed on disk, listed back whole, checked before writing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wb-core.h"
#include "wb-store-partners.h"
#include "wb-test-util.h"
#include "wb-test-async.h"

/* One marker per text field; none may appear in the database or its WAL. */
static const char * const markers[] = {
  "PNAME-Qx71", "PORG-Kv38", "PLANG-Wd52", "PAVAIL-Tn64", "pmail-zr19", "PNOTES-Ub26",
};
#define PHONE_DIGITS "612987654"

static WbPartner *
marked_partner (void)
{
  WbPartner *p = wb_partner_new ();
  const char *areas[] = { "GM0080", "PV21", NULL };
  const char *languages[] = { markers[2], NULL };
  g_autofree char *email = g_strdup_printf ("%s@example.org", markers[4]);
  g_autoptr(GDateTime) verified = g_date_time_new_utc (2026, 3, 4, 10, 0, 0);

  wb_partner_set_name (p, markers[0]);
  wb_partner_set_organisation (p, markers[1]);
  wb_partner_set_kind (p, WB_PARTNER_KIND_LEGAL);
  wb_partner_set_areas (p, areas);
  wb_partner_set_languages (p, languages);
  wb_partner_set_availability (p, markers[3]);
  wb_partner_set_phone (p, "0" PHONE_DIGITS);
  wb_partner_set_email (p, email);
  wb_partner_set_notes (p, markers[5]);
  wb_partner_set_verified_at (p, verified);
  return p;
}

static void
assert_no_markers (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    g_assert_cmpuint (wb_test_scan_dir (dir, markers[i]), ==, 0);
  g_assert_cmpuint (wb_test_scan_dir (dir, PHONE_DIGITS), ==, 0);
}

static void
test_partners_sealed (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.txt", NULL);
  g_autoptr(WbStore) store = wb_store_new (path);
  g_autoptr(WbPartner) partner = marked_partner ();
  g_autoptr(WbPartner) invalid = wb_partner_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  WbPartner *got;

  WB_TEST_RUN (wb_store_open_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_open_finish (store, res, &error)));
  g_assert_no_error (error);
  WB_TEST_RUN (wb_store_create_async (store, "anna", "Anna", TEST_PASS, wb_kdf_cost_test (), NULL,
                                      wb_test_result_cb, &res),
               g_assert_true (wb_store_create_finish (store, res, &error)));
  g_assert_no_error (error);
  while (wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);

  WB_TEST_RUN (wb_store_put_partner_async (store, partner, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_put_partner_finish (store, res, &error)));
  g_assert_no_error (error);
  /* A partner without name, areas or contact is refused, not written. */
  WB_TEST_RUN (wb_store_put_partner_async (store, invalid, NULL, wb_test_result_cb, &res),
               g_assert_false (wb_store_put_partner_finish (store, res, &error)));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The scan would see a marker written in the clear. */
  g_assert_true (g_file_set_contents (plain_path, markers[0], -1, NULL));
  g_assert_cmpuint (wb_test_scan_dir (dir, markers[0]), >, 0);
  g_assert_cmpint (g_remove (plain_path), ==, 0);

  /* While open, the new record is in the WAL. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_markers (dir);

  WB_TEST_RUN (wb_store_list_partners_async (store, NULL, wb_test_result_cb, &res),
               listed = wb_store_list_partners_finish (store, res, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  got = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (wb_partner_get_id (got), ==, wb_partner_get_id (partner));
  g_assert_cmpstr (wb_partner_get_name (got), ==, markers[0]);
  g_assert_cmpstr (wb_partner_get_organisation (got), ==, markers[1]);
  g_assert_cmpstr (wb_partner_get_languages (got)[0], ==, markers[2]);
  g_assert_cmpstr (wb_partner_get_availability (got), ==, markers[3]);
  g_assert_cmpstr (wb_partner_get_notes (got), ==, markers[5]);
  g_assert_cmpstrv (wb_partner_get_areas (got), wb_partner_get_areas (partner));
  g_assert_true (g_date_time_equal (wb_partner_get_verified_at (got),
                                    wb_partner_get_verified_at (partner)));

  /* Locked, nothing is listed. */
  WB_TEST_RUN (wb_store_lock_async (store, NULL, wb_test_result_cb, &res),
               g_assert_true (wb_store_lock_finish (store, res, &error)));
  g_clear_pointer (&listed, g_ptr_array_unref);
  WB_TEST_RUN (wb_store_list_partners_async (store, NULL, wb_test_result_cb, &res),
               listed = wb_store_list_partners_finish (store, res, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_LOCKED);
  g_assert_null (listed);
  g_clear_error (&error);

  /* And after the connection closed (WAL checkpointed into the file). */
  g_clear_object (&store);
  assert_no_markers (dir);
  wb_test_rm_rf (dir);
}

static void
test_vault_put_partner_checks (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "anna");
  g_autoptr(WbPartner) partner = marked_partner ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad_areas[] = { "Fryslân", NULL };
  guint n_damaged = 1;

  g_assert_true (wb_vault_put_partner (vault, partner, &error));
  g_assert_no_error (error);
  /* An edit writes the same record again, not a second one. */
  wb_partner_set_active (partner, FALSE);
  g_assert_true (wb_vault_put_partner (vault, partner, &error));
  wb_partner_set_areas (partner, bad_areas);
  g_assert_false (wb_vault_put_partner (vault, partner, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  listed = wb_vault_list_partners (vault, &n_damaged, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_damaged, ==, 0);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_false (wb_partner_get_active (g_ptr_array_index (listed, 0)));
  g_assert_cmpstr (wb_partner_get_areas (g_ptr_array_index (listed, 0))[0], ==, "GM0080");
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/partners/sealed-and-listed", test_partners_sealed);
  g_test_add_func ("/store/partners/vault-put-checks", test_vault_put_partner_checks);
  return g_test_run ();
}
