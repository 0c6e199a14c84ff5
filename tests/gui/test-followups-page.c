/* test-followups-page.c: the Nazorg page lists, filters, completes and snoozes follow-ups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wb-core.h"
#include "wb-followup-actions.h"
#include "wb-followups-page.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-store.h"

#define PASS "correct horse battery staple"
#define OUTCOME "Fictief gesprek gevoerd met Test Jansen-5."

typedef struct
{
  char            *dir;
  WbStore         *store;
  GtkWindow       *window;
  WbFollowupsPage *page;
  char            *case_id;
  char            *mine_id;       /* two days overdue, assigned to the tester */
  char            *team_id;       /* in forty days, nobody assigned */
  char            *other_id;      /* in forty days, someone else */
} Fixture;

static void
add_record (GPtrArray  *records,
            const char *kind,
            const char *hex_id,
            GBytes     *bytes)
{
  WbRecordId id;

  g_assert_true (wb_record_id_from_string (hex_id, &id));
  g_ptr_array_add (records, wb_store_record_new (kind, &id, bytes));
  g_bytes_unref (bytes);
}

static char *
add_follow_up (GPtrArray  *records,
               const char *case_id,
               int         days,
               const char *assignee)
{
  g_autoptr(WbFollowUp) f = wb_follow_up_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = g_date_time_add_days (now, days);

  wb_follow_up_set_case_id (f, case_id);
  wb_follow_up_set_due (f, due);
  wb_follow_up_set_assignee (f, assignee);
  add_record (records, WB_KIND_FOLLOWUP, wb_follow_up_get_id (f), wb_follow_up_serialize (f));
  return g_strdup (wb_follow_up_get_id (f));
}

static WbFollowUp *
load (Fixture    *fixture,
      const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WbFollowUp *f;

  wb_followup_load_async (fixture->store, id, NULL, wb_test_result_cb, &result);
  f = wb_followup_load_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return f;
}

static void
collect_group_titles (GtkWidget *widget,
                      GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (titles, (gpointer) adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_group_titles (c, titles);
}

static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_TOGGLE_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkToggleButton *found = find_toggle (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  g_autofree char *me = NULL;
  g_autofree char *other = wb_record_id_new ();

  fixture->dir = g_dir_make_tmp ("weerbaar-followups-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "weerbaar.db", NULL);
  fixture->store = wb_test_store_new (path, "tester", "Test Bakker-5", PASS);
  me = wb_record_id_to_string (&wb_store_get_actor (fixture->store)->id);

  wb_case_set_reference (c, "WB-TEST-5");
  wb_case_set_created (c, now);
  wb_case_set_updated (c, now);
  fixture->case_id = g_strdup (wb_case_get_id (c));
  add_record (records, WB_KIND_CASE, fixture->case_id, wb_case_serialize (c));
  fixture->mine_id = add_follow_up (records, fixture->case_id, -2, me);
  fixture->team_id = add_follow_up (records, fixture->case_id, 40, NULL);
  fixture->other_id = add_follow_up (records, fixture->case_id, 40, other);
  wb_store_put_many_async (fixture->store, records, NULL, wb_test_result_cb, &saved);
  wb_store_put_many_finish (fixture->store, wb_test_wait_result (&saved), &error);
  g_assert_no_error (error);

  fixture->page = WB_FOLLOWUPS_PAGE (wb_followups_page_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wb_followups_page_set_store (fixture->page, fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  if (fixture->dir != NULL)
    wb_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->case_id);
  g_free (fixture->mine_id);
  g_free (fixture->team_id);
  g_free (fixture->other_id);
}

/* Tests */

static void
test_mine_and_all (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GtkToggleButton *all;

  WAIT_UNTIL (wb_followups_page_get_n_shown (fixture->page) == 1, 10000);
  collect_group_titles (GTK_WIDGET (fixture->page), titles);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Overdue");

  all = find_toggle (GTK_WIDGET (fixture->page), "A_ll");
  g_assert_nonnull (all);
  gtk_toggle_button_set_active (all, TRUE);
  g_assert_cmpuint (wb_followups_page_get_n_shown (fixture->page), ==, 3);
  g_ptr_array_set_size (titles, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  collect_group_titles (GTK_WIDGET (fixture->page), titles);
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Overdue");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "Later");
}

static void
test_lock_clears (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  WAIT_UNTIL (wb_followups_page_get_n_shown (fixture->page) == 1, 10000);
  wb_store_lock_async (fixture->store, NULL, wb_test_result_cb, &result);
  wb_store_lock_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);
  WAIT_UNTIL (wb_followups_page_get_n_shown (fixture->page) == 0, 10000);
}

static void
test_done_asks_outcome (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autoptr(WbFollowUp) f = NULL;

  WAIT_UNTIL (wb_followups_page_get_n_shown (fixture->page) == 1, 10000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "followups.done",
                                             "s", fixture->mine_id));
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL, 5000);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "done"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), OUTCOME);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "done"));
  adw_message_dialog_response (dialog, "done");

  WAIT_UNTIL (wb_followups_page_get_n_shown (fixture->page) == 0, 10000);
  f = load (fixture, fixture->mine_id);
  g_assert_cmpint (wb_follow_up_get_state (f), ==, WB_FOLLOW_UP_STATE_DONE);
  g_assert_cmpstr (wb_follow_up_get_outcome (f), ==, OUTCOME);
}

static void
test_snooze_tomorrow (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  WAIT_UNTIL (wb_followups_page_get_n_shown (fixture->page) == 1, 10000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "followups.snooze-tomorrow",
                                             "s", fixture->mine_id));
  /* Snoozed to tomorrow 09:00, it leaves "Overdue" but stays mine. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       g_get_monotonic_time () < deadline;)
    {
      g_clear_object (&f);
      f = load (fixture, fixture->mine_id);
      if (wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_SNOOZED)
        break;
    }
  g_assert_cmpint (wb_follow_up_get_state (f), ==, WB_FOLLOW_UP_STATE_SNOOZED);
  g_assert_cmpint (g_date_time_compare (wb_follow_up_get_due (f), now), >, 0);
  g_assert_cmpuint (wb_followups_page_get_n_shown (fixture->page), ==, 1);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_true (wb_store_crypto_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/followups-page/mine-and-all", test_mine_and_all);
  ADD ("/gui/followups-page/lock-clears-the-list", test_lock_clears);
  ADD ("/gui/followups-page/done-asks-the-outcome", test_done_asks_outcome);
  ADD ("/gui/followups-page/snooze-tomorrow", test_snooze_tomorrow);

#undef ADD

  return g_test_run ();
}
