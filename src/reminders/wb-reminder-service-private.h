/* wb-reminder-service-private.h: hooks for the reminder service's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-reminder-notifier.h"
#include "wb-reminder-scheduler.h"
#include "wb-reminder-service.h"

G_BEGIN_DECLS

WbReminderScheduler *wb_reminder_service_get_scheduler   (WbReminderService *self);
WbReminderNotifier  *wb_reminder_service_get_notifier    (WbReminderService *self);
guint                wb_reminder_service_get_n_refreshed (WbReminderService *self);

G_END_DECLS
