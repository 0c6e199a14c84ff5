/* test-inbox.c: the inbox and the case page on a small temporary vault.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-aftercare-plan.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "wb-case-item.h"
#include "wb-case-page.h"
#include "wb-inbox-page.h"
#include "wb-store-case.h"
#include "wb-store-private.h"
#include "wb-test-widgets.h"

#define PASS "fictieve test wachtzin 12"

typedef struct
{
  char        *dir;
  WbStore     *store;
  GtkWindow   *window;
  WbInboxPage *page;
  char        *case_ids[4];
} Fixture;

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

#define RUN(call, check) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) res = NULL; \
    call; \
    spin_until (result_ready, &res); \
    check; \
  } G_STMT_END

static void
add (GPtrArray  *records,
     const char *kind,
     const char *hex,
     GBytes     *bytes)
{
  WbRecordId id;

  g_assert_true (wb_record_id_from_string (hex, &id));
  g_ptr_array_add (records, wb_store_record_new (kind, &id, bytes));
  g_bytes_unref (bytes);
}

/* A fictional case: reporter "Test Jansen-<n>" in @municipality. */
static char *
add_case (GPtrArray    *records,
          guint         n,
          WbUrgency     urgency,
          WbCaseStatus  status,
          const char   *municipality,
          gint64        created_days_ago)
{
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(WbPerson) p = wb_person_new ();
  g_autoptr(WbIncident) inc = wb_incident_new ();
  g_autoptr(WbTimelineEntry) e = wb_timeline_entry_new ();
  g_autoptr(WbFollowUp) fu = wb_follow_up_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_add_days (now, -created_days_ago);
  g_autofree char *ref = g_strdup_printf ("OT-2026-%04u", n);
  g_autofree char *name = g_strdup_printf ("Test Jansen-%u", n);

  wb_case_set_reference (c, ref);
  wb_case_set_status (c, status);
  wb_case_set_urgency (c, urgency);
  wb_case_set_association (c, WB_ASSOCIATION_NGB);
  wb_case_set_created (c, created);
  wb_case_set_updated (c, created);
  add (records, "case", wb_case_get_id (c), wb_case_serialize (c));

  wb_person_set_case_id (p, wb_case_get_id (c));
  wb_person_set_relation (p, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (p, name);
  wb_person_set_role (p, WB_PERSON_ROLE_MAYOR);
  wb_person_set_municipality (p, municipality);
  add (records, "person", wb_person_get_id (p), wb_person_serialize (p));

  wb_incident_set_case_id (inc, wb_case_get_id (c));
  wb_incident_set_types (inc, WB_INCIDENT_TYPE_THREAT);
  wb_incident_set_start (inc, created);
  wb_incident_set_description (inc, "Fictieve dreigbrief na een raadsvergadering.");
  add (records, "incident", wb_incident_get_id (inc), wb_incident_serialize (inc));

  wb_timeline_entry_set_case_id (e, wb_case_get_id (c));
  wb_timeline_entry_set_kind (e, WB_TIMELINE_KIND_NOTE);
  wb_timeline_entry_set_time (e, created);
  wb_timeline_entry_set_text (e, "Eerste fictieve notitie.");
  add (records, "timeline", wb_timeline_entry_get_id (e), wb_timeline_entry_serialize (e));

  {
    /* The first case's follow-up is overdue. */
    g_autoptr(GDateTime) due = g_date_time_add_days (now, n == 1 ? -1 : 7);

    wb_follow_up_set_case_id (fu, wb_case_get_id (c));
    wb_follow_up_set_due (fu, due);
    wb_follow_up_set_state (fu, WB_FOLLOW_UP_STATE_OPEN);
    add (records, "followup", wb_follow_up_get_id (fu), wb_follow_up_serialize (fu));
  }

  return g_strdup (wb_case_get_id (c));
}

static gboolean
page_settled (gpointer data)
{
  Fixture *f = data;

  return !wb_inbox_page_is_busy (f->page);
}

static guint
n_shown (Fixture *f)
{
  spin_until (page_settled, f);
  return g_list_model_get_n_items (wb_inbox_page_get_model (f->page));
}

static const char *
shown_reference (Fixture *f,
                 guint    i)
{
  g_autoptr(WbCaseItem) item = g_list_model_get_item (wb_inbox_page_get_model (f->page), i);

  return wb_case_item_get_row (item)->reference;
}

static gboolean
has_rows (gpointer data)
{
  Fixture *f = data;

  return wb_inbox_page_get_n_open (f->page) == 3 && n_shown (f) == 3;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;

  g_settings_reset (settings, "inbox-status");
  g_settings_reset (settings, "inbox-mine");
  g_settings_reset (settings, "inbox-overdue");
  f->dir = g_dir_make_tmp ("wb-inbox-XXXXXX", NULL);
  path = g_build_filename (f->dir, "weerbaar.db", NULL);
  f->store = wb_store_new (path);
  wb_store_set_kdf_cost_for_testing (f->store, wb_kdf_cost_test ());
  RUN (wb_store_open_async (f->store, NULL, got_result_cb, &res),
       g_assert_true (wb_store_open_finish (f->store, res, NULL)));
  RUN (wb_store_create_async (f->store, "beheer.test", "Test Beheerder", PASS, NULL, NULL,
                              got_result_cb, &res),
       g_assert_true (wb_store_create_finish (f->store, res, NULL)));

  /* Normal and old, acute and new, high, and a closed acute one. */
  f->case_ids[0] = add_case (records, 1, WB_URGENCY_NORMAL, WB_CASE_STATUS_NEW, "GM0344", 30);
  f->case_ids[1] = add_case (records, 2, WB_URGENCY_ACUTE, WB_CASE_STATUS_IN_PROGRESS, "GM1900", 2);
  f->case_ids[2] = add_case (records, 3, WB_URGENCY_HIGH, WB_CASE_STATUS_NEW, "GM0363", 10);
  f->case_ids[3] = add_case (records, 4, WB_URGENCY_ACUTE, WB_CASE_STATUS_CLOSED, "GM0363", 40);
  RUN (wb_store_put_many_async (f->store, records, NULL, got_result_cb, &res),
       g_assert_true (wb_store_put_many_finish (f->store, res, NULL)));

  f->page = g_object_ref_sink (g_object_new (WB_TYPE_INBOX_PAGE, NULL));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wb_inbox_page_set_store (f->page, f->store);
  spin_until (has_rows, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "weerbaar.db", NULL);

  gtk_window_destroy (f->window);
  g_clear_object (&f->page);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (f->case_ids); i++)
    g_free (f->case_ids[i]);
  /* The store's worker closes the database as the last reference goes. */
  for (const char *suffix = ""; suffix; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *p = g_strconcat (db, suffix, NULL);
      g_unlink (p);
    }
  {
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (shm);
  }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
set_search (Fixture    *f,
            const char *text)
{
  GtkWidget *entry = wb_test_find_widget_of_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before "search-changed". */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
test_rows_appear_in_default_order (Fixture       *f,
                                   gconstpointer  data)
{
  /* Open cases only, acute before high before normal. */
  g_assert_cmpuint (n_shown (f), ==, 3);
  g_assert_cmpstr (shown_reference (f, 0), ==, "OT-2026-0002");
  g_assert_cmpstr (shown_reference (f, 1), ==, "OT-2026-0003");
  g_assert_cmpstr (shown_reference (f, 2), ==, "OT-2026-0001");
  g_assert_cmpuint (wb_inbox_page_get_n_open (f->page), ==, 3);
  g_assert_cmpuint (wb_inbox_page_get_n_overdue (f->page), ==, 1);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect (c, type, out);
    }
}

static void
test_overdue_filter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkToggleButton *overdue;

  collect (GTK_WIDGET (f->page), GTK_TYPE_TOGGLE_BUTTON, toggles);
  /* "Mijn meldingen", then "Nazorg te laat" (and the filter menu button's own toggle). */
  g_assert_cmpuint (toggles->len, >=, 2);
  overdue = g_ptr_array_index (toggles, 1);
  gtk_toggle_button_set_active (overdue, TRUE);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_reference (f, 0), ==, "OT-2026-0001");
  g_assert_true (g_settings_get_boolean (settings, "inbox-overdue"));
  gtk_toggle_button_set_active (overdue, FALSE);
  g_assert_cmpuint (n_shown (f), ==, 3);
}

/* The window's sidebar folds away when the content needs more than the
 * default 1100 pixels leave it (240 go to the sidebar). */
static void
test_fits_beside_the_sidebar (Fixture       *f,
                              gconstpointer  data)
{
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("inbox page minimum width: %d", min);
  g_assert_cmpint (min, <=, 800);
}

static void
test_search_narrows_ignoring_accents (Fixture       *f,
                                      gconstpointer  data)
{
  set_search (f, "fryslan");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_reference (f, 0), ==, "OT-2026-0002");
  set_search (f, "JANSEN-3");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_reference (f, 0), ==, "OT-2026-0003");
  set_search (f, "amsterdam");
  g_assert_cmpuint (n_shown (f), ==, 1);
  set_search (f, "niemand-hier");
  g_assert_cmpuint (n_shown (f), ==, 0);
  set_search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 3);
}

static void
test_status_filter_is_kept_in_settings (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkDropDown *status = NULL;

  /* The status drop-down is the first in the filter popover. */
  status = GTK_DROP_DOWN (wb_test_find_widget_of_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (status, 1);       /* all cases */
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_cmpint (g_settings_get_int (settings, "inbox-status"), ==, -1);
  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpint (g_settings_get_int (settings, "inbox-status"), ==, -2);
  g_assert_cmpuint (n_shown (f), ==, 3);
}

static gboolean
case_loaded (gpointer data)
{
  WbCasePage *page = data;

  return g_strcmp0 (wb_case_page_get_state (page), "case") == 0;
}

static gboolean
not_busy (gpointer data)
{
  return !wb_case_page_get_busy (data);
}

typedef struct
{
  Fixture    *f;
  const char *text;
} NoteSeen;

static gboolean
stored_has_note (gpointer data)
{
  NoteSeen *n = data;
  g_autoptr(GPtrArray) records = NULL;
  gboolean found = FALSE;

  RUN (wb_store_load_case_async (n->f->store, n->f->case_ids[2], NULL, got_result_cb, &res),
       records = wb_store_load_case_finish (n->f->store, res, NULL));
  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (records, i);
      g_autoptr(WbTimelineEntry) e = NULL;

      if (g_strcmp0 (r->kind, "timeline") != 0)
        continue;
      e = wb_timeline_entry_deserialize (r->plaintext, NULL);
      found |= e && g_strcmp0 (wb_timeline_entry_get_text (e), n->text) == 0;
    }
  return found;
}

static void
test_case_page_shows_sections_and_adds_a_note (Fixture       *f,
                                               gconstpointer  data)
{
  WbCasePage *page;
  GPtrArray *timeline;
  NoteSeen seen = { f, "Fictieve notitie: teruggebeld." };

  wb_inbox_page_open_case (f->page, f->case_ids[2]);
  page = WB_CASE_PAGE (wb_test_find_widget_of_type (GTK_WIDGET (f->page), WB_TYPE_CASE_PAGE));
  g_assert_nonnull (page);
  spin_until (case_loaded, page);
  g_assert_cmpstr (wb_inbox_page_get_open_case (f->page), ==, f->case_ids[2]);
  g_assert_cmpstr (wb_case_get_reference (wb_case_page_get_case (page)), ==, "OT-2026-0003");
  timeline = wb_case_page_get_timeline (page);
  g_assert_cmpuint (timeline->len, ==, 1);

  wb_case_page_add_entry (page, WB_TIMELINE_KIND_NOTE, WB_CONTACT_CHANNEL_NONE, NULL, seen.text);
  spin_until (not_busy, page);
  g_assert_cmpuint (timeline->len, ==, 2);
  /* Newest first. */
  g_assert_cmpstr (wb_timeline_entry_get_text (g_ptr_array_index (timeline, 0)), ==, seen.text);
  g_assert_true (stored_has_note (&seen));

  /* A status change writes the case and a timeline entry together. */
  wb_case_page_change_status (page, WB_CASE_STATUS_REFERRED, "Fictieve reden");
  spin_until (not_busy, page);
  g_assert_cmpint (wb_case_get_status (wb_case_page_get_case (page)), ==, WB_CASE_STATUS_REFERRED);
  g_assert_cmpuint (timeline->len, ==, 3);
  g_assert_cmpint (wb_timeline_entry_get_kind (g_ptr_array_index (timeline, 0)), ==,
                   WB_TIMELINE_KIND_STATUS_CHANGE);
}

static gboolean
row_is_referred (gpointer data)
{
  Fixture *f = data;
  g_autoptr(WbCaseRow) row = wb_store_lookup_index_row (f->store, f->case_ids[2]);

  return row && row->status == WB_CASE_STATUS_REFERRED;
}

static void
test_edit_keeps_history_and_index_follows (Fixture       *f,
                                           gconstpointer  data)
{
  WbCasePage *page;
  WbTimelineEntry *e;
  g_autofree char *id = NULL;

  wb_inbox_page_open_case (f->page, f->case_ids[2]);
  page = WB_CASE_PAGE (wb_test_find_widget_of_type (GTK_WIDGET (f->page), WB_TYPE_CASE_PAGE));
  spin_until (case_loaded, page);
  e = g_ptr_array_index (wb_case_page_get_timeline (page), 0);
  id = g_strdup (wb_timeline_entry_get_id (e));
  wb_case_page_edit_entry (page, id, "Verbeterde fictieve notitie.");
  spin_until (not_busy, page);
  g_assert_cmpstr (wb_timeline_entry_get_text (e), ==, "Verbeterde fictieve notitie.");
  g_assert_cmpuint (wb_timeline_entry_get_history (e)->len, ==, 1);

  wb_case_page_change_status (page, WB_CASE_STATUS_REFERRED, "Fictieve reden");
  spin_until (row_is_referred, f);
  wb_inbox_page_show_list (f->page);
  g_assert_null (wb_inbox_page_get_open_case (f->page));
  g_assert_cmpuint (n_shown (f), ==, 3);
}

static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_export_writes_a_pdf (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "overdracht.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  WbCasePage *page;
  gsize len = 0;

  wb_inbox_page_open_case (f->page, f->case_ids[1]);
  page = WB_CASE_PAGE (wb_test_find_widget_of_type (GTK_WIDGET (f->page), WB_TYPE_CASE_PAGE));
  spin_until (case_loaded, page);
  g_assert_true (wb_case_page_export_pdf (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (contains (contents, len, "/Type /Page"));
  if (g_getenv ("WB_KEEP_PDF") == NULL)
    g_unlink (pdf);
  else
    g_test_message ("PDF kept at %s", pdf);
}

static gboolean
row_is_closed_without_due (gpointer data)
{
  Fixture *f = data;
  g_autoptr(WbCaseRow) row = wb_store_lookup_index_row (f->store, f->case_ids[0]);

  return row && row->status == WB_CASE_STATUS_CLOSED && row->next_due == 0;
}

static void
test_close_cancels_open_follow_ups (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(WbCaseRow) before = wb_store_lookup_index_row (f->store, f->case_ids[0]);
  WbCasePage *page;

  g_assert_cmpint (before->next_due, !=, 0);
  wb_inbox_page_open_case (f->page, f->case_ids[0]);
  page = WB_CASE_PAGE (wb_test_find_widget_of_type (GTK_WIDGET (f->page), WB_TYPE_CASE_PAGE));
  spin_until (case_loaded, page);
  wb_case_page_close_case (page, "Fictieve afsluiting", TRUE);
  spin_until (not_busy, page);
  /* The index follows the stored records: closed, nothing due any more. */
  spin_until (row_is_closed_without_due, f);
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_cmpuint (wb_inbox_page_get_n_open (f->page), ==, 2);
}

static guint
count_stored (Fixture    *f,
              const char *case_id,
              const char *kind)
{
  g_autoptr(GPtrArray) records = NULL;
  guint n = 0;

  RUN (wb_store_load_case_async (f->store, case_id, NULL, got_result_cb, &res),
       records = wb_store_load_case_finish (f->store, res, NULL));
  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    n += g_strcmp0 (((WbStoreRecord *) g_ptr_array_index (records, i))->kind, kind) == 0;
  return n;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_apply_plan_adds_follow_ups_and_a_note (Fixture       *f,
                                            gconstpointer  data)
{
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_SHORT);
  guint followups_before = count_stored (f, f->case_ids[2], "followup");
  guint timeline_before = count_stored (f, f->case_ids[2], "timeline");
  AdwMessageDialog *dialog;
  WbCasePage *page;

  wb_inbox_page_open_case (f->page, f->case_ids[2]);
  page = WB_CASE_PAGE (wb_test_find_widget_of_type (GTK_WIDGET (f->page), WB_TYPE_CASE_PAGE));
  spin_until (case_loaded, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "case.apply-plan", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  /* One choice per plan, and a way out. */
  g_assert_true (adw_message_dialog_has_response (dialog, WB_AFTERCARE_PLAN_STANDARD));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  adw_message_dialog_response (dialog, WB_AFTERCARE_PLAN_SHORT);
  spin_until (not_busy, page);

  g_assert_cmpuint (count_stored (f, f->case_ids[2], "followup"), ==,
                    followups_before + wb_aftercare_plan_get_n_steps (plan));
  g_assert_cmpuint (count_stored (f, f->case_ids[2], "timeline"), ==, timeline_before + 1);
}

static gboolean
rows_gone (gpointer data)
{
  Fixture *f = data;

  return wb_inbox_page_get_n_open (f->page) == 0 && n_shown (f) == 0;
}

static void
test_lock_empties_the_inbox (Fixture       *f,
                             gconstpointer  data)
{
  set_search (f, "jansen");
  wb_inbox_page_open_case (f->page, f->case_ids[0]);
  RUN (wb_store_lock_async (f->store, NULL, got_result_cb, &res),
       g_assert_true (wb_store_lock_finish (f->store, res, NULL)));
  spin_until (rows_gone, f);
  g_assert_null (wb_inbox_page_get_open_case (f->page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wb_test_find_widget_of_type (GTK_WIDGET (f->page),
                                                                     GTK_TYPE_SEARCH_ENTRY))),
                   ==, "");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/gui/inbox/rows-appear-in-default-order", test_rows_appear_in_default_order);
  ADD ("/gui/inbox/fits-beside-the-sidebar", test_fits_beside_the_sidebar);
  ADD ("/gui/inbox/overdue-filter", test_overdue_filter);
  ADD ("/gui/inbox/search-narrows-ignoring-accents", test_search_narrows_ignoring_accents);
  ADD ("/gui/inbox/status-filter-is-kept-in-settings", test_status_filter_is_kept_in_settings);
  ADD ("/gui/inbox/case-page-shows-sections-and-adds-a-note",
       test_case_page_shows_sections_and_adds_a_note);
  ADD ("/gui/inbox/edit-keeps-history-and-index-follows", test_edit_keeps_history_and_index_follows);
  ADD ("/gui/inbox/close-cancels-open-follow-ups", test_close_cancels_open_follow_ups);
  ADD ("/gui/inbox/export-writes-a-pdf", test_export_writes_a_pdf);
  ADD ("/gui/inbox/apply-plan-adds-follow-ups-and-a-note", test_apply_plan_adds_follow_ups_and_a_note);
  ADD ("/gui/inbox/lock-empties-the-inbox", test_lock_empties_the_inbox);
#undef ADD

  return g_test_run ();
}
