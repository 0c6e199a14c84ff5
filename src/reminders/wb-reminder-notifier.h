/* wb-reminder-notifier.h: turns due follow-ups into desktop popups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-due-item.h"

G_BEGIN_DECLS

#define WB_TYPE_REMINDER_NOTIFIER (wb_reminder_notifier_get_type ())

G_DECLARE_FINAL_TYPE (WbReminderNotifier, wb_reminder_notifier, WB, REMINDER_NOTIFIER, GObject)

/* Beyond this many items falling due together, one summary popup is shown. */
#define WB_REMINDER_NOTIFIER_MAX_POPUPS 3

WbReminderNotifier *wb_reminder_notifier_new                 (void);
gboolean            wb_reminder_notifier_get_names_in_popups (WbReminderNotifier *self);
void                wb_reminder_notifier_set_names_in_popups (WbReminderNotifier *self,
                                                              gboolean            names_in_popups);
void                wb_reminder_notifier_set_snooze_minutes  (WbReminderNotifier *self,
                                                              guint               snooze_minutes);
void                wb_reminder_notifier_show_due            (WbReminderNotifier *self,
                                                              GPtrArray          *items);
void                wb_reminder_notifier_withdraw_all        (WbReminderNotifier *self);

G_END_DECLS
