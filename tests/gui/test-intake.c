/* test-intake.c: the intake wizard checks each step, suggests urgency and saves a report whole or not at all.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-area-picker.h"
#include "wb-core.h"
#include "wb-intake-drafts.h"
#include "wb-intake-page-private.h"
#include "wb-store-drafts.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-widgets.h"
#include "wb-test-store.h"

#define PASS "correct horse battery staple"

typedef struct
{
  char         *dir;
  WbStore      *store;
  GtkWindow    *window;
  WbIntakePage *page;
  char         *saved_id;
} Fixture;

/* Widgets */

static GtkWidget *
field (Fixture    *fixture,
       const char *label_text)
{
  GtkWidget *label = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_label_with, label_text);

  g_assert_nonnull (label);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (label));
}

static GtkLabel *
error_of (Fixture    *fixture,
          const char *field_name)
{
  GtkLabel *label = g_hash_table_lookup (fixture->page->errors, field_name);

  g_assert_nonnull (label);
  return label;
}

static void
check (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_check_with, label);

  g_assert_nonnull (button);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
next_enabled (Fixture *fixture)
{
  return gtk_widget_is_sensitive (fixture->page->next_button);
}

static void
next (Fixture *fixture)
{
  guint step = wb_intake_page_get_step (fixture->page);

  g_assert_true (next_enabled (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.next", NULL));
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, step + 1);
}

static void
fill_reporter (Fixture *fixture)
{
  GtkEntry *entry = wb_area_picker_get_entry (fixture->page->municipality_picker);

  type_into (field (fixture, "_Name"), "Test Jansen-42");
  type_into (GTK_WIDGET (entry), "Leeuwarden");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (fixture->page->municipality, ==, "GM0080");
  type_into (field (fixture, "_Phone"), "06 12345678");
}

static void
fill_incident (Fixture *fixture)
{
  check (fixture, wb_incident_type_to_label (WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE));
  type_into (field (fixture, "Desc_ription"), "Geduwd bij de ingang van het gemeentehuis (testtekst).");
}

/* Fixture */

static void
saved_cb (WbIntakePage *page,
          const char   *case_id,
          Fixture      *fixture)
{
  g_free (fixture->saved_id);
  fixture->saved_id = g_strdup (case_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("weerbaar-intake-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "weerbaar.db", NULL);
  fixture->store = wb_test_store_new (path, "tester", "Test Bakker-6", PASS);

  fixture->page = WB_INTAKE_PAGE (wb_intake_page_new ());
  g_signal_connect (fixture->page, "saved", G_CALLBACK (saved_cb), fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1024, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wb_intake_page_set_store (fixture->page, fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Not a draft of the closing window: the directory goes next. */
  fixture->page->draft_dirty = FALSE;
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->saved_id, g_free);
  if (fixture->dir != NULL)
    wb_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static guint
n_records (Fixture    *fixture,
           const char *kind)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  wb_store_list_kind_async (fixture->store, kind, NULL, wb_test_result_cb, &listed);
  ids = wb_store_list_kind_finish (fixture->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  return ids->len;
}

static guint
n_cases (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = wb_store_dup_index_rows (fixture->store);

  return rows ? rows->len : 0;
}

/* Tests */

static void
test_next_needs_a_valid_step (Fixture       *fixture,
                              gconstpointer  data)
{
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_DANGER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->page->acute_banner)));
  check (fixture, "The caller is in _acute danger");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->acute_banner)));
  next (fixture);

  /* The reporter step: nothing typed, so Next refuses, without shouting yet. */
  g_assert_false (next_enabled (fixture));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.next", NULL)
                  && wb_intake_page_get_step (fixture->page) != STEP_REPORTER);
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_REPORTER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "person:name"))));

  /* A touched field shows its issue, translated by the core, beside it. */
  type_into (field (fixture, "_Name"), "   ");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "person:name"))));
  g_assert_cmpstr (gtk_label_get_text (error_of (fixture, "person:name")), ==, "Enter a name.");

  fill_reporter (fixture);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "person:name"))));
  g_assert_true (next_enabled (fixture));

  type_into (field (fixture, "_E-mail"), "test@");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "person:email"))));
  g_assert_false (next_enabled (fixture));
  type_into (field (fixture, "_E-mail"), "test.jansen-42@example.org");
  g_assert_true (next_enabled (fixture));

  /* The association follows the role. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field (fixture, "_Role")), WB_PERSON_ROLE_MAYOR);
  g_assert_cmpint (wb_intake_form_association (fixture->page), ==, WB_ASSOCIATION_NGB);
  next (fixture);

  /* The incident step needs a kind and a description; a future date is refused. */
  g_assert_false (next_enabled (fixture));
  fill_incident (fixture);
  g_assert_true (next_enabled (fixture));
  type_into (field (fixture, "_Date (day-month-year)"), "01-01-2999");
  g_assert_false (next_enabled (fixture));
  g_assert_cmpstr (gtk_label_get_text (error_of (fixture, "incident:start")), ==,
                   "The date cannot be in the future.");
  type_into (field (fixture, "_Date (day-month-year)"), "31-02-2026");
  g_assert_false (next_enabled (fixture));
  type_into (field (fixture, "_Date (day-month-year)"), "01-11-2026");
  g_assert_true (next_enabled (fixture));

  /* A period: its end neither before its start nor in the future. */
  type_into (field (fixture, "_End of the period (optional)"), "31-10-2026");
  g_assert_false (next_enabled (fixture));
  g_assert_cmpstr (gtk_label_get_text (error_of (fixture, "incident:end")), ==,
                   "The end date cannot be before the start date.");
  type_into (field (fixture, "_End of the period (optional)"), "01-01-2999");
  g_assert_false (next_enabled (fixture));
  g_assert_cmpstr (gtk_label_get_text (error_of (fixture, "incident:end")), ==,
                   "The end date cannot be in the future.");
  type_into (field (fixture, "_End of the period (optional)"), "1-13-2026");
  g_assert_false (next_enabled (fixture));
  type_into (field (fixture, "_End of the period (optional)"), "15-11-2026");
  g_assert_true (next_enabled (fixture));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "incident:end"))));

  /* Back and forth keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.previous", NULL));
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_DANGER);
  next (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "Test Jansen-42");
  next (fixture);
  next (fixture);
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_SAFETY);
}

static void
test_triage_and_override (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkDropDown *urgency;

  next (fixture);
  fill_reporter (fixture);
  next (fixture);
  fill_incident (fixture);
  next (fixture);

  /* Physical violence: at least high, and the urgency follows the suggestion. */
  g_assert_cmpint (fixture->page->suggested, >=, WB_URGENCY_HIGH);
  urgency = GTK_DROP_DOWN (field (fixture, "_Urgency"));
  g_assert_cmpuint (gtk_drop_down_get_selected (urgency), ==, fixture->page->suggested);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (fixture->page->triage_label), "Suggested urgency: "));
  g_assert_cmpstr (gtk_label_get_text (fixture->page->triage_reasons), !=, "");
  g_assert_true (next_enabled (fixture));

  /* Another urgency needs a reason, asked for at once. */
  gtk_drop_down_set_selected (urgency, WB_URGENCY_NORMAL);
  g_assert_false (next_enabled (fixture));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "triage:reason"))));
  type_into (field (fixture, "_Reason for another urgency"), "   ");
  g_assert_false (next_enabled (fixture));
  type_into (field (fixture, "_Reason for another urgency"), "De dader is al aangehouden (test).");
  g_assert_true (next_enabled (fixture));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_of (fixture, "triage:reason"))));
}

static void
go_to_review (Fixture *fixture)
{
  next (fixture);
  fill_reporter (fixture);
  next (fixture);
  fill_incident (fixture);
  next (fixture);
  next (fixture);
  check (fixture, wb_need_to_label (WB_NEED_SECURITY));
  next (fixture);
  next (fixture);
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_REVIEW);
  g_assert_true (gtk_widget_get_visible (fixture->page->save_button));
}

static void
put_case (Fixture    *fixture,
          const char *reference)
{
  g_autoptr(WbCase) kase = wb_case_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  WbRecordId id;

  wb_case_set_reference (kase, reference);
  wb_case_set_association (kase, WB_ASSOCIATION_NVVR);
  wb_case_set_created (kase, now);
  bytes = wb_case_serialize (kase);
  g_assert_true (wb_record_id_from_string (wb_case_get_id (kase), &id));
  g_ptr_array_add (records, wb_store_record_new ("case", &id, bytes));
  wb_store_put_many_async (fixture->store, records, NULL, wb_test_result_cb, &saved);
  wb_store_put_many_finish (fixture->store, wb_test_wait_result (&saved), &error);
  g_assert_no_error (error);
}

static void
test_save_writes_one_case (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (wb_due_get_time_zone ());
  g_autofree char *existing = wb_case_reference_new (g_date_time_get_year (now), 41);
  g_autofree char *expected = wb_case_reference_new (g_date_time_get_year (now), 42);
  g_autoptr(WbCaseRow) row = NULL;
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_STANDARD);

  put_case (fixture, existing);
  WAIT_UNTIL (n_cases (fixture) == 1, 10000);

  go_to_review (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);
  WAIT_UNTIL (n_cases (fixture) == 2, 10000);

  row = wb_store_lookup_index_row (fixture->store, fixture->saved_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->reference, ==, expected);
  g_assert_cmpstr (row->reporter_name, ==, "Test Jansen-42");
  g_assert_cmpstr (row->municipality, ==, "GM0080");
  g_assert_cmpint (row->urgency, >=, WB_URGENCY_HIGH);
  g_assert_cmpint (row->association, ==, WB_ASSOCIATION_WETHOUDERS);
  g_assert_true (row->incident_types & WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE);
  g_assert_cmpint (row->next_due, >, 0);

  g_assert_cmpuint (n_records (fixture, "case"), ==, 2);
  g_assert_cmpuint (n_records (fixture, "person"), ==, 1);
  g_assert_cmpuint (n_records (fixture, "incident"), ==, 1);
  g_assert_cmpuint (n_records (fixture, "needs"), ==, 1);
  g_assert_cmpuint (n_records (fixture, "consent"), ==, 1);
  g_assert_cmpuint (n_records (fixture, "timeline"), ==, 1);
  g_assert_cmpuint (n_records (fixture, "followup"), ==, wb_aftercare_plan_get_n_steps (plan));

  /* The wizard starts afresh. */
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_DANGER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "");
}

static void
test_failed_save_keeps_the_form (Fixture       *fixture,
                                 gconstpointer  data)
{
  go_to_review (fixture);
  /* The store refuses this kind halfway through the transaction. */
  wb_intake_page_fail_next_save_for_testing (fixture->page, "wb.refused");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (!wb_intake_page_get_saving (fixture->page), 10000);

  g_assert_null (fixture->saved_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->save_error)));
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_REVIEW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "Test Jansen-42");
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  for (const char * const *kind = (const char *[]) { "case", "person", "incident", "needs", "consent",
                                                     "timeline", "followup", NULL }; *kind; kind++)
    g_assert_cmpuint (n_records (fixture, *kind), ==, 0);

  /* Trying again works. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);
  WAIT_UNTIL (n_cases (fixture) == 1, 10000);
}

static void
test_anonymous_registration (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WbCaseRow) row = NULL;

  next (fixture);
  fill_reporter (fixture);
  next (fixture);
  fill_incident (fixture);
  next (fixture);
  next (fixture);
  next (fixture);
  gtk_check_button_set_active (fixture->page->consent_share, TRUE);
  gtk_check_button_set_active (fixture->page->consent_store, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->anonymous_note)));
  /* No sharing without storing: it is switched off rather than refused. */
  g_assert_false (gtk_check_button_get_active (fixture->page->consent_share));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->page->consent_share)));
  next (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);
  WAIT_UNTIL (n_cases (fixture) == 1, 10000);

  row = wb_store_lookup_index_row (fixture->store, fixture->saved_id);
  g_assert_false (row->has_reporter);
  g_assert_null (strstr (row->search_text, "jansen"));
  /* The description is not kept either (the index folds it into the search text). */
  g_assert_null (strstr (row->search_text, "gemeentehuis"));
  g_assert_cmpuint (n_records (fixture, "person"), ==, 0);
}

static void
test_lock_wipes_the_wizard (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) locked = NULL;
  g_autoptr(GError) error = NULL;

  next (fixture);
  fill_reporter (fixture);
  next (fixture);
  type_into (field (fixture, "Desc_ription"), "Iets dat niemand mag zien (test).");

  wb_store_lock_async (fixture->store, NULL, wb_test_result_cb, &locked);
  wb_store_lock_finish (fixture->store, wb_test_wait_result (&locked), &error);
  g_assert_no_error (error);
  WAIT_UNTIL (wb_intake_page_get_step (fixture->page) == STEP_DANGER, 10000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Phone"))), ==, "");
  g_assert_null (fixture->page->municipality);
  {
    g_autofree char *text = wb_text_view_dup_text (GTK_TEXT_VIEW (field (fixture, "Desc_ription")));

    g_assert_cmpstr (text, ==, "");
  }
}

static AdwMessageDialog *
open_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_escape_asks_before_discarding (Fixture       *fixture,
                                    gconstpointer  data)
{
  AdwMessageDialog *dialog;

  /* Nothing entered: nothing to ask. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.discard", NULL);
  g_assert_null (open_dialog ());
  next (fixture);
  fill_reporter (fixture);

  /* Keep: everything stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.discard", NULL));
  WAIT_UNTIL ((dialog = open_dialog ()) != NULL, 5000);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "Test Jansen-42");
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_REPORTER);

  /* Discard: back to an empty first step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.discard", NULL));
  WAIT_UNTIL ((dialog = open_dialog ()) != NULL, 5000);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_DANGER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "");
  g_assert_null (fixture->page->municipality);
}


static GtkWidget *followup_row (Fixture *fixture, guint n);
static guint n_followup_rows (Fixture *fixture);

/* Drafts */

static GPtrArray *
list_drafts (Fixture *fixture)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  wb_store_list_drafts_async (fixture->store, NULL, wb_test_result_cb, &listed);
  drafts = wb_store_list_drafts_finish (fixture->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  return drafts;
}

static guint
n_drafts (Fixture *fixture)
{
  g_autoptr(GPtrArray) drafts = list_drafts (fixture);

  return drafts->len;
}

static char *
text_of (Fixture    *fixture,
         const char *label)
{
  GtkWidget *widget = field (fixture, label);

  if (GTK_IS_TEXT_VIEW (widget))
    return wb_text_view_dup_text (GTK_TEXT_VIEW (widget));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static gboolean
is_checked (Fixture    *fixture,
            const char *label)
{
  GtkWidget *button = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_check_with, label);

  g_assert_nonnull (button);
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (button));
}

static void
lock_and_unlock (Fixture *fixture)
{
  g_autoptr(GAsyncResult) locked = NULL;
  g_autoptr(GAsyncResult) unlocked = NULL;
  g_autoptr(GError) error = NULL;

  /* As the window's lock action does: the draft first, then the lock. */
  g_assert_true (wb_intake_page_save_draft (fixture->page));
  wb_store_lock_async (fixture->store, NULL, wb_test_result_cb, &locked);
  wb_store_lock_finish (fixture->store, wb_test_wait_result (&locked), &error);
  g_assert_no_error (error);
  WAIT_UNTIL (wb_intake_page_get_step (fixture->page) == STEP_DANGER, 10000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "");

  wb_store_unlock_async (fixture->store, "tester", PASS, TRUE, NULL, wb_test_result_cb, &unlocked);
  wb_store_unlock_finish (fixture->store, wb_test_wait_result (&unlocked), &error);
  g_assert_no_error (error);
}

static void
test_draft_saved_on_lock_and_resumed (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *id = NULL;
  const WbIntakeDraft *draft;
  GtkDropDown *urgency;
  guint n_rows;

  /* Nothing typed: nothing to keep. */
  g_assert_false (wb_intake_page_save_draft (fixture->page));

  check (fixture, "The caller is in _acute danger");
  next (fixture);
  fill_reporter (fixture);
  type_into (field (fixture, "_E-mail"), "test.jansen-42@example.org");
  type_into (field (fixture, "_Safe times to call back"), "na 18:00 ");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field (fixture, "Re_ferred by")), 3);
  next (fixture);
  fill_incident (fixture);
  check (fixture, wb_incident_target_to_label (WB_INCIDENT_TARGET_RELATIVES));
  type_into (field (fixture, "_Date (day-month-year)"), "01-11-2026");
  type_into (field (fixture, "_End of the period (optional)"), "20-11-2026");
  check (fixture, "It is _still going on");
  next (fixture);
  check (fixture, "The police are _informed");
  type_into (field (fixture, "Current security _measures"), "Camerabel (test).");
  urgency = GTK_DROP_DOWN (field (fixture, "_Urgency"));
  gtk_drop_down_set_selected (urgency, WB_URGENCY_ACUTE);
  type_into (field (fixture, "_Reason for another urgency"), "Dreiging is vandaag herhaald.");
  next (fixture);
  check (fixture, wb_need_to_label (WB_NEED_LEGAL));
  type_into (field (fixture, "_In their own words"), "Wil weten wat de opties zijn.");
  next (fixture);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (fixture, "_Keep for (months)")), 36);
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_CONSENT);
  /* A proposed follow-up moved, one removed (on the review step, still to come). */
  type_into (g_object_get_data (G_OBJECT (followup_row (fixture, 0)), "wb-date"), "01-01-2099");
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (followup_row (fixture, 1)), "wb-remove"), "clicked");
  n_rows = n_followup_rows (fixture);

  lock_and_unlock (fixture);

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (wb_intake_draft_get_reporter_name ((WbIntakeDraft *) draft), ==, "Test Jansen-42");
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  id = g_strdup (draft->id);

  wb_intake_page_resume_draft (fixture->page, id);
  WAIT_UNTIL (wb_intake_page_get_step (fixture->page) == STEP_CONSENT, 10000);

  /* Every step as it was left. */
  g_assert_true (is_checked (fixture, "The caller is in _acute danger"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->acute_banner)));
  g_assert_cmpstr (fixture->page->municipality, ==, "GM0080");
  {
    g_autofree char *name = text_of (fixture, "_Name");
    g_autofree char *phone = text_of (fixture, "_Phone");
    g_autofree char *email = text_of (fixture, "_E-mail");
    g_autofree char *times = text_of (fixture, "_Safe times to call back");
    g_autofree char *date = text_of (fixture, "_Date (day-month-year)");
    g_autofree char *end = text_of (fixture, "_End of the period (optional)");
    g_autofree char *description = text_of (fixture, "Desc_ription");
    g_autofree char *measures = text_of (fixture, "Current security _measures");
    g_autofree char *reason = text_of (fixture, "_Reason for another urgency");
    g_autofree char *details = text_of (fixture, "_In their own words");

    g_assert_cmpstr (name, ==, "Test Jansen-42");
    g_assert_cmpstr (phone, ==, "06 12345678");
    g_assert_cmpstr (email, ==, "test.jansen-42@example.org");
    g_assert_cmpstr (times, ==, "na 18:00 ");
    g_assert_cmpstr (date, ==, "01-11-2026");
    g_assert_cmpstr (end, ==, "20-11-2026");
    g_assert_cmpstr (description, ==, "Geduwd bij de ingang van het gemeentehuis (testtekst).");
    g_assert_cmpstr (measures, ==, "Camerabel (test).");
    g_assert_cmpstr (reason, ==, "Dreiging is vandaag herhaald.");
    g_assert_cmpstr (details, ==, "Wil weten wat de opties zijn.");
  }
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (field (fixture, "Re_ferred by"))), ==, 3);
  g_assert_true (is_checked (fixture, wb_incident_type_to_label (WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE)));
  g_assert_true (is_checked (fixture, wb_incident_target_to_label (WB_INCIDENT_TARGET_RELATIVES)));
  g_assert_true (is_checked (fixture, "It is _still going on"));
  g_assert_true (is_checked (fixture, "The police are _informed"));
  g_assert_cmpuint (gtk_drop_down_get_selected (urgency), ==, WB_URGENCY_ACUTE);
  g_assert_true (is_checked (fixture, wb_need_to_label (WB_NEED_LEGAL)));
  g_assert_false (is_checked (fixture, wb_need_to_label (WB_NEED_SECURITY)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field (fixture, "_Keep for (months)"))), ==, 36);
  g_assert_true (next_enabled (fixture));
  g_assert_cmpuint (n_followup_rows (fixture), ==, n_rows);
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (followup_row (fixture, 0)), "wb-date")),
                   ==, "01-01-2099");

  /* Saving it writes the case and removes the draft. */
  next (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);
  WAIT_UNTIL (n_drafts (fixture) == 0, 10000);
  g_assert_cmpuint (n_records (fixture, WB_INTAKE_DRAFT_KIND), ==, 0);
  g_assert_cmpuint (n_records (fixture, "case"), ==, 1);
}

static void
test_leaving_keeps_a_draft_and_discard_removes_it (Fixture       *fixture,
                                                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  next (fixture);
  fill_reporter (fixture);
  /* Another area is shown: the page is unmapped. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  WAIT_UNTIL (n_drafts (fixture) == 1, 10000);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);

  /* Saved again as it changes: still one draft. */
  type_into (field (fixture, "_Party (optional)"), "Testpartij");
  g_assert_true (wb_intake_page_save_draft (fixture->page));
  g_assert_cmpuint (n_drafts (fixture), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.discard", NULL));
  WAIT_UNTIL ((dialog = open_dialog ()) != NULL, 5000);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (n_drafts (fixture) == 0, 10000);
}


static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* The inbox's Concepten: shown only while unlocked and holding drafts. */
static void
test_drafts_list_in_the_inbox (Fixture       *fixture,
                               gconstpointer  data)
{
  WbIntakeDrafts *drafts = g_object_ref_sink (g_object_new (WB_TYPE_INTAKE_DRAFTS, NULL));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GAsyncResult) locked = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_set_child (window, GTK_WIDGET (drafts));
  gtk_window_present (window);
  wb_intake_drafts_set_store (drafts, fixture->store);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (drafts)));

  next (fixture);
  fill_reporter (fixture);
  g_assert_true (wb_intake_page_save_draft (fixture->page));
  WAIT_UNTIL (wb_intake_drafts_get_n_drafts (drafts) == 1, 10000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (drafts)));
  g_assert_nonnull (wb_test_find_widget (GTK_WIDGET (drafts), is_label_containing, "Test Jansen-42"));
  g_assert_nonnull (wb_test_find_widget (GTK_WIDGET (drafts), is_label_containing, "at step 2 of 7"));

  /* Verwijderen asks first; keeping keeps it. */
  {
    AdwMessageDialog *dialog;
    GtkWidget *delete = wb_test_find_widget (GTK_WIDGET (drafts), wb_test_is_button_with, "Delete");

    g_assert_nonnull (delete);
    g_signal_emit_by_name (delete, "clicked");
    WAIT_UNTIL ((dialog = open_dialog ()) != NULL, 5000);
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (n_drafts (fixture), ==, 1);
    g_signal_emit_by_name (delete, "clicked");
    WAIT_UNTIL ((dialog = open_dialog ()) != NULL, 5000);
    adw_message_dialog_response (dialog, "delete");
    gtk_window_destroy (GTK_WINDOW (dialog));
    WAIT_UNTIL (wb_intake_drafts_get_n_drafts (drafts) == 0, 10000);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (drafts)));
    g_assert_cmpuint (n_drafts (fixture), ==, 0);
  }
  g_assert_true (wb_intake_page_save_draft (fixture->page));
  WAIT_UNTIL (wb_intake_drafts_get_n_drafts (drafts) == 1, 10000);

  /* Locked: the names are gone from the screen. */
  wb_store_lock_async (fixture->store, NULL, wb_test_result_cb, &locked);
  wb_store_lock_finish (fixture->store, wb_test_wait_result (&locked), &error);
  g_assert_no_error (error);
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (drafts)), 10000);
  g_assert_null (wb_test_find_widget (GTK_WIDGET (drafts), is_label_containing, "Test Jansen-42"));

  gtk_window_destroy (window);
  g_object_unref (drafts);
}


/* Partners */

static WbPartner *
add_partner (Fixture *fixture)
{
  WbPartner *partner = wb_partner_new ();
  const char *areas[] = { "GM0080", NULL };

  wb_partner_set_name (partner, "Test Visser-7");
  wb_partner_set_kind (partner, WB_PARTNER_KIND_LEGAL);
  wb_partner_set_areas (partner, areas);
  wb_partner_set_phone (partner, "0201234567");
  /* As if listed from the store when the page loaded. */
  g_clear_pointer (&fixture->page->partners, g_ptr_array_unref);
  fixture->page->partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->page->partners, g_object_ref (partner));
  return partner;
}

static WbConsent *
saved_consent (Fixture *fixture)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GBytes) bytes = NULL;
  WbConsent *consent;

  wb_store_list_kind_async (fixture->store, "consent", NULL, wb_test_result_cb, &listed);
  ids = wb_store_list_kind_finish (fixture->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  wb_store_get_async (fixture->store, &g_array_index (ids, WbRecordId, 0), NULL, wb_test_result_cb, &got);
  bytes = wb_store_get_finish (fixture->store, wb_test_wait_result (&got), &error);
  g_assert_no_error (error);
  consent = wb_consent_deserialize (bytes, &error);
  g_assert_no_error (error);
  return consent;
}

static void
go_to_review_sharing (Fixture  *fixture,
                      gboolean  share)
{
  next (fixture);
  fill_reporter (fixture);
  next (fixture);
  fill_incident (fixture);
  next (fixture);
  next (fixture);
  check (fixture, wb_need_to_label (WB_NEED_LEGAL));
  next (fixture);
  if (share)
    check (fixture, "… and that we _share them with partners");
  next (fixture);
  g_assert_cmpuint (wb_intake_page_get_step (fixture->page), ==, STEP_REVIEW);
}

static void
test_chosen_partners_are_kept_with_consent_to_share (Fixture       *fixture,
                                                     gconstpointer  data)
{
  g_autoptr(WbPartner) partner = add_partner (fixture);
  g_autofree char *label = g_strdup_printf ("Test Visser-7 (%s)", wb_partner_kind_to_label (WB_PARTNER_KIND_LEGAL));
  g_autoptr(WbConsent) consent = NULL;
  const char * const *ids;

  go_to_review_sharing (fixture, TRUE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->page->partners_box)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->page->partners_note)));
  check (fixture, label);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);

  consent = saved_consent (fixture);
  g_assert_true (wb_consent_get_share (consent));
  ids = wb_consent_get_partner_ids (consent);
  g_assert_nonnull (ids);
  g_assert_cmpstr (ids[0], ==, wb_partner_get_id (partner));
  g_assert_null (ids[1]);
}

/* The retention period offered is the one Voorkeuren → Bewaartermijn sets. */
static void
test_retention_follows_the_preference (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(WbConsent) consent = NULL;

  g_settings_set_uint (settings, "retention-months", 60);
  wb_intake_form_clear (fixture->page);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->page->retention), ==, 60);

  go_to_review_sharing (fixture, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);
  consent = saved_consent (fixture);
  g_assert_cmpuint (wb_consent_get_retention_months (consent), ==, 60);

  g_settings_reset (settings, "retention-months");
}

static void
test_no_partners_without_consent_to_share (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(WbPartner) partner = add_partner (fixture);
  g_autofree char *label = g_strdup_printf ("Test Visser-7 (%s)", wb_partner_kind_to_label (WB_PARTNER_KIND_LEGAL));
  g_autoptr(WbConsent) consent = NULL;
  const char * const *ids;

  /* Chosen while sharing was agreed, then sharing is switched off again. */
  go_to_review_sharing (fixture, TRUE);
  check (fixture, label);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.go-to", "u", STEP_CONSENT));
  gtk_check_button_set_active (fixture->page->consent_share, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.go-to", "u", STEP_REVIEW));

  /* The review says partners are not stored, and they cannot be chosen. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->partners_note)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (fixture->page->partners_box)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);

  consent = saved_consent (fixture);
  g_assert_false (wb_consent_get_share (consent));
  ids = wb_consent_get_partner_ids (consent);
  g_assert_true (ids == NULL || ids[0] == NULL);
}


/* Follow-ups */

static GtkWidget *
followup_row (Fixture *fixture,
              guint    n)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fixture->page->followups_box));

  for (guint i = 0; row != NULL && i < n; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

static guint
n_followup_rows (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fixture->page->followups_box)); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static char *
day_after (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (wb_due_get_time_zone ());
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%d-%m-%Y");
}

static GPtrArray *
saved_due_days (Fixture *fixture)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GPtrArray *days = g_ptr_array_new_with_free_func (g_free);

  wb_store_list_kind_async (fixture->store, "followup", NULL, wb_test_result_cb, &listed);
  ids = wb_store_list_kind_finish (fixture->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GAsyncResult) got = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(WbFollowUp) f = NULL;
      g_autoptr(GDateTime) local = NULL;

      wb_store_get_async (fixture->store, &g_array_index (ids, WbRecordId, i), NULL, wb_test_result_cb, &got);
      bytes = wb_store_get_finish (fixture->store, wb_test_wait_result (&got), &error);
      g_assert_no_error (error);
      f = wb_follow_up_deserialize (bytes, &error);
      g_assert_no_error (error);
      local = g_date_time_to_timezone (wb_follow_up_get_due (f), wb_due_get_time_zone ());
      g_ptr_array_add (days, g_date_time_format (local, "%d-%m-%Y"));
    }
  return days;
}

static gboolean
has_day (GPtrArray  *days,
         const char *day)
{
  for (guint i = 0; i < days->len; i++)
    if (g_str_equal (g_ptr_array_index (days, i), day))
      return TRUE;
  return FALSE;
}

static void
test_followups_are_edited_one_by_one (Fixture       *fixture,
                                      gconstpointer  data)
{
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_STANDARD);
  guint n = wb_aftercare_plan_get_n_steps (plan);
  g_autofree char *moved = day_after (10);
  g_autofree char *added = day_after (7);
  g_autofree char *removed = NULL;
  g_autoptr(GPtrArray) days = NULL;
  GtkWidget *entry, *error;

  go_to_review (fixture);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n_followup_rows (fixture), ==, n);
  g_assert_true (gtk_widget_is_sensitive (fixture->page->save_button));

  /* An unreadable date and one in the past: said beside the row, no saving. */
  entry = g_object_get_data (G_OBJECT (followup_row (fixture, 0)), "wb-date");
  error = g_object_get_data (G_OBJECT (followup_row (fixture, 0)), "wb-error");
  type_into (entry, "31-02-2026");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "Enter a date like 27-11-2026.");
  g_assert_false (gtk_widget_is_sensitive (fixture->page->save_button));
  type_into (entry, "01-01-2020");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "A follow-up cannot be due before today.");
  g_assert_false (gtk_widget_is_sensitive (fixture->page->save_button));
  type_into (entry, moved);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_is_sensitive (fixture->page->save_button));

  /* Remove the second, add one. */
  removed = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (followup_row (fixture, 1)), "wb-date")));
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (followup_row (fixture, 1)), "wb-remove"), "clicked");
  g_assert_cmpuint (n_followup_rows (fixture), ==, n - 1);
  g_signal_emit_by_name (fixture->page->add_followup_button, "clicked");
  g_assert_cmpuint (n_followup_rows (fixture), ==, n);
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (followup_row (fixture, n - 1)), "wb-date")), ==, added);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.save", NULL));
  WAIT_UNTIL (fixture->saved_id != NULL, 10000);
  days = saved_due_days (fixture);
  g_assert_cmpuint (days->len, ==, n);
  g_assert_true (has_day (days, moved));
  g_assert_true (has_day (days, added));
  g_assert_false (has_day (days, removed));

  /* The next intake starts from the plan again. */
  g_assert_cmpuint (n_followup_rows (fixture), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_true (wb_store_crypto_init (NULL));

#define ADD(path, fn) \
  g_test_add ("/gui/intake/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("next-needs-a-valid-step", test_next_needs_a_valid_step);
  ADD ("triage-and-override", test_triage_and_override);
  ADD ("save-writes-one-case-with-the-next-reference", test_save_writes_one_case);
  ADD ("failed-save-keeps-the-form-and-stores-nothing", test_failed_save_keeps_the_form);
  ADD ("anonymous-registration-keeps-no-person", test_anonymous_registration);
  ADD ("lock-wipes-the-wizard", test_lock_wipes_the_wizard);
  ADD ("escape-asks-before-discarding", test_escape_asks_before_discarding);
  ADD ("draft-saved-on-lock-and-resumed", test_draft_saved_on_lock_and_resumed);
  ADD ("leaving-keeps-a-draft-and-discard-removes-it", test_leaving_keeps_a_draft_and_discard_removes_it);
  ADD ("drafts-list-in-the-inbox", test_drafts_list_in_the_inbox);
  ADD ("chosen-partners-are-kept-with-consent-to-share", test_chosen_partners_are_kept_with_consent_to_share);
  ADD ("no-partners-without-consent-to-share", test_no_partners_without_consent_to_share);
  ADD ("followups-are-edited-one-by-one", test_followups_are_edited_one_by_one);
  ADD ("retention-follows-the-preference", test_retention_follows_the_preference);
#undef ADD

  return g_test_run ();
}
