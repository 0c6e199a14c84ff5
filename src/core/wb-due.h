/* wb-due.h: when a follow-up is due, in calendar terms, and snoozing it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WbDueClass:
 * @WB_DUE_OVERDUE: due on a day before today
 * @WB_DUE_TODAY: due today, earlier or later than now
 * @WB_DUE_THIS_WEEK: due after today, up to and including Sunday of this week
 * @WB_DUE_LATER: due after this week
 *
 * Days are calendar days in local time; a week runs Monday to Sunday (ISO
 * 8601), so on a Sunday nothing is “this week” but today.
 */
typedef enum
{
  WB_DUE_OVERDUE = 0,
  WB_DUE_TODAY = 1,
  WB_DUE_THIS_WEEK = 2,
  WB_DUE_LATER = 3,
} WbDueClass;

/* The hour of the day “tomorrow” snoozes to. */
#define WB_DUE_SNOOZE_HOUR 9

#define WB_TYPE_DUE_CLASS (wb_due_class_get_type ())
GType       wb_due_class_get_type   (void) G_GNUC_CONST;
const char *wb_due_class_to_label   (WbDueClass  value);

GTimeZone  *wb_due_get_time_zone    (void);
WbDueClass  wb_due_classify         (GDateTime  *due,
                                     GDateTime  *now,
                                     GTimeZone  *tz);
GDateTime  *wb_due_snooze_hour      (GDateTime  *now);
GDateTime  *wb_due_snooze_tomorrow  (GDateTime  *now,
                                     GTimeZone  *tz);

G_END_DECLS
