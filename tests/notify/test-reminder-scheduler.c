/* test-reminder-scheduler.c: the reminder timer: when it wakes, what it announces.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "wb-reminder-scheduler-private.h"

#define HOUR (G_USEC_PER_SEC * G_GINT64_CONSTANT (3600))

typedef struct
{
  WbReminderScheduler *scheduler;
  gint64               now;
  /* One GPtrArray of WbDueItem per emission of ::due. */
  GPtrArray           *announcements;
  guint                next_due_notifies;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);

  return g_date_time_add (epoch, usec);
}

static WbDueItem *
make_item (const char *id,
           gint64      due,
           WbDueState  state)
{
  g_autoptr(GDateTime) when = date_time_from_usec (due);

  return wb_due_item_new (id, when, state, NULL, NULL);
}

static GPtrArray *
make_items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) wb_due_item_unref);
}

static gint64
next_due_usec (Fixture *fixture)
{
  g_autoptr(GDateTime) next = wb_reminder_scheduler_get_next_due (fixture->scheduler);

  if (next == NULL)
    return -1;
  return g_date_time_to_unix (next) * G_USEC_PER_SEC + g_date_time_get_microsecond (next);
}

/* Runs whatever is ready now, without waiting for anything. */
static void
drain (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
deadline_reached_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @cond holds or @ms passed. */
#define ITERATE_UNTIL(cond, ms)                                                \
  G_STMT_START {                                                               \
    gboolean timed_out_ = FALSE;                                               \
    guint deadline_ = g_timeout_add (ms, deadline_reached_cb, &timed_out_);    \
    while (!(cond) && !timed_out_)                                             \
      g_main_context_iteration (NULL, TRUE);                                   \
    if (!timed_out_)                                                           \
      g_source_remove (deadline_);                                             \
  } G_STMT_END

#define WAIT_UNTIL(cond, ms)                                                   \
  G_STMT_START {                                                               \
    ITERATE_UNTIL (cond, ms);                                                  \
    g_assert_true (cond);                                                      \
  } G_STMT_END

static void
due_cb (WbReminderScheduler *scheduler,
        GPtrArray           *items,
        Fixture             *fixture)
{
  gint64 real_now = g_get_real_time ();

  /* Never early, whichever clock the scheduler reads. */
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (wb_due_item_get_due_usec (g_ptr_array_index (items, i)),
                     <=, MAX (real_now, fixture->now));
  g_ptr_array_add (fixture->announcements, g_ptr_array_ref (items));
}

static void
next_due_notified_cb (Fixture *fixture)
{
  fixture->next_due_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  use_fake_clock)
{
  fixture->scheduler = wb_reminder_scheduler_new ();
  fixture->announcements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  /* 2024-03-01 10:00 UTC */
  fixture->now = G_GINT64_CONSTANT (1709287200) * G_USEC_PER_SEC;
  if (GPOINTER_TO_INT (use_fake_clock))
    wb_reminder_scheduler_set_clock (fixture->scheduler, fake_clock, fixture);
  else
    fixture->now = g_get_real_time ();
  g_signal_connect (fixture->scheduler, "due", G_CALLBACK (due_cb), fixture);
  g_signal_connect_swapped (fixture->scheduler, "notify::next-due",
                            G_CALLBACK (next_due_notified_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  use_fake_clock)
{
  g_assert_finalize_object (fixture->scheduler);
  g_clear_pointer (&fixture->announcements, g_ptr_array_unref);
}

static const char *
announced_id (Fixture *fixture,
              guint    announcement,
              guint    item)
{
  GPtrArray *items = g_ptr_array_index (fixture->announcements, announcement);

  g_assert_cmpuint (item, <, items->len);
  return wb_due_item_get_follow_up_id (g_ptr_array_index (items, item));
}

/* Tests */

static void
test_arms_next_due_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  gint64 wait;

  g_ptr_array_add (items, make_item ("later", fixture->now + 2 * HOUR, WB_DUE_STATE_SNOOZED));
  g_ptr_array_add (items, make_item ("next", fixture->now + HOUR, WB_DUE_STATE_OPEN));
  g_ptr_array_add (items, make_item ("done", fixture->now + HOUR / 2, WB_DUE_STATE_DONE));
  g_ptr_array_add (items, make_item ("cancelled", fixture->now + HOUR / 4, WB_DUE_STATE_CANCELLED));
  g_ptr_array_add (items, make_item ("done-overdue", fixture->now - HOUR, WB_DUE_STATE_DONE));

  g_assert_cmpint (wb_reminder_scheduler_get_ready_time (fixture->scheduler), ==, -1);
  wb_reminder_scheduler_set_items (fixture->scheduler, items);

  g_assert_cmpint (next_due_usec (fixture), ==, fixture->now + HOUR);
  g_assert_cmpuint (fixture->next_due_notifies, ==, 1);
  /* One timer, on the monotonic clock, an hour from now. */
  wait = wb_reminder_scheduler_get_ready_time (fixture->scheduler) - g_get_monotonic_time ();
  g_assert_cmpint (wait, >, HOUR - 10 * G_USEC_PER_SEC);
  g_assert_cmpint (wait, <=, HOUR);

  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 0);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 0);

  /* The same set again: no change, no notification. */
  wb_reminder_scheduler_set_items (fixture->scheduler, items);
  g_assert_cmpuint (fixture->next_due_notifies, ==, 1);
}

static void
test_overdue_fire_once_at_start (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) again = make_items ();

  g_ptr_array_add (items, make_item ("recent", fixture->now - 60 * G_USEC_PER_SEC, WB_DUE_STATE_OPEN));
  g_ptr_array_add (items, make_item ("future", fixture->now + HOUR, WB_DUE_STATE_OPEN));
  g_ptr_array_add (items, make_item ("old", fixture->now - 48 * HOUR, WB_DUE_STATE_SNOOZED));
  wb_reminder_scheduler_set_items (fixture->scheduler, items);

  /* Announced from the main loop, not from inside set_items(). */
  g_assert_cmpuint (fixture->announcements->len, ==, 0);
  g_assert_cmpint (wb_reminder_scheduler_get_ready_time (fixture->scheduler), ==, 0);

  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 1);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (fixture->announcements, 0))->len, ==, 2);
  g_assert_cmpstr (announced_id (fixture, 0, 0), ==, "old");
  g_assert_cmpstr (announced_id (fixture, 0, 1), ==, "recent");
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 1);
  g_assert_cmpint (next_due_usec (fixture), ==, fixture->now + HOUR);

  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 1);

  /* The store hands over fresh copies of the same follow-ups. */
  g_ptr_array_add (again, make_item ("old", fixture->now - 48 * HOUR, WB_DUE_STATE_SNOOZED));
  g_ptr_array_add (again, make_item ("recent", fixture->now - 60 * G_USEC_PER_SEC, WB_DUE_STATE_OPEN));
  g_ptr_array_add (again, make_item ("future", fixture->now + HOUR, WB_DUE_STATE_OPEN));
  wb_reminder_scheduler_set_items (fixture->scheduler, again);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 1);
  g_assert_cmpint (wb_reminder_scheduler_get_ready_time (fixture->scheduler), >, 0);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 1);
}

static void
test_snoozed_announced_again (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GPtrArray) snoozed = make_items ();
  GPtrArray *second;

  g_ptr_array_add (items, make_item ("call", fixture->now - 60 * G_USEC_PER_SEC, WB_DUE_STATE_OPEN));
  wb_reminder_scheduler_set_items (fixture->scheduler, items);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 1);

  /* "Later (1 hour)" */
  g_ptr_array_add (snoozed, make_item ("call", fixture->now + HOUR, WB_DUE_STATE_SNOOZED));
  wb_reminder_scheduler_set_items (fixture->scheduler, snoozed);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 1);
  g_assert_cmpint (next_due_usec (fixture), ==, fixture->now + HOUR);

  fixture->now += HOUR;
  wb_reminder_scheduler_resume (fixture->scheduler);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 2);
  second = g_ptr_array_index (fixture->announcements, 1);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (announced_id (fixture, 1, 0), ==, "call");
  g_assert_cmpint (wb_due_item_get_state (g_ptr_array_index (second, 0)), ==, WB_DUE_STATE_SNOOZED);
  g_assert_cmpint (next_due_usec (fixture), ==, -1);
  g_assert_cmpint (wb_reminder_scheduler_get_ready_time (fixture->scheduler), ==, -1);

  wb_reminder_scheduler_set_items (fixture->scheduler, snoozed);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 2);
}

static void
test_resume_rearms_after_clock_jump (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  gint64 start = fixture->now;
  gint64 wait;

  g_ptr_array_add (items, make_item ("first", start + HOUR, WB_DUE_STATE_OPEN));
  g_ptr_array_add (items, make_item ("second", start + 3 * HOUR, WB_DUE_STATE_OPEN));
  wb_reminder_scheduler_set_items (fixture->scheduler, items);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 0);

  /* Two hours asleep: the monotonic clock stood still, the wall clock not. */
  fixture->now = start + 2 * HOUR;
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 0);

  wb_reminder_scheduler_resume (fixture->scheduler);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 1);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (fixture->announcements, 0))->len, ==, 1);
  g_assert_cmpstr (announced_id (fixture, 0, 0), ==, "first");
  g_assert_cmpint (next_due_usec (fixture), ==, start + 3 * HOUR);
  wait = wb_reminder_scheduler_get_ready_time (fixture->scheduler) - g_get_monotonic_time ();
  g_assert_cmpint (wait, >, HOUR - 10 * G_USEC_PER_SEC);
  g_assert_cmpint (wait, <=, HOUR);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 1);
}

static void
test_removed_items_not_announced (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();

  g_ptr_array_add (items, make_item ("gone", fixture->now + 60 * G_USEC_PER_SEC, WB_DUE_STATE_OPEN));
  wb_reminder_scheduler_set_items (fixture->scheduler, items);
  wb_reminder_scheduler_set_items (fixture->scheduler, NULL);
  g_assert_cmpint (next_due_usec (fixture), ==, -1);
  g_assert_cmpint (wb_reminder_scheduler_get_ready_time (fixture->scheduler), ==, -1);

  fixture->now += HOUR;
  wb_reminder_scheduler_resume (fixture->scheduler);
  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 0);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 0);
}

/* The real clock and the real timer: one wake-up per due moment, none between. */
static void
test_real_time_wakes_at_due_moments (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  gint64 now = g_get_real_time ();

  g_ptr_array_add (items, make_item ("far", now + HOUR, WB_DUE_STATE_OPEN));
  g_ptr_array_add (items, make_item ("b", now + 1400 * 1000, WB_DUE_STATE_OPEN));
  g_ptr_array_add (items, make_item ("a", now + 700 * 1000, WB_DUE_STATE_OPEN));
  wb_reminder_scheduler_set_items (fixture->scheduler, items);
  g_assert_cmpint (next_due_usec (fixture), ==, now + 700 * 1000);

  WAIT_UNTIL (fixture->announcements->len >= 1, 10000);
  g_assert_cmpstr (announced_id (fixture, 0, 0), ==, "a");
  g_assert_cmpint (next_due_usec (fixture), ==, now + 1400 * 1000);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 1);

  WAIT_UNTIL (fixture->announcements->len >= 2, 10000);
  g_assert_cmpstr (announced_id (fixture, 1, 0), ==, "b");
  g_assert_cmpint (next_due_usec (fixture), ==, now + HOUR);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 2);

  drain ();
  g_assert_cmpuint (fixture->announcements->len, ==, 2);
  g_assert_cmpuint (wb_reminder_scheduler_get_wakeup_count (fixture->scheduler), ==, 2);
}

/* logind's PrepareForSleep(false), on a private bus that plays the system bus. */
static void
test_logind_resume_rearms (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items ();
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 owned;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a private bus: run inside dbus-run-session");
      return;
    }

  /* Another connection to the same bus than the scheduler's "system" one. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.login1", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owned);
  g_assert_cmpuint (owned, ==, 1);

  g_ptr_array_add (items, make_item ("after-sleep", fixture->now + HOUR, WB_DUE_STATE_OPEN));
  wb_reminder_scheduler_set_items (fixture->scheduler, items);
  wb_reminder_scheduler_watch_sleep (fixture->scheduler);
  WAIT_UNTIL (wb_reminder_scheduler_get_watching_sleep (fixture->scheduler), 5000);

  fixture->now += 2 * HOUR;
  /* The match rule may reach the bus after our first signal: repeat it
   * until it is heard; resuming twice announces nothing twice. */
  for (guint i = 0; i < 25 && fixture->announcements->len == 0; i++)
    {
      g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/login1",
                                     "org.freedesktop.login1.Manager", "PrepareForSleep",
                                     g_variant_new ("(b)", FALSE), &error);
      g_assert_no_error (error);
      ITERATE_UNTIL (fixture->announcements->len > 0, 200);
    }
  g_assert_cmpuint (fixture->announcements->len, ==, 1);
  g_assert_cmpstr (announced_id (fixture, 0, 0), ==, "after-sleep");
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* Without a system bus, watching for suspend quietly does nothing. */
static void
test_no_system_bus_is_quiet (void)
{
  if (g_test_subprocess ())
    {
      WbReminderScheduler *scheduler;
      gboolean finalized = FALSE;

      g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/weerbaar-test/bus", TRUE);
      scheduler = wb_reminder_scheduler_new ();
      g_object_weak_ref (G_OBJECT (scheduler), weak_notify_cb, &finalized);
      wb_reminder_scheduler_watch_sleep (scheduler);
      g_object_unref (scheduler);
      /* The pending bus lookup holds the last reference until it failed. */
      WAIT_UNTIL (finalized, 10000);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  const char *session = g_getenv ("DBUS_SESSION_BUS_ADDRESS");

  /* The private session bus of dbus-run-session doubles as the system bus. */
  if (session != NULL)
    g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", session, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, fake) \
  g_test_add (path, Fixture, GINT_TO_POINTER (fake), fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/scheduler/arms-next-due-only", test_arms_next_due_only, TRUE);
  ADD ("/reminders/scheduler/overdue-fire-once-at-start", test_overdue_fire_once_at_start, TRUE);
  ADD ("/reminders/scheduler/snoozed-announced-again", test_snoozed_announced_again, TRUE);
  ADD ("/reminders/scheduler/resume-rearms-after-clock-jump", test_resume_rearms_after_clock_jump, TRUE);
  ADD ("/reminders/scheduler/removed-items-not-announced", test_removed_items_not_announced, TRUE);
  ADD ("/reminders/scheduler/real-time-wakes-at-due-moments", test_real_time_wakes_at_due_moments, FALSE);
  ADD ("/reminders/scheduler/logind-resume-rearms", test_logind_resume_rearms, TRUE);
  g_test_add_func ("/reminders/scheduler/no-system-bus-is-quiet", test_no_system_bus_is_quiet);

#undef ADD

  return g_test_run ();
}
