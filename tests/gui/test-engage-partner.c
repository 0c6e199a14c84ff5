/* test-engage-partner.c: "Engage Partner" on the case page ranks the directory for the case and logs a referral.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-case-page.h"
#include "wb-case-page-private.h"
#include "wb-core.h"
#include "wb-store-case.h"
#include "wb-store-partners.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-widgets.h"
#include "wb-test-store.h"

#define PASS "correct horse battery staple"

typedef struct
{
  char       *dir;
  WbStore    *store;
  GtkWindow  *window;
  WbCasePage *page;
  char       *case_id;
} Fixture;

static void
add (GPtrArray  *records,
     const char *kind,
     const char *hex_id,
     GBytes     *bytes)
{
  WbRecordId id;

  g_assert_true (wb_record_id_from_string (hex_id, &id));
  g_ptr_array_add (records, wb_store_record_new (kind, &id, bytes));
  g_bytes_unref (bytes);
}

static WbPartner *
partner (const char    *name,
         WbPartnerKind  kind,
         const char    *area)
{
  WbPartner *p = wb_partner_new ();
  const char *areas[] = { area, NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  wb_partner_set_name (p, name);
  wb_partner_set_kind (p, kind);
  wb_partner_set_areas (p, areas);
  wb_partner_set_phone (p, "06 12345678");
  wb_partner_set_active (p, TRUE);
  wb_partner_set_verified_at (p, now);
  return p;
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(WbPerson) p = wb_person_new ();
  g_autoptr(WbNeeds) needs = wb_needs_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  WbPartner *partners[3];

  f->dir = g_dir_make_tmp ("weerbaar-engage-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "weerbaar.db", NULL);
  f->store = wb_test_store_new (path, "tester", "Test Bakker-7", PASS);

  /* A mayor in Leeuwarden who needs legal help. */
  wb_case_set_reference (c, "OT-2026-0007");
  wb_case_set_created (c, now);
  wb_case_set_updated (c, now);
  f->case_id = g_strdup (wb_case_get_id (c));
  add (records, WB_KIND_CASE, f->case_id, wb_case_serialize (c));
  wb_person_set_case_id (p, f->case_id);
  wb_person_set_relation (p, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (p, "Test Jansen-7");
  wb_person_set_role (p, WB_PERSON_ROLE_MAYOR);
  wb_person_set_municipality (p, "GM0080");
  add (records, WB_KIND_PERSON, wb_person_get_id (p), wb_person_serialize (p));
  wb_needs_set_case_id (needs, f->case_id);
  wb_needs_set_needs (needs, WB_NEED_LEGAL);
  add (records, "needs", wb_needs_get_id (needs), wb_needs_serialize (needs));

  partners[0] = partner ("Test Kok-1", WB_PARTNER_KIND_LEGAL, "NL");
  partners[1] = partner ("Test Kok-2", WB_PARTNER_KIND_AFTERCARE, "GM0363");
  partners[2] = partner ("Test Kok-3", WB_PARTNER_KIND_LEGAL, "PV21");
  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      add (records, WB_KIND_PARTNER, wb_partner_get_id (partners[i]), wb_partner_serialize (partners[i]));
      g_object_unref (partners[i]);
    }
  wb_store_put_many_async (f->store, records, NULL, wb_test_result_cb, &saved);
  wb_store_put_many_finish (f->store, wb_test_wait_result (&saved), &error);
  g_assert_no_error (error);

  f->page = g_object_new (WB_TYPE_CASE_PAGE, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wb_case_page_set_store (f->page, f->store);
  wb_case_page_load (f->page, f->case_id);
  WAIT_UNTIL (g_strcmp0 (wb_case_page_get_state (f->page), "case") == 0, 10000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  if (f->dir != NULL)
    wb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
}

static gboolean
stored_referral (Fixture    *f,
                 const char *name)
{
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GPtrArray) records = NULL;

  wb_store_load_case_async (f->store, f->case_id, NULL, wb_test_result_cb, &res);
  records = wb_store_load_case_finish (f->store, wb_test_wait_result (&res), NULL);
  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (records, i);
      g_autoptr(WbTimelineEntry) e = NULL;

      if (g_strcmp0 (r->kind, WB_KIND_TIMELINE) != 0)
        continue;
      e = wb_timeline_entry_deserialize (r->plaintext, NULL);
      if (e && wb_timeline_entry_get_kind (e) == WB_TIMELINE_KIND_REFERRAL
          && strstr (wb_timeline_entry_get_text (e), name) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_engage_logs_a_referral (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  AdwMessageDialog *dialog;
  GtkListBox *list;
  GtkListBoxRow *chosen = NULL;
  GPtrArray *timeline;
  guint n_before;

  /* The order the dialog shows is the matching's for the case. */
  wb_store_list_partners_async (f->store, NULL, wb_test_result_cb, &res);
  partners = wb_store_list_partners_finish (f->store, wb_test_wait_result (&res), NULL);
  ranked = wb_partner_match_rank (partners, "GM0080", WB_NEED_LEGAL, WB_PERSON_ROLE_MAYOR, now, NULL);
  /* Amsterdam's partner does not serve Leeuwarden. */
  g_assert_cmpuint (ranked->len, ==, 2);

  timeline = wb_case_page_get_timeline (f->page);
  n_before = timeline->len;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.engage-partner", NULL));
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL, 10000);
  list = GTK_LIST_BOX (wb_test_find_widget_of_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  /* Engaging needs a chosen partner. */
  gtk_list_box_unselect_all (list);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "engage"));
  for (guint i = 0; i < ranked->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      WbPartner *shown = g_object_get_data (G_OBJECT (row), "wb-partner");
      const WbPartnerMatch *m = g_ptr_array_index (ranked, i);

      g_assert_cmpstr (wb_partner_get_id (shown), ==, wb_partner_get_id (m->partner));
      if (g_str_equal (wb_partner_get_name (shown), "Test Kok-3"))
        chosen = row;
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, ranked->len));
  /* The province's legal aid comes before the national one. */
  g_assert_cmpstr (wb_partner_get_name (((WbPartnerMatch *) g_ptr_array_index (ranked, 0))->partner),
                   ==, "Test Kok-3");

  gtk_list_box_select_row (list, chosen);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "engage"));
  adw_message_dialog_response (dialog, "engage");

  WAIT_UNTIL (!wb_case_page_get_busy (f->page) && timeline->len == n_before + 1, 10000);
  g_assert_cmpint (wb_timeline_entry_get_kind (g_ptr_array_index (timeline, 0)), ==,
                   WB_TIMELINE_KIND_REFERRAL);
  g_assert_nonnull (strstr (wb_timeline_entry_get_text (g_ptr_array_index (timeline, 0)), "Test Kok-3"));
  g_assert_true (stored_referral (f, "Test Kok-3"));

  /* The overview of engaged partners on the case page names it too. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (f->page->partners_list, 0);

    g_assert_true (ADW_IS_PREFERENCES_ROW (row));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Test Kok-3"));
    g_assert_null (gtk_list_box_get_row_at_index (f->page->partners_list, 1));
  }
}

static void
test_cancel_logs_nothing (Fixture       *f,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkListBox *list;
  guint n_before = wb_case_page_get_timeline (f->page)->len;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.engage-partner", NULL));
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL, 10000);
  list = GTK_LIST_BOX (wb_test_find_widget_of_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LIST_BOX));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  /* A response is handled as it is emitted; a write would be queued
   * before the listing below, on the same worker. */
  adw_message_dialog_response (dialog, "cancel");
  g_assert_false (wb_case_page_get_busy (f->page));
  g_assert_cmpuint (wb_case_page_get_timeline (f->page)->len, ==, n_before);
  g_assert_false (stored_referral (f, "Test Kok"));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_true (wb_store_crypto_init (NULL));

  g_test_add ("/gui/engage-partner/logs-a-referral", Fixture, NULL,
              fixture_set_up, test_engage_logs_a_referral, fixture_tear_down);
  g_test_add ("/gui/engage-partner/cancel-logs-nothing", Fixture, NULL,
              fixture_set_up, test_cancel_logs_nothing, fixture_tear_down);
  return g_test_run ();
}
