/* wb-test-dbusmock.c: python3-dbusmock's notification daemon on a private bus, for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "wb-test-async.h"
#include "wb-test-dbusmock.h"

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *name_owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
mock_exited_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

GSubprocess *
wb_test_dbusmock_start (const char        *log_file,
                        GDBusConnection  **out_bus,
                        const char       **skip_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GSubprocess) mock = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  gboolean has_owner = TRUE;
  gboolean appeared = FALSE;
  gboolean exited = FALSE;
  guint watch;

  *out_bus = NULL;
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      *skip_reason = "needs a private session bus: run inside dbus-run-session";
      return NULL;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", WB_TEST_NOTIFICATIONS),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    {
      *skip_reason = "a notification daemon already runs on this bus: run inside dbus-run-session";
      *out_bus = g_steal_pointer (&bus);
      return NULL;
    }

  mock = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                           "/usr/bin/python3", "-m", "dbusmock",
                           "--template", "notification_daemon",
                           "-l", log_file,
                           "-p", "{\"capabilities\": \"actions body body-markup\"}",
                           NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (mock, NULL, mock_exited_cb, &exited);

  watch = g_bus_watch_name_on_connection (bus, WB_TEST_NOTIFICATIONS,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          name_appeared_cb, NULL, &appeared, NULL);
  WAIT_UNTIL (appeared || exited, 15000);
  g_bus_unwatch_name (watch);
  g_assert_false (exited);

  *out_bus = g_steal_pointer (&bus);
  return g_steal_pointer (&mock);
}

GVariant *
wb_test_dbusmock_call (GDBusConnection    *bus,
                       const char         *method,
                       GVariant           *parameters,
                       const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (bus, WB_TEST_NOTIFICATIONS, WB_TEST_NOTIFICATIONS_PATH,
                                       WB_TEST_MOCK_IFACE, method, parameters, reply_type,
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  return reply;
}

void
wb_test_dbusmock_stop (GSubprocess *mock)
{
  if (mock == NULL)
    return;
  g_subprocess_force_exit (mock);
  g_subprocess_wait (mock, NULL, NULL);
}
