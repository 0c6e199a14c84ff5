/* wb-reminder-scheduler.h: arms one timer for the next due follow-up.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-due-item.h"

G_BEGIN_DECLS

#define WB_TYPE_REMINDER_SCHEDULER (wb_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (WbReminderScheduler, wb_reminder_scheduler, WB, REMINDER_SCHEDULER, GObject)

WbReminderScheduler *wb_reminder_scheduler_new          (void);
void                 wb_reminder_scheduler_set_items    (WbReminderScheduler *self,
                                                         GPtrArray           *items);
GDateTime           *wb_reminder_scheduler_get_next_due (WbReminderScheduler *self);
void                 wb_reminder_scheduler_resume       (WbReminderScheduler *self);
void                 wb_reminder_scheduler_watch_sleep  (WbReminderScheduler *self);

G_END_DECLS
