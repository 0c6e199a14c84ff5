/* test-reminder-service.c: follow-ups in a real vault become popups, and popup actions act.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside dbus-run-session with python3-dbusmock's notification_daemon
 * (see test-reminder-notifier.c); every test makes its own temporary vault
 * with a fictional case, and the WbReminderService the application uses.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-core.h"
#include "wb-followup-actions.h"
#include "wb-reminder-notifier-private.h"
#include "wb-reminder-scheduler-private.h"
#include "wb-reminder-service-private.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-dbusmock.h"
#include "wb-test-store.h"

#define LOCKED_BODY "A follow-up is planned. Open Weerbaar to see it."
#define PASS "correct horse battery staple"
#define REFERENCE "WB-TEST-7"
#define REPORTER "Test Jansen-7"
#define SEC G_GINT64_CONSTANT (1000000)
#define OUTCOME "Fictief nazorggesprek gevoerd, het gaat goed."

static GDBusConnection *bus;
static const char *skip_reason;

typedef struct
{
  char              *dir;
  WbStore           *store;
  GSettings         *settings;
  WbReminderService *service;
  char              *case_id;
  char              *due_id;      /* overdue, open */
  char              *future_id;   /* due tomorrow */
  char              *done_id;     /* overdue, but done */

  guint              presented;
  char              *opened_case;
  char              *outcome_id;
  char              *outcome_reference;
} Fixture;

/* Helpers */

#define mock_call(method, parameters, reply_type) \
  wb_test_dbusmock_call (bus, method, parameters, reply_type)

/* The arguments of each Notify call the daemon received since ClearCalls. */
static GPtrArray *
get_notify_calls (void)
{
  g_autoptr(GVariant) reply = mock_call ("GetCalls", NULL, G_VARIANT_TYPE ("(a(tsav))"));
  g_autoptr(GVariantIter) iter = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *name;
  GVariant *args;

  g_variant_get (reply, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&s@av)", NULL, &name, &args))
    {
      if (g_str_equal (name, "Notify"))
        g_ptr_array_add (calls, args);
      else
        g_variant_unref (args);
    }
  return calls;
}

static guint
n_notify_calls (void)
{
  g_autoptr(GPtrArray) calls = get_notify_calls ();

  return calls->len;
}

static GVariant *
arg (GVariant *args,
     gsize     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);

  return g_variant_get_variant (boxed);
}

static void
invoke_action (guint32     id,
               const char *action)
{
  GVariantBuilder args;

  g_assert_cmpuint (id, >, 0);
  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (action));
  g_variant_unref (mock_call ("EmitSignal",
                              g_variant_new ("(sssav)", WB_TEST_NOTIFICATIONS, "ActionInvoked", "us", &args),
                              NULL));
}

static char *
add_follow_up (GPtrArray       *records,
               const char      *case_id,
               gint64           due_offset_seconds,
               WbFollowUpState  state)
{
  g_autoptr(WbFollowUp) f = wb_follow_up_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = g_date_time_add_seconds (now, due_offset_seconds);
  g_autoptr(GBytes) bytes = NULL;
  WbRecordId id;

  wb_follow_up_set_case_id (f, case_id);
  wb_follow_up_set_due (f, due);
  wb_follow_up_set_state (f, state);
  wb_follow_up_set_target (f, WB_FOLLOW_UP_TARGET_REPORTER);
  bytes = wb_follow_up_serialize (f);
  g_assert_true (wb_record_id_from_string (wb_follow_up_get_id (f), &id));
  g_ptr_array_add (records, wb_store_record_new (WB_KIND_FOLLOWUP, &id, bytes));
  return g_strdup (wb_follow_up_get_id (f));
}

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

static void
store_case (Fixture *fixture)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(WbPerson) reporter = wb_person_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  wb_case_set_reference (c, REFERENCE);
  wb_case_set_association (c, WB_ASSOCIATION_NGB);
  wb_case_set_created (c, now);
  wb_case_set_updated (c, now);
  fixture->case_id = g_strdup (wb_case_get_id (c));
  add_record (records, WB_KIND_CASE, fixture->case_id, wb_case_serialize (c));

  wb_person_set_case_id (reporter, fixture->case_id);
  wb_person_set_relation (reporter, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (reporter, REPORTER);
  wb_person_set_role (reporter, WB_PERSON_ROLE_MAYOR);
  add_record (records, WB_KIND_PERSON, wb_person_get_id (reporter), wb_person_serialize (reporter));

  fixture->due_id = add_follow_up (records, fixture->case_id, -3600, WB_FOLLOW_UP_STATE_OPEN);
  fixture->future_id = add_follow_up (records, fixture->case_id, 86400, WB_FOLLOW_UP_STATE_OPEN);
  fixture->done_id = add_follow_up (records, fixture->case_id, -7200, WB_FOLLOW_UP_STATE_DONE);

  wb_store_put_many_async (fixture->store, records, NULL, wb_test_result_cb, &result);
  wb_store_put_many_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

static void
lock_store (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  wb_store_lock_async (fixture->store, NULL, wb_test_result_cb, &result);
  wb_store_lock_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (wb_store_get_locked (fixture->store));
}

static void
unlock_store (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  wb_store_unlock_async (fixture->store, "tester", PASS, TRUE, NULL, wb_test_result_cb, &result);
  wb_store_unlock_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);
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

static int
popup_id (Fixture    *fixture,
          const char *follow_up_id)
{
  return wb_reminder_notifier_get_notification_id (wb_reminder_service_get_notifier (fixture->service),
                                                   follow_up_id);
}

/* Callbacks */

static void
present_cb (WbReminderService *service,
            const char        *token,
            Fixture           *fixture)
{
  fixture->presented++;
}

static void
open_case_cb (WbReminderService *service,
              const char        *case_id,
              Fixture           *fixture)
{
  g_free (fixture->opened_case);
  fixture->opened_case = g_strdup (case_id);
}

static void
outcome_requested_cb (WbReminderService *service,
                      const char        *follow_up_id,
                      const char        *reference,
                      Fixture           *fixture)
{
  g_free (fixture->outcome_id);
  fixture->outcome_id = g_strdup (follow_up_id);
  g_free (fixture->outcome_reference);
  fixture->outcome_reference = g_strdup (reference);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_reason != NULL)
    return;

  fixture->dir = g_dir_make_tmp ("weerbaar-service-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "weerbaar.db", NULL);
  fixture->store = wb_test_store_new (path, "tester", "Test Jansen-1", PASS);
  store_case (fixture);

  fixture->settings = g_settings_new (BASE_APP_ID);
  g_settings_reset (fixture->settings, "names-in-popups");
  g_settings_reset (fixture->settings, "default-snooze-minutes");
  g_settings_set_boolean (fixture->settings, "reminders-enabled", FALSE);

  g_variant_unref (mock_call ("ClearCalls", NULL, NULL));
}

static void
start_service (Fixture *fixture)
{
  fixture->service = wb_reminder_service_new (fixture->store, fixture->settings);
  g_signal_connect (fixture->service, "present", G_CALLBACK (present_cb), fixture);
  g_signal_connect (fixture->service, "open-case", G_CALLBACK (open_case_cb), fixture);
  g_signal_connect (fixture->service, "outcome-requested",
                    G_CALLBACK (outcome_requested_cb), fixture);
  g_settings_set_boolean (fixture->settings, "reminders-enabled", TRUE);
  g_assert_true (wb_reminder_service_get_enabled (fixture->service));
  WAIT_UNTIL (n_notify_calls () >= 1, 10000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->service != NULL)
    {
      g_settings_set_boolean (fixture->settings, "reminders-enabled", FALSE);
      g_assert_finalize_object (fixture->service);
    }
  if (fixture->store != NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;

      /* One worker, first in first out: this answers after every job the
       * test left in flight. */
      wb_store_list_due_async (fixture->store, NULL, wb_test_result_cb, &result);
      g_ptr_array_unref (wb_store_list_due_finish (fixture->store, wb_test_wait_result (&result), NULL));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_clear_object (&result);
      /* The worker drops its reference to a finished job just after the
       * result reached this thread. */
      {
        gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

        while (g_atomic_int_get ((int *) &G_OBJECT (fixture->store)->ref_count) > 1
               && g_get_monotonic_time () < deadline)
          {
            while (g_main_context_iteration (NULL, FALSE))
              ;
            g_usleep (1000);
          }
      }
      g_assert_finalize_object (fixture->store);
    }
  g_clear_object (&fixture->settings);
  if (fixture->dir != NULL)
    wb_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->case_id);
  g_free (fixture->due_id);
  g_free (fixture->future_id);
  g_free (fixture->done_id);
  g_free (fixture->opened_case);
  g_free (fixture->outcome_id);
  g_free (fixture->outcome_reference);
}

#define SKIP_WITHOUT_DAEMON()       \
  G_STMT_START {                    \
    if (skip_reason != NULL)        \
      {                             \
        g_test_skip (skip_reason);  \
        return;                     \
      }                             \
  } G_STMT_END

/* Tests */

static void
test_locked_due_one_popup_names_nothing (Fixture       *fixture,
                                         gconstpointer  data)
{
  static const char * const expected_actions[] = {
    "default", "Open", "later-hour", "Later (1 hour)", "later-tomorrow", "Tomorrow",
    "done", "Done", "open", "Open", NULL
  };
  WbReminderScheduler *scheduler;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GVariant) summary = NULL;
  g_autoptr(GVariant) body = NULL;
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree const char **action_strv = NULL;
  g_autoptr(GDateTime) next_due = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *category = NULL;
  guchar urgency = 0;
  guint refreshed;

  SKIP_WITHOUT_DAEMON ();

  /* Names allowed, but the vault is locked: still nothing about whom. */
  g_settings_set_boolean (fixture->settings, "names-in-popups", TRUE);
  lock_store (fixture);
  start_service (fixture);
  scheduler = wb_reminder_service_get_scheduler (fixture->service);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  summary = arg (g_ptr_array_index (calls, 0), 3);
  body = arg (g_ptr_array_index (calls, 0), 4);
  actions = arg (g_ptr_array_index (calls, 0), 5);
  hints = arg (g_ptr_array_index (calls, 0), 6);
  g_assert_cmpstr (g_variant_get_string (summary, NULL), ==, "Follow-up due");
  g_assert_cmpstr (g_variant_get_string (body, NULL), ==, LOCKED_BODY);
  action_strv = g_variant_get_strv (actions, NULL);
  g_assert_cmpstrv (action_strv, expected_actions);
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);
  g_assert_true (g_variant_lookup (hints, "category", "&s", &category));
  g_assert_cmpstr (category, ==, "x-weerbaar.followup");
  g_assert_cmpint (popup_id (fixture, fixture->due_id), >, 0);
  g_assert_cmpint (popup_id (fixture, fixture->done_id), ==, 0);
  g_assert_cmpint (popup_id (fixture, fixture->future_id), ==, 0);

  /* The timer sleeps until tomorrow's follow-up, about a day from now. */
  next_due = wb_reminder_scheduler_get_next_due (scheduler);
  g_assert_nonnull (next_due);
  g_assert_cmpint (g_date_time_difference (next_due, now), >, 86000 * SEC);
  g_assert_cmpint (wb_reminder_scheduler_get_ready_time (scheduler), >,
                   g_get_monotonic_time () + 86000 * SEC);

  /* A refresh (a change, a resume) announces nothing twice and does not
   * wake the timer. */
  refreshed = wb_reminder_service_get_n_refreshed (fixture->service);
  wb_reminder_service_refresh (fixture->service);
  WAIT_UNTIL (wb_reminder_service_get_n_refreshed (fixture->service) > refreshed, 10000);
  wb_reminder_scheduler_resume (scheduler);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (scheduler), ==, 1);
  g_assert_cmpuint (n_notify_calls (), ==, 1);
}

static void
test_unlocked_popup_gives_reference (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GVariant) body = NULL;

  SKIP_WITHOUT_DAEMON ();

  start_service (fixture);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  body = arg (g_ptr_array_index (calls, 0), 4);
  g_assert_cmpstr (g_variant_get_string (body, NULL), ==, "A follow-up for case " REFERENCE " is due.");
  g_assert_null (strstr (g_variant_get_string (body, NULL), REPORTER));
}

static void
test_name_only_when_allowed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GVariant) body = NULL;

  SKIP_WITHOUT_DAEMON ();

  g_settings_set_boolean (fixture->settings, "names-in-popups", TRUE);
  start_service (fixture);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  body = arg (g_ptr_array_index (calls, 0), 4);
  g_assert_cmpstr (g_variant_get_string (body, NULL), ==,
                   "A follow-up with " REPORTER " for case " REFERENCE " is due.");
}

static void
test_done_writes_timeline (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean found = FALSE;

  SKIP_WITHOUT_DAEMON ();

  start_service (fixture);
  invoke_action (popup_id (fixture, fixture->due_id), "done");
  WAIT_UNTIL (fixture->outcome_id != NULL, 10000);
  g_assert_cmpuint (fixture->presented, ==, 1);
  g_assert_cmpstr (fixture->outcome_id, ==, fixture->due_id);
  g_assert_cmpstr (fixture->outcome_reference, ==, REFERENCE);

  wb_followup_complete_async (fixture->store, fixture->due_id, OUTCOME, NULL, NULL,
                              wb_test_result_cb, &result);
  wb_followup_complete_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);

  f = load (fixture, fixture->due_id);
  g_assert_cmpint (wb_follow_up_get_state (f), ==, WB_FOLLOW_UP_STATE_DONE);
  g_assert_cmpstr (wb_follow_up_get_outcome (f), ==, OUTCOME);

  wb_store_list_kind_async (fixture->store, WB_KIND_TIMELINE, NULL, wb_test_result_cb, &listed);
  ids = wb_store_list_kind_finish (fixture->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GAsyncResult) got = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(WbTimelineEntry) entry = NULL;

      wb_store_get_async (fixture->store, &g_array_index (ids, WbRecordId, i), NULL,
                          wb_test_result_cb, &got);
      bytes = wb_store_get_finish (fixture->store, wb_test_wait_result (&got), &error);
      g_assert_no_error (error);
      entry = wb_timeline_entry_deserialize (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpint (wb_timeline_entry_get_kind (entry), ==, WB_TIMELINE_KIND_FOLLOW_UP_DONE);
      g_assert_cmpstr (wb_timeline_entry_get_case_id (entry), ==, fixture->case_id);
      g_assert_cmpstr (wb_timeline_entry_get_text (entry), ==, OUTCOME);
      found = TRUE;
    }
  g_assert_true (found);

  /* Done twice (an old popup) writes no second outcome. */
  g_clear_object (&result);
  wb_followup_complete_async (fixture->store, fixture->due_id, OUTCOME, NULL, NULL,
                              wb_test_result_cb, &result);
  g_assert_false (wb_followup_complete_finish (fixture->store, wb_test_wait_result (&result), &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID);
}

static void
test_later_rearms (Fixture       *fixture,
                   gconstpointer  data)
{
  WbReminderScheduler *scheduler;
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;

  SKIP_WITHOUT_DAEMON ();

  g_settings_set_uint (fixture->settings, "default-snooze-minutes", 30);
  start_service (fixture);
  scheduler = wb_reminder_service_get_scheduler (fixture->service);
  invoke_action (popup_id (fixture, fixture->due_id), "later-hour");

  /* Re-armed for the snoozed moment, half an hour ahead of tomorrow's. */
  WAIT_UNTIL (wb_reminder_scheduler_get_ready_time (scheduler) > 0
              && wb_reminder_scheduler_get_ready_time (scheduler)
                 < g_get_monotonic_time () + 3600 * SEC, 10000);
  f = load (fixture, fixture->due_id);
  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (wb_follow_up_get_due (f), now);
  g_assert_cmpint (wb_follow_up_get_state (f), ==, WB_FOLLOW_UP_STATE_SNOOZED);
  g_assert_cmpint (span, >, 25 * 60 * SEC);
  g_assert_cmpint (span, <=, 30 * 60 * SEC);
  g_assert_cmpuint (fixture->presented, ==, 0);
}

static gboolean
is_snoozed (Fixture    *fixture,
            const char *id)
{
  g_autoptr(WbFollowUp) f = load (fixture, id);

  return wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_SNOOZED;
}

static void
test_later_while_locked_waits_for_unlock (Fixture       *fixture,
                                          gconstpointer  data)
{
  SKIP_WITHOUT_DAEMON ();

  lock_store (fixture);
  start_service (fixture);
  invoke_action (popup_id (fixture, fixture->due_id), "later-tomorrow");
  /* Locked, the sealed record cannot be written: the window asks to unlock. */
  WAIT_UNTIL (fixture->presented == 1, 10000);

  unlock_store (fixture);
  WAIT_UNTIL (is_snoozed (fixture, fixture->due_id), 10000);
}

static void
test_open_presents_then_case (Fixture       *fixture,
                              gconstpointer  data)
{
  SKIP_WITHOUT_DAEMON ();

  lock_store (fixture);
  start_service (fixture);
  invoke_action (popup_id (fixture, fixture->due_id), "open");
  WAIT_UNTIL (fixture->presented == 1, 10000);
  /* Locked: the window asks to unlock; the case follows the unlock. */
  g_assert_null (fixture->opened_case);
  unlock_store (fixture);
  WAIT_UNTIL (fixture->opened_case != NULL, 10000);
  g_assert_cmpstr (fixture->opened_case, ==, fixture->case_id);
}

static void
test_disabled_shows_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WbReminderService) service = NULL;

  SKIP_WITHOUT_DAEMON ();

  service = wb_reminder_service_new (fixture->store, fixture->settings);
  g_assert_false (wb_reminder_service_get_enabled (service));
  wb_reminder_service_refresh (service);
  /* A listing would take one round trip to the worker; give it several. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      wb_store_list_due_async (fixture->store, NULL, wb_test_result_cb, &result);
      g_ptr_array_unref (wb_store_list_due_finish (fixture->store, wb_test_wait_result (&result), NULL));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_notify_calls (), ==, 0);
  g_assert_null (wb_reminder_scheduler_get_next_due (wb_reminder_service_get_scheduler (service)));
}

static void
test_apply_plan_saves_dated_follow_ups (Fixture       *fixture,
                                        gconstpointer  data)
{
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_STANDARD);
  g_autoptr(GDateTime) start = g_date_time_new (wb_due_get_time_zone (), 2026, 3, 20, 10, 0, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assignee = NULL;
  guint n_plan = 0;

  SKIP_WITHOUT_DAEMON ();

  assignee = wb_record_id_to_string (&wb_store_get_actor (fixture->store)->id);
  wb_followup_apply_plan_async (fixture->store, plan, fixture->case_id, assignee, start, NULL,
                                wb_test_result_cb, &result);
  wb_followup_apply_plan_finish (fixture->store, wb_test_wait_result (&result), &error);
  g_assert_no_error (error);

  /* The schedule now holds the plan's steps, open and assigned, at 10:00
   * Amsterdam time across the change to summer time (29 March). */
  wb_store_list_due_async (fixture->store, NULL, wb_test_result_cb, &listed);
  due = wb_store_list_due_finish (fixture->store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    {
      const WbStoreDue *d = g_ptr_array_index (due, i);
      g_autoptr(WbFollowUp) f = NULL;
      g_autoptr(GDateTime) local = NULL;

      /* Done follow-ups are listed without their record. */
      if (d->state == WB_FOLLOW_UP_STATE_DONE)
        {
          g_assert_null (d->plaintext);
          continue;
        }
      f = wb_follow_up_deserialize (d->plaintext, NULL);
      g_assert_nonnull (f);
      if (g_strcmp0 (wb_follow_up_get_assignee (f), assignee) != 0)
        continue;
      local = g_date_time_to_timezone (wb_follow_up_get_due (f), wb_due_get_time_zone ());
      g_assert_cmpint (d->state, ==, WB_FOLLOW_UP_STATE_OPEN);
      g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
      g_assert_cmpstr (wb_follow_up_get_case_id (f), ==, fixture->case_id);
      if (n_plan == 0)
        g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 27);
      n_plan++;
    }
  g_assert_cmpuint (n_plan, ==, wb_aftercare_plan_get_n_steps (plan));

  /* A follow-up that would not be valid (no case) is refused before any write. */
  bad = wb_followup_plan_records (plan, "", NULL, start, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
}

/* Mock daemon */


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) mock = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *log_file = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_store_crypto_init (NULL));

  tmp_dir = g_dir_make_tmp ("weerbaar-notify-XXXXXX", &error);
  g_assert_no_error (error);
  log_file = g_build_filename (tmp_dir, "dbusmock.log", NULL);
  mock = wb_test_dbusmock_start (log_file, &bus, &skip_reason);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/notify/service/locked-due-one-popup-names-nothing", test_locked_due_one_popup_names_nothing);
  ADD ("/notify/service/unlocked-popup-gives-reference", test_unlocked_popup_gives_reference);
  ADD ("/notify/service/name-only-when-allowed", test_name_only_when_allowed);
  ADD ("/notify/service/done-writes-timeline", test_done_writes_timeline);
  ADD ("/notify/service/later-rearms-for-new-due", test_later_rearms);
  ADD ("/notify/service/later-while-locked-waits-for-unlock", test_later_while_locked_waits_for_unlock);
  ADD ("/notify/service/open-presents-then-case", test_open_presents_then_case);
  ADD ("/notify/service/disabled-shows-nothing", test_disabled_shows_nothing);
  ADD ("/notify/actions/apply-plan-saves-dated-follow-ups", test_apply_plan_saves_dated_follow_ups);

#undef ADD

  status = g_test_run ();

  wb_test_dbusmock_stop (mock);
  g_unlink (log_file);
  g_rmdir (tmp_dir);
  g_clear_object (&bus);

  return status;
}
