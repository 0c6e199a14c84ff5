/* wb-reminder-notifier-private.h: hooks for the notifier's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-reminder-notifier.h"

G_BEGIN_DECLS

void wb_reminder_notifier_set_clock           (WbReminderNotifier *self,
                                               WbClockFunc         clock_func,
                                               gpointer            user_data);
int  wb_reminder_notifier_get_notification_id (WbReminderNotifier *self,
                                               const char         *follow_up_id);

G_END_DECLS
