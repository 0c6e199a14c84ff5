/* wb-reminder-scheduler-private.h: hooks for the scheduler's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-reminder-scheduler.h"

G_BEGIN_DECLS

void     wb_reminder_scheduler_set_clock          (WbReminderScheduler *self,
                                                   WbClockFunc          clock_func,
                                                   gpointer             user_data);
gint64   wb_reminder_scheduler_get_ready_time     (WbReminderScheduler *self);
guint    wb_reminder_scheduler_get_wakeup_count   (WbReminderScheduler *self);
gboolean wb_reminder_scheduler_get_watching_sleep (WbReminderScheduler *self);

G_END_DECLS
