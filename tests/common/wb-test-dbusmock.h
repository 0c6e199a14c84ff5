/* wb-test-dbusmock.h: python3-dbusmock's notification daemon on a private bus, for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WB_TEST_NOTIFICATIONS      "org.freedesktop.Notifications"
#define WB_TEST_NOTIFICATIONS_PATH "/org/freedesktop/Notifications"
#define WB_TEST_MOCK_IFACE         "org.freedesktop.DBus.Mock"

/* Starts the notification_daemon template (capabilities: actions, body,
 * body-markup) logging to @log_file and waits until it owns its name. Returns
 * NULL with *@skip_reason set when there is no private session bus, or when a
 * daemon already owns the name: dbusmock would replace it, and a test must
 * never take over a real desktop's notifications. */
GSubprocess     *wb_test_dbusmock_start (const char          *log_file,
                                         GDBusConnection    **out_bus,
                                         const char         **skip_reason);
/* Calls @method of the mock interface; asserts that it succeeds. */
GVariant        *wb_test_dbusmock_call  (GDBusConnection     *bus,
                                         const char          *method,
                                         GVariant            *parameters,
                                         const GVariantType  *reply_type);
void             wb_test_dbusmock_stop  (GSubprocess         *mock);

G_END_DECLS
