/* test-retention-page.c: Voorkeuren → Bewaartermijn lists closed cases past retention and removes the checked ones.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-case-page.h"
#include "wb-core.h"
#include "wb-inzage-export.h"
#include "wb-inbox-page.h"
#include "wb-case-item.h"
#include "wb-intake-drafts.h"
#include "wb-preferences-window.h"
#include "wb-retention-page.h"
#include "wb-store-drafts.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-store.h"

#define PASS "correct horse battery staple"

typedef struct
{
  char            *dir;
  WbStore         *store;
  GSettings       *settings;
  GtkWindow       *window;
  GtkWindow       *prefs_window;
  WbInboxPage     *inbox;
  WbRetentionPage *page;
  char            *old_id;
  char            *old_draft_id;
} Fixture;

/* A draft with a reporter's name, last written @days_ago days ago (and
 * started a day before that), written through the draft API. */
static char *
put_draft (WbStore    *store,
           const char *name,
           int         days_ago)
{
  g_autoptr(WbIntakeDraft) draft = wb_intake_draft_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GVariant) fields = g_variant_ref_sink (g_variant_new_parsed ("{'name': <%s>}", name));
  g_autoptr(GAsyncResult) put = NULL;
  g_autoptr(GError) error = NULL;

  wb_intake_draft_set_fields (draft, fields);
  draft->step = 1;
  g_date_time_unref (draft->updated);
  draft->updated = g_date_time_add_days (now, -days_ago);
  g_date_time_unref (draft->started);
  draft->started = g_date_time_add_days (now, -days_ago - 1);
  wb_store_put_draft_async (store, draft, NULL, wb_test_result_cb, &put);
  wb_store_put_draft_finish (store, wb_test_wait_result (&put), &error);
  g_assert_no_error (error);
  return g_strdup (draft->id);
}

static guint
count_labels (GtkWidget  *w,
              const char *text)
{
  guint n = GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), text) != NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_labels (c, text);
  return n;
}

static gboolean
label_contains (GtkWidget  *w,
                const char *text)
{
  if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (label_contains (c, text))
      return TRUE;
  return FALSE;
}

/* A case of @status, last changed @months_ago months ago, with a consent
 * record agreeing @agreed months (0: no consent record). */
static char *
add_case (GPtrArray    *records,
          const char   *reference,
          WbCaseStatus  status,
          int           months_ago,
          guint         agreed)
{
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(WbPerson) p = wb_person_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, -months_ago);
  g_autoptr(GDateTime) created = g_date_time_add_days (then, -10);
  g_autofree char *name = g_strdup_printf ("Test Jansen-%s", reference);
  WbRecordId id;

  wb_case_set_reference (c, reference);
  wb_case_set_status (c, status);
  wb_case_set_created (c, created);
  wb_case_set_updated (c, then);
  wb_record_id_from_string (wb_case_get_id (c), &id);
  g_ptr_array_add (records, wb_store_record_new ("case", &id, wb_case_serialize (c)));
  wb_person_set_case_id (p, wb_case_get_id (c));
  wb_person_set_relation (p, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (p, name);
  wb_person_set_role (p, WB_PERSON_ROLE_COUNCILLOR);
  wb_record_id_from_string (wb_person_get_id (p), &id);
  g_ptr_array_add (records, wb_store_record_new ("person", &id, wb_person_serialize (p)));
  if (agreed > 0)
    {
      g_autoptr(WbConsent) consent = wb_consent_new ();

      wb_consent_set_case_id (consent, wb_case_get_id (c));
      wb_consent_set_store (consent, TRUE);
      wb_consent_set_retention_months (consent, agreed);
      wb_record_id_from_string (wb_consent_get_id (consent), &id);
      g_ptr_array_add (records, wb_store_record_new ("consent", &id, wb_consent_serialize (consent)));
    }
  return g_strdup (wb_case_get_id (c));
}

static gboolean
inbox_has (Fixture    *f,
           const char *reference)
{
  GListModel *model = wb_inbox_page_get_model (f->inbox);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WbCaseItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (wb_case_item_get_row (item)->reference, reference) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_type (GtkWidget *w,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GAsyncResult) opened = NULL, created = NULL, put = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "retention-months");
  g_settings_reset (f->settings, "inbox-mine");
  g_settings_reset (f->settings, "inbox-overdue");
  f->dir = g_dir_make_tmp ("wb-retention-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "weerbaar.db", NULL);
  f->store = wb_test_store_new (path, "tester", "Test Bakker-9", PASS);

  /* Closed three years ago with the default of 24 months: past. */
  f->old_id = add_case (records, "WB-TEST-OLD", WB_CASE_STATUS_CLOSED, 36, 0);
  /* Closed three years ago, but 60 months agreed at intake: kept. */
  g_free (add_case (records, "WB-TEST-AGREED", WB_CASE_STATUS_CLOSED, 36, 60));
  /* Closed a year ago: kept. */
  g_free (add_case (records, "WB-TEST-RECENT", WB_CASE_STATUS_CLOSED, 12, 0));
  /* Open, untouched for four years: never. */
  g_free (add_case (records, "WB-TEST-OPEN", WB_CASE_STATUS_IN_PROGRESS, 48, 0));
  wb_store_put_many_async (f->store, records, NULL, wb_test_result_cb, &put);
  wb_store_put_many_finish (f->store, wb_test_wait_result (&put), &error);
  g_assert_no_error (error);
  /* An intake left 31 days ago: stale; one of 2 days ago: not. */
  f->old_draft_id = put_draft (f->store, "Test Visser-31", 31);
  g_free (put_draft (f->store, "Test Visser-2", 2));

  f->inbox = g_object_ref_sink (g_object_new (WB_TYPE_INBOX_PAGE, NULL));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->inbox));
  gtk_window_present (f->window);
  wb_inbox_page_set_store (f->inbox, f->store);
  /* All cases, closed ones too: the status drop-down is the first one. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_type (GTK_WIDGET (f->inbox), GTK_TYPE_DROP_DOWN)), 1);
  WAIT_UNTIL (inbox_has (f, "WB-TEST-OLD") && inbox_has (f, "WB-TEST-OPEN"), 10000);

  f->page = WB_RETENTION_PAGE (g_object_ref_sink (wb_retention_page_new (f->settings, f->store)));
  f->prefs_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->prefs_window, GTK_WIDGET (f->page));
  gtk_window_present (f->prefs_window);
  WAIT_UNTIL (!wb_retention_page_get_loading (f->page), 10000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->prefs_window);
  g_clear_object (&f->page);
  gtk_window_destroy (f->window);
  g_clear_object (&f->inbox);
  g_clear_object (&f->store);
  g_settings_reset (f->settings, "retention-months");
  g_settings_reset (f->settings, "inbox-status");
  g_clear_object (&f->settings);
  wb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->old_id);
  g_free (f->old_draft_id);
}

static void
test_lists_only_closed_past_retention (Fixture       *f,
                                       gconstpointer  data)
{
  g_auto(GStrv) refs = wb_retention_page_dup_references (f->page);

  g_assert_cmpuint (g_strv_length (refs), ==, 1);
  g_assert_cmpstr (refs[0], ==, "WB-TEST-OLD");
}

static guint
n_listed (Fixture *f)
{
  g_auto(GStrv) refs = NULL;

  if (wb_retention_page_get_loading (f->page))
    return G_MAXUINT;
  refs = wb_retention_page_dup_references (f->page);
  return g_strv_length (refs);
}

/* A shorter default lists the recent case too; a longer one none. */
static void
test_default_period_follows_setting (Fixture       *f,
                                     gconstpointer  data)
{
  g_auto(GStrv) shorter = NULL;

  g_settings_set_uint (f->settings, "retention-months", 12);
  WAIT_UNTIL (n_listed (f) == 2, 10000);
  shorter = wb_retention_page_dup_references (f->page);
  g_assert_true (g_strv_contains ((const char * const *) shorter, "WB-TEST-RECENT"));
  g_assert_true (g_strv_contains ((const char * const *) shorter, "WB-TEST-OLD"));

  g_settings_set_uint (f->settings, "retention-months", 84);
  WAIT_UNTIL (n_listed (f) == 0, 10000);
}

static GtkWidget *
find_remove_button (GtkWidget *w)
{
  if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "retention.remove") == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_remove_button (c);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
action_enabled (Fixture *f)
{
  GtkWidget *button = find_remove_button (GTK_WIDGET (f->page));

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
test_purge_removes_from_inbox (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(GStrv) after = NULL;

  g_assert_false (action_enabled (f));
  g_assert_true (wb_retention_page_set_checked (f->page, "WB-TEST-OLD", TRUE));
  g_assert_true (action_enabled (f));
  g_assert_false (wb_retention_page_set_checked (f->page, "WB-TEST-OPEN", TRUE));

  wb_retention_page_purge_checked (f->page);
  WAIT_UNTIL (!inbox_has (f, "WB-TEST-OLD"), 10000);
  WAIT_UNTIL (!wb_retention_page_get_loading (f->page), 10000);
  after = wb_retention_page_dup_references (f->page);
  g_assert_cmpuint (g_strv_length (after), ==, 0);
  g_assert_true (inbox_has (f, "WB-TEST-OPEN"));
  g_assert_true (inbox_has (f, "WB-TEST-RECENT"));
  g_assert_null (wb_store_lookup_index_row (f->store, f->old_id));
  g_assert_false (action_enabled (f));
}

static GtkWidget *
find_action_button (GtkWidget  *w,
                    const char *action)
{
  if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action);

      if (found)
        return found;
    }
  return NULL;
}

static guint
n_drafts_in_inbox (Fixture *f)
{
  return wb_intake_drafts_get_n_drafts (WB_INTAKE_DRAFTS (find_type (GTK_WIDGET (f->inbox),
                                                                     WB_TYPE_INTAKE_DRAFTS)));
}

/* Old drafts: only the one written 31 days ago is listed, with its name
 * and the day it was written; removing it deletes the record, and the
 * inbox's Concepten no longer show it. Cases are left alone. */
static void
test_old_drafts (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *button = find_action_button (GTK_WIDGET (f->page), "retention.remove-drafts");
  g_auto(GStrv) names = wb_retention_page_dup_draft_names (f->page);
  g_auto(GStrv) refs = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "Test Visser-31");
  g_assert_true (label_contains (GTK_WIDGET (f->page), "Test Visser-31"));
  g_assert_false (label_contains (GTK_WIDGET (f->page), "Test Visser-2"));
  WAIT_UNTIL (n_drafts_in_inbox (f) == 2, 10000);
  g_assert_true (label_contains (GTK_WIDGET (f->inbox), "Test Visser-31"));
  /* Concepten says the old one is listed for removal (one note, not two). */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->inbox), "listed for removal"), ==, 1);

  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (wb_retention_page_set_draft_checked (f->page, f->old_draft_id, TRUE));
  g_assert_true (gtk_widget_get_sensitive (button));
  /* The cases' Remove button stays off: nothing of theirs is checked. */
  g_assert_false (action_enabled (f));

  wb_retention_page_remove_checked_drafts (f->page);
  WAIT_UNTIL (n_drafts_in_inbox (f) == 1, 10000);
  WAIT_UNTIL (!wb_retention_page_get_loading (f->page), 10000);
  g_assert_false (label_contains (GTK_WIDGET (f->inbox), "Test Visser-31"));
  g_assert_true (label_contains (GTK_WIDGET (f->inbox), "Test Visser-2"));
  g_strfreev (names);
  names = wb_retention_page_dup_draft_names (f->page);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (button));

  /* The record is gone from the vault; the recent draft and the cases stay. */
  wb_store_list_drafts_async (f->store, NULL, wb_test_result_cb, &listed);
  left = wb_store_list_drafts_finish (f->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (wb_intake_draft_get_reporter_name (g_ptr_array_index (left, 0)), ==, "Test Visser-2");
  refs = wb_retention_page_dup_references (f->page);
  g_assert_cmpuint (g_strv_length (refs), ==, 1);
  g_assert_true (inbox_has (f, "WB-TEST-OLD"));
}

/* The page is in Voorkeuren while the vault is unlocked. */
static void
test_in_preferences (Fixture       *f,
                     gconstpointer  data)
{
  WbPreferencesWindow *prefs = wb_preferences_window_new (f->window, f->settings, f->store);
  gboolean found = FALSE;

  for (GtkWidget *w = GTK_WIDGET (prefs); w != NULL && !found;)
    {
      /* Depth-first walk for a WbRetentionPage. */
      if (WB_IS_RETENTION_PAGE (w))
        found = TRUE;
      else if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Inzageverzoek from the case page: the JSON holds the reporter and not
 * the other cases; the PDF is a PDF; both are 0600. */
static void
export_file (WbCasePage *page,
             const char *path,
             gboolean    pdf)
{
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;

  wb_case_page_export_inzage_async (page, path, pdf, NULL, wb_test_result_cb, &done);
  wb_case_page_export_inzage_finish (page, wb_test_wait_result (&done), &error);
  g_assert_no_error (error);
}

static void
test_inzage_export (Fixture       *f,
                    gconstpointer  data)
{
  WbCasePage *page = g_object_new (WB_TYPE_CASE_PAGE, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *json_path = g_build_filename (f->dir, "inzage.json", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "inzage.pdf", NULL);
  g_autofree char *json = NULL;
  g_autofree char *pdf = NULL;
  gsize pdf_len = 0;
  GStatBuf st;

  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  wb_case_page_set_store (page, f->store);
  wb_case_page_load (page, f->old_id);
  WAIT_UNTIL (wb_case_page_get_case (page) != NULL && !wb_case_page_get_busy (page), 10000);

  export_file (page, json_path, FALSE);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"request_case\": \"WB-TEST-OLD\""));
  g_assert_nonnull (strstr (json, "Test Jansen-WB-TEST-OLD"));
  g_assert_null (strstr (json, "WB-TEST-OPEN"));
  g_assert_null (strstr (json, "Test Jansen-WB-TEST-RECENT"));
  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  export_file (page, pdf_path, TRUE);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_len, NULL));
  g_assert_cmpuint (pdf_len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpint (g_stat (pdf_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/retention-page/lists-only-closed-past-retention", test_lists_only_closed_past_retention);
  ADD ("/gui/retention-page/default-period-follows-setting", test_default_period_follows_setting);
  ADD ("/gui/retention-page/purge-removes-from-inbox", test_purge_removes_from_inbox);
  ADD ("/gui/retention-page/is-in-preferences", test_in_preferences);
  ADD ("/gui/retention-page/old-drafts", test_old_drafts);
  ADD ("/gui/retention-page/inzage-export-from-case-page", test_inzage_export);
#undef ADD

  return g_test_run ();
}
