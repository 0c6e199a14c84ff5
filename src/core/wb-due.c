/* wb-due.c: when a follow-up is due, in calendar terms, and snoozing it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-due.h"

/* The team works in the Netherlands, whatever the zone of the computer. */
#define TIME_ZONE "Europe/Amsterdam"

G_DEFINE_ENUM_TYPE (WbDueClass, wb_due_class,
  G_DEFINE_ENUM_VALUE (WB_DUE_OVERDUE, "overdue"),
  G_DEFINE_ENUM_VALUE (WB_DUE_TODAY, "today"),
  G_DEFINE_ENUM_VALUE (WB_DUE_THIS_WEEK, "this-week"),
  G_DEFINE_ENUM_VALUE (WB_DUE_LATER, "later"))

/**
 * wb_due_class_to_label:
 * @value: a #WbDueClass
 *
 * Returns: (nullable): a translated heading for the group, or %NULL
 */
const char *
wb_due_class_to_label (WbDueClass value)
{
  switch (value)
    {
    case WB_DUE_OVERDUE:
      /* Translators: a group of follow-ups; Dutch: Te laat */
      return C_("due", "Overdue");
    case WB_DUE_TODAY:
      return C_("due", "Today");
    case WB_DUE_THIS_WEEK:
      return C_("due", "This week");
    case WB_DUE_LATER:
      return C_("due", "Later");
    default:
      return NULL;
    }
}

/**
 * wb_due_get_time_zone:
 *
 * Returns: (transfer none): Europe/Amsterdam, or the local zone if the
 *   system has no time zone data
 */
GTimeZone *
wb_due_get_time_zone (void)
{
  static GTimeZone *tz;

  if (g_once_init_enter (&tz))
    {
      GTimeZone *found = g_time_zone_new_identifier (TIME_ZONE);

      if (found == NULL)
        {
          g_warning ("No time zone data for %s; using the local time zone", TIME_ZONE);
          found = g_time_zone_new_local ();
        }
      g_once_init_leave (&tz, found);
    }

  return tz;
}

static void
local_date (GDateTime *moment,
            GTimeZone *tz,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * wb_due_classify:
 * @due: when a follow-up is due
 * @now: the current moment
 * @tz: (nullable): the zone to count days in; %NULL for wb_due_get_time_zone()
 *
 * Returns: how @due relates to @now, see #WbDueClass
 */
WbDueClass
wb_due_classify (GDateTime *due,
                 GDateTime *now,
                 GTimeZone *tz)
{
  GDate due_date;
  GDate today;
  GDate sunday;

  g_return_val_if_fail (due != NULL, WB_DUE_LATER);
  g_return_val_if_fail (now != NULL, WB_DUE_LATER);

  if (tz == NULL)
    tz = wb_due_get_time_zone ();

  local_date (due, tz, &due_date);
  local_date (now, tz, &today);

  if (g_date_compare (&due_date, &today) < 0)
    return WB_DUE_OVERDUE;
  if (g_date_compare (&due_date, &today) == 0)
    return WB_DUE_TODAY;

  sunday = today;
  g_date_add_days (&sunday, G_DATE_SUNDAY - g_date_get_weekday (&today));
  if (g_date_compare (&due_date, &sunday) <= 0)
    return WB_DUE_THIS_WEEK;

  return WB_DUE_LATER;
}

/**
 * wb_due_snooze_hour:
 * @now: the current moment
 *
 * Returns: (transfer full): one hour of real time after @now, even when the
 *   clock is moved that night
 */
GDateTime *
wb_due_snooze_hour (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, NULL);

  return g_date_time_add_hours (now, 1);
}

/**
 * wb_due_snooze_tomorrow:
 * @now: the current moment
 * @tz: (nullable): the zone of the clock; %NULL for wb_due_get_time_zone()
 *
 * Returns: (transfer full): 09:00 on the calendar day after @now, local
 *   time, in @tz
 */
GDateTime *
wb_due_snooze_tomorrow (GDateTime *now,
                        GTimeZone *tz)
{
  GDate tomorrow;

  g_return_val_if_fail (now != NULL, NULL);

  if (tz == NULL)
    tz = wb_due_get_time_zone ();

  local_date (now, tz, &tomorrow);
  g_date_add_days (&tomorrow, 1);

  return g_date_time_new (tz,
                          g_date_get_year (&tomorrow),
                          g_date_get_month (&tomorrow),
                          g_date_get_day (&tomorrow),
                          WB_DUE_SNOOZE_HOUR, 0, 0);
}
