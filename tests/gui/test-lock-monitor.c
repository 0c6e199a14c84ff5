/* test-lock-monitor.c: the vault locks after idle time, on screen lock and before suspend.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "wb-lock-monitor.h"

typedef struct
{
  GDBusConnection *bus;
  WbLockMonitor   *monitor;
  int              reason;
  guint            n_requests;
  gint64           requested_at;
  gboolean         sentinel_seen;
  guint            sentinel_id;
} Fixture;

static void
lock_requested_cb (WbLockMonitor *monitor,
                   int            reason,
                   Fixture       *f)
{
  f->reason = reason;
  f->n_requests++;
  f->requested_at = g_get_monotonic_time ();
}

static void
sentinel_cb (GDBusConnection *c, const char *s, const char *p, const char *i,
             const char *n, GVariant *params, gpointer user_data)
{
  ((Fixture *) user_data)->sentinel_seen = TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  /* The session bus stands in for the system bus: the test emits logind's
   * signals itself. */
  f->monitor = wb_lock_monitor_new (f->bus, f->bus);
  g_signal_connect (f->monitor, "lock-requested", G_CALLBACK (lock_requested_cb), f);
  f->reason = -1;
  f->sentinel_id = g_dbus_connection_signal_subscribe (f->bus, NULL, "nl.weerbaarbestuur.Test",
                                                       "Sentinel", NULL, NULL, 0,
                                                       sentinel_cb, f, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_dbus_connection_signal_unsubscribe (f->bus, f->sentinel_id);
  g_clear_object (&f->monitor);
  g_clear_object (&f->bus);
}

static void
emit (Fixture *f, const char *path, const char *iface, const char *name, GVariant *params)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (f->bus, NULL, path, iface, name, params, &error);
  g_assert_no_error (error);
}

/* Signals from one sender arrive in order: once the sentinel is seen, every
 * signal emitted before it has been handled. */
static void
flush_bus (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->sentinel_seen = FALSE;
  emit (f, "/", "nl.weerbaarbestuur.Test", "Sentinel", NULL);
  while (!f->sentinel_seen && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->sentinel_seen);
}

static void
wait_for_request (Fixture *f, guint n)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (f->n_requests < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->n_requests, ==, n);
}

static void
test_idle_locks_only_after_the_idle_time (Fixture *f, gconstpointer data)
{
  gint64 last_input;

  wb_lock_monitor_set_idle_timeout (f->monitor, 1);
  wb_lock_monitor_set_armed (f->monitor, TRUE);

  /* Activity half-way must push the lock back by a whole period. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    while (g_get_monotonic_time () < until && f->n_requests == 0)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (f->n_requests, ==, 0);
  wb_lock_monitor_user_active (f->monitor);
  last_input = g_get_monotonic_time ();

  wait_for_request (f, 1);
  g_assert_cmpint (f->reason, ==, WB_LOCK_REASON_IDLE);
  g_assert_cmpint (f->requested_at - last_input, >=, G_USEC_PER_SEC);
}

static void
test_screen_lock_requests_a_lock (Fixture *f, gconstpointer data)
{
  wb_lock_monitor_set_armed (f->monitor, TRUE);

  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", FALSE));
  flush_bus (f);
  g_assert_cmpuint (f->n_requests, ==, 0);

  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  wait_for_request (f, 1);
  g_assert_cmpint (f->reason, ==, WB_LOCK_REASON_SCREEN_LOCKED);

  emit (f, "/org/freedesktop/login1/session/_31", "org.freedesktop.login1.Session", "Lock", NULL);
  wait_for_request (f, 2);
  g_assert_cmpint (f->reason, ==, WB_LOCK_REASON_SCREEN_LOCKED);
}

static void
test_suspend_requests_a_lock (Fixture *f, gconstpointer data)
{
  wb_lock_monitor_set_armed (f->monitor, TRUE);

  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", FALSE));
  flush_bus (f);
  g_assert_cmpuint (f->n_requests, ==, 0);

  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  wait_for_request (f, 1);
  g_assert_cmpint (f->reason, ==, WB_LOCK_REASON_SUSPEND);
}

static void
test_disarmed_monitor_stays_quiet (Fixture *f, gconstpointer data)
{
  wb_lock_monitor_set_idle_timeout (f->monitor, 1);
  wb_lock_monitor_set_armed (f->monitor, TRUE);
  wb_lock_monitor_set_armed (f->monitor, FALSE);

  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  flush_bus (f);
  g_assert_cmpuint (f->n_requests, ==, 0);
}

static void
test_input_on_a_watched_widget_counts_as_activity (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry = gtk_entry_new ();
  gint64 before;

  gtk_window_set_child (GTK_WINDOW (window), entry);
  wb_lock_monitor_watch_widget (f->monitor, window);
  gtk_window_present (GTK_WINDOW (window));

  wb_lock_monitor_set_idle_timeout (f->monitor, 1);
  wb_lock_monitor_set_armed (f->monitor, TRUE);
  before = g_get_monotonic_time ();
  /* A key press through the widget's controllers, as a user would type. */
  gtk_widget_grab_focus (entry);
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
    guint n_capture = 0;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
          n_capture++;
      }
    /* Keys, motion, clicks and scrolling are all watched in the capture
     * phase, so no child widget can swallow them. */
    g_assert_cmpuint (n_capture, >=, 4);
  }
  wait_for_request (f, 1);
  g_assert_cmpint (f->requested_at - before, >=, G_USEC_PER_SEC);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/gui/lock-monitor/idle-locks-only-after-the-idle-time", Fixture, NULL,
              fixture_set_up, test_idle_locks_only_after_the_idle_time, fixture_tear_down);
  g_test_add ("/gui/lock-monitor/screen-lock-requests-a-lock", Fixture, NULL,
              fixture_set_up, test_screen_lock_requests_a_lock, fixture_tear_down);
  g_test_add ("/gui/lock-monitor/suspend-requests-a-lock", Fixture, NULL,
              fixture_set_up, test_suspend_requests_a_lock, fixture_tear_down);
  g_test_add ("/gui/lock-monitor/disarmed-monitor-stays-quiet", Fixture, NULL,
              fixture_set_up, test_disarmed_monitor_stays_quiet, fixture_tear_down);
  g_test_add ("/gui/lock-monitor/watched-widget-has-capture-controllers", Fixture, NULL,
              fixture_set_up, test_input_on_a_watched_widget_counts_as_activity, fixture_tear_down);

  return g_test_run ();
}
