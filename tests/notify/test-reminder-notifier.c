/* test-reminder-notifier.c: reminder popups against a mock notification daemon.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside dbus-run-session (see meson.build) and starts python3-dbusmock's
 * notification_daemon template on that private bus; the calls the daemon
 * received are read back with org.freedesktop.DBus.Mock.GetCalls.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-reminder-notifier-private.h"
#include "wb-reminder-scheduler-private.h"
#include "wb-test-async.h"
#include "wb-test-dbusmock.h"

#define HOUR (G_USEC_PER_SEC * G_GINT64_CONSTANT (3600))
#define LOCKED_BODY "A follow-up is planned. Open Weerbaar to see it."

static GDBusConnection *bus;
static const char *skip_reason;

typedef struct
{
  char      *app_name;
  guint32    replaces_id;
  char      *icon;
  char      *summary;
  char      *body;
  char     **actions;
  GVariant  *hints;
} NotifyCall;

static void
notify_call_free (NotifyCall *call)
{
  g_free (call->app_name);
  g_free (call->icon);
  g_free (call->summary);
  g_free (call->body);
  g_strfreev (call->actions);
  g_clear_pointer (&call->hints, g_variant_unref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyCall, notify_call_free)

typedef struct
{
  WbReminderNotifier *notifier;
  gint64              now;

  guint               opened;
  char               *opened_id;
  guint               snoozed;
  char               *snoozed_id;
  guint               snoozed_seconds;
  guint               done;
  char               *done_id;
} Fixture;

/* Helpers */


#define mock_call(method, parameters, reply_type) \
  wb_test_dbusmock_call (bus, method, parameters, reply_type)

/* The value inside the @index-th variant of an "av". */
static GVariant *
child_value (GVariant *args,
             gsize     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);

  return g_variant_get_variant (boxed);
}

static char *
child_string (GVariant *args,
              gsize     index)
{
  g_autoptr(GVariant) value = child_value (args, index);

  return g_variant_dup_string (value, NULL);
}

/* The calls of @method the daemon received since the last ClearCalls, as
 * arrays of their arguments. */
static GPtrArray *
get_calls (const char *method)
{
  g_autoptr(GVariant) reply = mock_call ("GetCalls", NULL, G_VARIANT_TYPE ("(a(tsav))"));
  g_autoptr(GVariantIter) iter = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *name;
  GVariant *args;

  g_variant_get (reply, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&s@av)", NULL, &name, &args))
    {
      if (g_str_equal (name, method))
        g_ptr_array_add (calls, args);
      else
        g_variant_unref (args);
    }
  return calls;
}

static GPtrArray *
get_notify_calls (void)
{
  g_autoptr(GPtrArray) raw = get_calls ("Notify");
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) notify_call_free);

  for (guint i = 0; i < raw->len; i++)
    {
      GVariant *args = g_ptr_array_index (raw, i);
      NotifyCall *call = g_new0 (NotifyCall, 1);
      g_autoptr(GVariant) replaces = child_value (args, 1);
      g_autoptr(GVariant) actions = child_value (args, 5);

      g_assert_cmpuint (g_variant_n_children (args), ==, 8);
      call->app_name = child_string (args, 0);
      call->replaces_id = g_variant_get_uint32 (replaces);
      call->icon = child_string (args, 2);
      call->summary = child_string (args, 3);
      call->body = child_string (args, 4);
      call->actions = g_variant_dup_strv (actions, NULL);
      call->hints = child_value (args, 6);
      g_ptr_array_add (calls, call);
    }
  return calls;
}

static void
assert_actions (const NotifyCall   *call,
                const char * const *expected)
{
  g_assert_cmpstrv (call->actions, expected);
}

static void
assert_standard_hints (const NotifyCall *call)
{
  guchar urgency = 0;
  const char *category = NULL;
  const char *desktop_entry = NULL;

  g_assert_true (g_variant_lookup (call->hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);
  g_assert_true (g_variant_lookup (call->hints, "category", "&s", &category));
  g_assert_cmpstr (category, ==, "x-weerbaar.followup");
  g_assert_true (g_variant_lookup (call->hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
}

static const char * const single_actions[] = {
  "default", "Open",
  "later-hour", "Later (1 hour)",
  "later-tomorrow", "Tomorrow",
  "done", "Done",
  "open", "Open",
  NULL
};

static const char * const summary_actions[] = {
  "default", "Open",
  "open", "Open",
  NULL
};

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);

  return g_date_time_add (epoch, usec);
}

static WbDueItem *
make_item (const char *id,
           gint64      due,
           WbDueState  state,
           const char *reference,
           const char *name)
{
  g_autoptr(GDateTime) when = date_time_from_usec (due);

  return wb_due_item_new (id, when, state, reference, name);
}

static GPtrArray *
make_items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) wb_due_item_unref);
}

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
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

/* Callbacks */

static void
open_requested_cb (WbReminderNotifier *notifier,
                   const char         *follow_up_id,
                   const char         *activation_token,
                   Fixture            *fixture)
{
  fixture->opened++;
  g_free (fixture->opened_id);
  fixture->opened_id = g_strdup (follow_up_id);
}

static void
snooze_requested_cb (WbReminderNotifier *notifier,
                     const char         *follow_up_id,
                     guint               seconds,
                     Fixture            *fixture)
{
  fixture->snoozed++;
  g_free (fixture->snoozed_id);
  fixture->snoozed_id = g_strdup (follow_up_id);
  fixture->snoozed_seconds = seconds;
}

static void
done_requested_cb (WbReminderNotifier *notifier,
                   const char         *follow_up_id,
                   Fixture            *fixture)
{
  fixture->done++;
  g_free (fixture->done_id);
  fixture->done_id = g_strdup (follow_up_id);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (skip_reason != NULL)
    return;

  g_variant_unref (mock_call ("ClearCalls", NULL, NULL));

  /* 2024-03-01 15:30 local time. */
  {
    g_autoptr(GDateTime) afternoon = g_date_time_new_local (2024, 3, 1, 15, 30, 0);

    fixture->now = g_date_time_to_unix (afternoon) * G_USEC_PER_SEC;
  }

  fixture->notifier = wb_reminder_notifier_new ();
  wb_reminder_notifier_set_clock (fixture->notifier, fake_clock, fixture);
  g_signal_connect (fixture->notifier, "open-requested", G_CALLBACK (open_requested_cb), fixture);
  g_signal_connect (fixture->notifier, "snooze-requested", G_CALLBACK (snooze_requested_cb), fixture);
  g_signal_connect (fixture->notifier, "done-requested", G_CALLBACK (done_requested_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->notifier != NULL)
    g_assert_finalize_object (fixture->notifier);
  g_free (fixture->opened_id);
  g_free (fixture->snoozed_id);
  g_free (fixture->done_id);
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
test_locked_popup_names_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;
  const NotifyCall *call;

  SKIP_WITHOUT_DAEMON ();

  /* Even with names allowed, and even if a name slipped through. */
  wb_reminder_notifier_set_names_in_popups (fixture->notifier, TRUE);
  g_ptr_array_add (items, make_item ("fu-1", fixture->now, WB_DUE_STATE_OPEN, NULL, NULL));
  g_ptr_array_add (items, make_item ("fu-2", fixture->now, WB_DUE_STATE_OPEN, NULL, "Test de Vries-3"));
  wb_reminder_notifier_show_due (fixture->notifier, items);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 2);
  for (guint i = 0; i < calls->len; i++)
    {
      call = g_ptr_array_index (calls, i);
      g_assert_cmpstr (call->app_name, ==, "Weerbaar");
      g_assert_cmpuint (call->replaces_id, ==, 0);
      g_assert_cmpstr (call->icon, ==, APP_ID);
      g_assert_cmpstr (call->summary, ==, "Follow-up due");
      g_assert_cmpstr (call->body, ==, LOCKED_BODY);
      g_assert_null (strstr (call->body, "Jan"));
      assert_actions (call, single_actions);
      assert_standard_hints (call);
    }
}

static void
test_unlocked_popup_gives_reference (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;
  const NotifyCall *call;

  SKIP_WITHOUT_DAEMON ();

  g_assert_false (wb_reminder_notifier_get_names_in_popups (fixture->notifier));
  g_ptr_array_add (items, make_item ("fu-1", fixture->now, WB_DUE_STATE_OPEN,
                                     "WB-2024-0042", "Test de Vries-3"));
  wb_reminder_notifier_show_due (fixture->notifier, items);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->summary, ==, "Follow-up due");
  g_assert_cmpstr (call->body, ==, "A follow-up for case WB-2024-0042 is due.");
  assert_actions (call, single_actions);
  assert_standard_hints (call);
}

static void
test_name_only_when_allowed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;
  const NotifyCall *call;

  SKIP_WITHOUT_DAEMON ();

  g_object_set (fixture->notifier, "names-in-popups", TRUE, NULL);
  g_ptr_array_add (items, make_item ("fu-1", fixture->now, WB_DUE_STATE_OPEN,
                                     "WB-2024-0042", "Anne & <Bram>"));
  wb_reminder_notifier_show_due (fixture->notifier, items);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->summary, ==, "Follow-up due");
  /* The mock announces body-markup, so the name arrives escaped. */
  g_assert_cmpstr (call->body, ==,
                   "A follow-up with Anne &amp; &lt;Bram&gt; for case WB-2024-0042 is due.");
  assert_actions (call, single_actions);
}

static void
test_three_due_three_popups (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;

  SKIP_WITHOUT_DAEMON ();

  g_ptr_array_add (items, make_item ("fu-1", fixture->now, WB_DUE_STATE_OPEN, "WB-2024-0001", NULL));
  g_ptr_array_add (items, make_item ("fu-2", fixture->now, WB_DUE_STATE_OPEN, "WB-2024-0002", NULL));
  g_ptr_array_add (items, make_item ("fu-3", fixture->now, WB_DUE_STATE_SNOOZED, "WB-2024-0003", NULL));
  wb_reminder_notifier_show_due (fixture->notifier, items);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 3);
  for (guint i = 0; i < calls->len; i++)
    {
      const NotifyCall *call = g_ptr_array_index (calls, i);
      g_autofree char *body = g_strdup_printf ("A follow-up for case WB-2024-000%u is due.", i + 1);

      g_assert_cmpstr (call->summary, ==, "Follow-up due");
      g_assert_cmpstr (call->body, ==, body);
    }
}

static void
test_more_than_three_one_summary (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;
  const NotifyCall *call;

  SKIP_WITHOUT_DAEMON ();

  wb_reminder_notifier_set_names_in_popups (fixture->notifier, TRUE);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("fu-%u", i);
      g_autofree char *reference = g_strdup_printf ("WB-2024-000%u", i);

      g_ptr_array_add (items, make_item (id, fixture->now, WB_DUE_STATE_OPEN, reference, "Test de Vries-3"));
    }
  wb_reminder_notifier_show_due (fixture->notifier, items);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->summary, ==, "4 follow-ups are due");
  g_assert_cmpstr (call->body, ==, "Open Weerbaar to see them.");
  assert_actions (call, summary_actions);
  assert_standard_hints (call);
}

static void
due_cb (WbReminderNotifier *notifier,
        GPtrArray          *items,
        gpointer            user_data)
{
  wb_reminder_notifier_show_due (notifier, items);
}

/* The scheduler feeds the notifier: only what fell due pops up. */
static void
test_only_due_items_pop_up (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WbReminderScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;
  const NotifyCall *call;

  SKIP_WITHOUT_DAEMON ();

  scheduler = wb_reminder_scheduler_new ();
  wb_reminder_scheduler_set_clock (scheduler, fake_clock, fixture);
  g_signal_connect_object (scheduler, "due", G_CALLBACK (due_cb), fixture->notifier,
                           G_CONNECT_SWAPPED);

  g_ptr_array_add (items, make_item ("due", fixture->now - 60 * G_USEC_PER_SEC,
                                     WB_DUE_STATE_OPEN, "WB-2024-0001", NULL));
  g_ptr_array_add (items, make_item ("future", fixture->now + HOUR,
                                     WB_DUE_STATE_OPEN, "WB-2024-0002", NULL));
  g_ptr_array_add (items, make_item ("finished", fixture->now - HOUR,
                                     WB_DUE_STATE_DONE, "WB-2024-0003", NULL));
  wb_reminder_scheduler_set_items (scheduler, items);
  WAIT_UNTIL (wb_reminder_scheduler_get_wakeup_count (scheduler) == 1, 5000);
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->body, ==, "A follow-up for case WB-2024-0001 is due.");
}

static void
test_announced_again_replaces_popup (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) calls = NULL;
  int id;

  SKIP_WITHOUT_DAEMON ();

  g_ptr_array_add (items, make_item ("fu-1", fixture->now, WB_DUE_STATE_OPEN, NULL, NULL));
  wb_reminder_notifier_show_due (fixture->notifier, items);
  id = wb_reminder_notifier_get_notification_id (fixture->notifier, "fu-1");
  g_assert_cmpint (id, >, 0);
  wb_reminder_notifier_show_due (fixture->notifier, items);

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpuint (((NotifyCall *) g_ptr_array_index (calls, 0))->replaces_id, ==, 0);
  g_assert_cmpuint (((NotifyCall *) g_ptr_array_index (calls, 1))->replaces_id, ==, (guint) id);
  assert_actions (g_ptr_array_index (calls, 1), single_actions);
}

static void
test_actions_emit_signals (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) many = make_items ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) morning = NULL;
  int id;

  SKIP_WITHOUT_DAEMON ();

  g_ptr_array_add (items, make_item ("fu-7", fixture->now, WB_DUE_STATE_OPEN, "WB-2024-0007", NULL));
  wb_reminder_notifier_show_due (fixture->notifier, items);
  id = wb_reminder_notifier_get_notification_id (fixture->notifier, "fu-7");

  invoke_action (id, "open");
  WAIT_UNTIL (fixture->opened == 1, 5000);
  g_assert_cmpstr (fixture->opened_id, ==, "fu-7");

  invoke_action (id, "default");
  WAIT_UNTIL (fixture->opened == 2, 5000);
  g_assert_cmpstr (fixture->opened_id, ==, "fu-7");

  invoke_action (id, "later-hour");
  WAIT_UNTIL (fixture->snoozed == 1, 5000);
  g_assert_cmpstr (fixture->snoozed_id, ==, "fu-7");
  g_assert_cmpuint (fixture->snoozed_seconds, ==, 3600);

  /* Tomorrow means tomorrow at 09:00 local time. */
  invoke_action (id, "later-tomorrow");
  WAIT_UNTIL (fixture->snoozed == 2, 5000);
  g_assert_cmpstr (fixture->snoozed_id, ==, "fu-7");
  now = g_date_time_new_local (2024, 3, 1, 15, 30, 0);
  tomorrow = g_date_time_add_days (now, 1);
  morning = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                   g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow),
                                   9, 0, 0);
  g_assert_cmpint (fixture->snoozed_seconds, ==,
                   g_date_time_difference (morning, now) / G_USEC_PER_SEC);

  invoke_action (id, "done");
  WAIT_UNTIL (fixture->done == 1, 5000);
  g_assert_cmpstr (fixture->done_id, ==, "fu-7");

  /* The summary popup only opens the app, on no follow-up in particular. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *item_id = g_strdup_printf ("many-%u", i);

      g_ptr_array_add (many, make_item (item_id, fixture->now, WB_DUE_STATE_OPEN, NULL, NULL));
    }
  wb_reminder_notifier_show_due (fixture->notifier, many);
  invoke_action (wb_reminder_notifier_get_notification_id (fixture->notifier, NULL), "open");
  WAIT_UNTIL (fixture->opened == 3, 5000);
  g_assert_null (fixture->opened_id);

  g_assert_cmpuint (fixture->snoozed, ==, 2);
  g_assert_cmpuint (fixture->done, ==, 1);
}

static void
test_withdraw_closes_popups (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) closes = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);

  SKIP_WITHOUT_DAEMON ();

  g_ptr_array_add (items, make_item ("fu-1", fixture->now, WB_DUE_STATE_OPEN, "WB-2024-0001", NULL));
  g_ptr_array_add (items, make_item ("fu-2", fixture->now, WB_DUE_STATE_OPEN, "WB-2024-0002", NULL));
  wb_reminder_notifier_show_due (fixture->notifier, items);
  g_hash_table_add (expected, GINT_TO_POINTER (wb_reminder_notifier_get_notification_id (fixture->notifier, "fu-1")));
  g_hash_table_add (expected, GINT_TO_POINTER (wb_reminder_notifier_get_notification_id (fixture->notifier, "fu-2")));

  /* As when the vault locks: no case reference stays on screen. */
  wb_reminder_notifier_withdraw_all (fixture->notifier);
  g_assert_cmpint (wb_reminder_notifier_get_notification_id (fixture->notifier, "fu-1"), ==, 0);

  closes = get_calls ("CloseNotification");
  g_assert_cmpuint (closes->len, ==, 2);
  for (guint i = 0; i < closes->len; i++)
    {
      g_autoptr(GVariant) id = child_value (g_ptr_array_index (closes, i), 0);

      g_assert_true (g_hash_table_contains (expected, GINT_TO_POINTER (g_variant_get_int32 (id))));
    }
}

/* The mock daemon */


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

  tmp_dir = g_dir_make_tmp ("weerbaar-notify-XXXXXX", &error);
  g_assert_no_error (error);
  log_file = g_build_filename (tmp_dir, "dbusmock.log", NULL);
  mock = wb_test_dbusmock_start (log_file, &bus, &skip_reason);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/notify/notifier/locked-popup-names-nothing", test_locked_popup_names_nothing);
  ADD ("/notify/notifier/unlocked-popup-gives-reference", test_unlocked_popup_gives_reference);
  ADD ("/notify/notifier/name-only-when-allowed", test_name_only_when_allowed);
  ADD ("/notify/notifier/three-due-three-popups", test_three_due_three_popups);
  ADD ("/notify/notifier/more-than-three-one-summary", test_more_than_three_one_summary);
  ADD ("/notify/notifier/only-due-items-pop-up", test_only_due_items_pop_up);
  ADD ("/notify/notifier/announced-again-replaces-popup", test_announced_again_replaces_popup);
  ADD ("/notify/notifier/actions-emit-signals", test_actions_emit_signals);
  ADD ("/notify/notifier/withdraw-closes-popups", test_withdraw_closes_popups);

#undef ADD

  status = g_test_run ();

  wb_test_dbusmock_stop (mock);
  g_unlink (log_file);
  g_rmdir (tmp_dir);
  g_clear_object (&bus);

  return status;
}
