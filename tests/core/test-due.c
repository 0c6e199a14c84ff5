/* test-due.c: due groups and snoozing at day and week boundaries and across DST.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

/* In 2026 summer time starts on Sunday 29 March and ends on Sunday 25 October. */

static GTimeZone *
amsterdam (void)
{
  return wb_due_get_time_zone ();
}

static GDateTime *
local (int    year,
       int    month,
       int    day,
       int    hour,
       int    minute)
{
  return g_date_time_new (amsterdam (), year, month, day, hour, minute, 0);
}

static void
test_time_zone_is_amsterdam (void)
{
  g_autoptr(GDateTime) winter = local (2026, 1, 15, 12, 0);
  g_autoptr(GDateTime) summer = local (2026, 7, 15, 12, 0);

  g_assert_cmpstr (g_time_zone_get_identifier (amsterdam ()), ==, "Europe/Amsterdam");
  g_assert_cmpint (g_date_time_get_utc_offset (winter), ==, 1 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (summer), ==, 2 * G_TIME_SPAN_HOUR);
}

typedef struct
{
  const char *name;
  int         now[5];
  int         due[5];
  WbDueClass  expected;
} ClassifyCase;

static void
test_classify_uses_local_calendar_days_and_iso_weeks (void)
{
  const ClassifyCase cases[] = {
    { "yesterday late evening", { 2026, 3, 25, 12, 0 }, { 2026, 3, 24, 23, 59 }, WB_DUE_OVERDUE },
    { "today at midnight", { 2026, 3, 25, 12, 0 }, { 2026, 3, 25, 0, 0 }, WB_DUE_TODAY },
    { "earlier today", { 2026, 3, 25, 12, 0 }, { 2026, 3, 25, 8, 0 }, WB_DUE_TODAY },
    { "tonight", { 2026, 3, 25, 12, 0 }, { 2026, 3, 25, 23, 59 }, WB_DUE_TODAY },
    { "tomorrow", { 2026, 3, 25, 12, 0 }, { 2026, 3, 26, 0, 0 }, WB_DUE_THIS_WEEK },
    { "Sunday after the clock moved", { 2026, 3, 25, 12, 0 }, { 2026, 3, 29, 23, 59 },
      WB_DUE_THIS_WEEK },
    { "next Monday", { 2026, 3, 25, 12, 0 }, { 2026, 3, 30, 0, 0 }, WB_DUE_LATER },
    { "on Sunday, Monday is later", { 2026, 3, 29, 10, 0 }, { 2026, 3, 30, 9, 0 },
      WB_DUE_LATER },
    { "on the DST Sunday, before the switch is today", { 2026, 3, 29, 10, 0 },
      { 2026, 3, 29, 1, 30 }, WB_DUE_TODAY },
    { "on Monday, Sunday is this week", { 2026, 10, 19, 9, 0 }, { 2026, 10, 25, 23, 0 },
      WB_DUE_THIS_WEEK },
    { "autumn DST Sunday, before the switch", { 2026, 10, 25, 23, 30 },
      { 2026, 10, 25, 0, 30 }, WB_DUE_TODAY },
    { "autumn DST Saturday is overdue on Sunday", { 2026, 10, 25, 0, 30 },
      { 2026, 10, 24, 23, 59 }, WB_DUE_OVERDUE },
    { "ISO week across the new year", { 2026, 12, 31, 9, 0 }, { 2027, 1, 3, 18, 0 },
      WB_DUE_THIS_WEEK },
    { "Monday after the new year", { 2026, 12, 31, 9, 0 }, { 2027, 1, 4, 0, 0 },
      WB_DUE_LATER },
    { "last year", { 2027, 1, 1, 0, 0 }, { 2026, 12, 31, 23, 59 }, WB_DUE_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ClassifyCase *c = &cases[i];
      g_autoptr(GDateTime) now = local (c->now[0], c->now[1], c->now[2], c->now[3], c->now[4]);
      g_autoptr(GDateTime) due = local (c->due[0], c->due[1], c->due[2], c->due[3], c->due[4]);

      g_test_message ("%s", c->name);
      g_assert_cmpint (wb_due_classify (due, now, NULL), ==, c->expected);
      g_assert_cmpint (wb_due_classify (due, now, amsterdam ()), ==, c->expected);
    }
}

static void
test_classify_counts_days_in_local_time_not_utc (void)
{
  /* 23:30 UTC on Wednesday is already Thursday in Amsterdam. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 25, 11, 0, 0);
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 3, 25, 23, 30, 0);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_assert_cmpint (wb_due_classify (due, now, amsterdam ()), ==, WB_DUE_THIS_WEEK);
  g_assert_cmpint (wb_due_classify (due, now, utc), ==, WB_DUE_TODAY);
}

static void
test_snooze_hour_is_real_time (void)
{
  /* 01:30 CET plus one hour is 03:30 CEST on the spring DST night. */
  g_autoptr(GDateTime) now = local (2026, 3, 29, 1, 30);
  g_autoptr(GDateTime) later = wb_due_snooze_hour (now);
  g_autoptr(GDateTime) shown = g_date_time_to_timezone (later, amsterdam ());

  g_assert_cmpint (g_date_time_difference (later, now), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_minute (shown), ==, 30);
}

static void
test_snooze_tomorrow_is_nine_local (void)
{
  g_autoptr(GDateTime) sat_evening = local (2026, 3, 28, 22, 0);
  g_autoptr(GDateTime) dst_night = local (2026, 3, 29, 1, 30);
  g_autoptr(GDateTime) autumn_sat = local (2026, 10, 24, 20, 0);
  g_autoptr(GDateTime) autumn_night = local (2026, 10, 25, 2, 30);
  g_autoptr(GDateTime) after_midnight = g_date_time_new_utc (2026, 3, 28, 23, 30, 0);
  const struct
  {
    const char *name;
    GDateTime  *now;
    int         day[3];
    int         offset_hours;
  } cases[] = {
    { "Saturday evening: the spring DST Sunday", sat_evening, { 2026, 3, 29 }, 2 },
    { "on the DST night: Monday", dst_night, { 2026, 3, 30 }, 2 },
    { "Saturday evening: the autumn DST Sunday", autumn_sat, { 2026, 10, 25 }, 1 },
    { "in the repeated hour: Monday", autumn_night, { 2026, 10, 26 }, 1 },
    { "just after local midnight, still Saturday in UTC", after_midnight, { 2026, 3, 30 }, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) snoozed = wb_due_snooze_tomorrow (cases[i].now, NULL);
      g_autoptr(GDateTime) shown = g_date_time_to_timezone (snoozed, amsterdam ());

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (g_date_time_get_year (shown), ==, cases[i].day[0]);
      g_assert_cmpint (g_date_time_get_month (shown), ==, cases[i].day[1]);
      g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, cases[i].day[2]);
      g_assert_cmpint (g_date_time_get_hour (shown), ==, 9);
      g_assert_cmpint (g_date_time_get_minute (shown), ==, 0);
      g_assert_cmpint (g_date_time_get_utc_offset (shown), ==,
                       cases[i].offset_hours * G_TIME_SPAN_HOUR);
      g_assert_true (g_date_time_compare (snoozed, cases[i].now) > 0);
    }
}

static void
test_labels_and_nicks (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_DUE_CLASS);

  for (WbDueClass value = WB_DUE_OVERDUE; value <= WB_DUE_LATER; value++)
    {
      g_assert_nonnull (wb_due_class_to_label (value));
      g_assert_nonnull (g_enum_get_value (klass, value));
    }
  g_assert_cmpstr (g_enum_get_value (klass, WB_DUE_THIS_WEEK)->value_nick, ==, "this-week");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/due/time-zone-is-amsterdam", test_time_zone_is_amsterdam);
  g_test_add_func ("/core/due/classify-uses-local-calendar-days-and-iso-weeks",
                   test_classify_uses_local_calendar_days_and_iso_weeks);
  g_test_add_func ("/core/due/classify-counts-days-in-local-time-not-utc",
                   test_classify_counts_days_in_local_time_not_utc);
  g_test_add_func ("/core/due/snooze-hour-is-real-time", test_snooze_hour_is_real_time);
  g_test_add_func ("/core/due/snooze-tomorrow-is-nine-local", test_snooze_tomorrow_is_nine_local);
  g_test_add_func ("/core/due/labels-and-nicks", test_labels_and_nicks);

  return g_test_run ();
}
