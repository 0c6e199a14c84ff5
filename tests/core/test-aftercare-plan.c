/* test-aftercare-plan.c: plan templates and their due moments across DST.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new (wb_due_get_time_zone (), year, month, day, hour, minute, 0);
}

/* Asserts that @due is @year-@month-@day @hour:@minute on the Amsterdam
 * wall clock with the given UTC offset. */
static void
assert_local (GDateTime *due,
              int        year,
              int        month,
              int        day,
              int        hour,
              int        minute,
              int        offset_hours)
{
  g_autoptr(GDateTime) shown = g_date_time_to_timezone (due, wb_due_get_time_zone ());

  g_assert_cmpint (g_date_time_get_year (shown), ==, year);
  g_assert_cmpint (g_date_time_get_month (shown), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, day);
  g_assert_cmpint (g_date_time_get_hour (shown), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (shown), ==, minute);
  g_assert_cmpint (g_date_time_get_utc_offset (shown), ==, offset_hours * G_TIME_SPAN_HOUR);
}

static void
test_plans_are_listed_with_names (void)
{
  g_autoptr(GPtrArray) plans = wb_aftercare_plan_list ();
  const WbAftercarePlan *standard = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_STANDARD);
  const WbAftercarePlan *short_plan = wb_aftercare_plan_lookup ("short");
  g_autofree char *summary = wb_aftercare_plan_get_summary (standard);
  g_autofree char *short_summary = wb_aftercare_plan_get_summary (short_plan);

  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_true (g_ptr_array_index (plans, 0) == standard);
  g_assert_cmpstr (wb_aftercare_plan_get_id (short_plan), ==, "short");
  g_assert_cmpstr (wb_aftercare_plan_get_name (standard), ==, "Standard aftercare");
  g_assert_cmpstr (wb_aftercare_plan_get_name (short_plan), ==, "Short aftercare");
  g_assert_cmpstr (summary, ==, "1 week, 4 weeks, 3 months, 6 months");
  g_assert_cmpstr (short_summary, ==, "1 week, 1 month, 3 months");
  g_assert_null (wb_aftercare_plan_lookup ("none"));
  g_assert_null (wb_aftercare_plan_lookup (NULL));
}

static void
test_standard_plan_keeps_wall_time_across_spring_dst (void)
{
  /* Monday 23 March 2026 10:00 CET; summer time starts on the 29th. */
  g_autoptr(GDateTime) start = local (2026, 3, 23, 10, 0);
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_STANDARD);
  g_autofree char *case_id = wb_record_id_new ();
  g_autoptr(GPtrArray) follow_ups = wb_aftercare_plan_apply (plan, case_id, start, NULL);
  const WbFollowUpKind kinds[] = {
    WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT,
    WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT, WB_FOLLOW_UP_KIND_EVALUATION,
  };

  g_assert_cmpuint (follow_ups->len, ==, 4);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 0)), 2026, 3, 30, 10, 0, 2);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 1)), 2026, 4, 20, 10, 0, 2);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 2)), 2026, 6, 23, 10, 0, 2);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 3)), 2026, 9, 23, 10, 0, 2);

  /* Six days and 23 hours of real time: one hour was skipped. */
  g_assert_cmpint (g_date_time_difference (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 0)),
                                           start),
                   ==, 7 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);

  for (guint i = 0; i < follow_ups->len; i++)
    {
      WbFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (wb_follow_up_get_case_id (follow_up), ==, case_id);
      g_assert_cmpint (wb_follow_up_get_kind (follow_up), ==, kinds[i]);
      g_assert_cmpint (wb_follow_up_get_state (follow_up), ==, WB_FOLLOW_UP_STATE_OPEN);
      g_assert_true (wb_follow_up_check (follow_up, &error));
      g_assert_no_error (error);
    }
}

static void
test_short_plan_keeps_wall_time_across_autumn_dst (void)
{
  /* Monday 19 October 2026 10:00 CEST; winter time starts on the 25th. */
  g_autoptr(GDateTime) start = local (2026, 10, 19, 10, 0);
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (WB_AFTERCARE_PLAN_SHORT);
  g_autofree char *case_id = wb_record_id_new ();
  g_autoptr(GPtrArray) follow_ups = wb_aftercare_plan_apply (plan, case_id, start, NULL);

  g_assert_cmpuint (follow_ups->len, ==, 3);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 0)), 2026, 10, 26, 10, 0, 1);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 1)), 2026, 11, 19, 10, 0, 1);
  assert_local (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 2)), 2027, 1, 19, 10, 0, 1);
  g_assert_cmpint (wb_follow_up_get_kind (g_ptr_array_index (follow_ups, 2)), ==,
                   WB_FOLLOW_UP_KIND_EVALUATION);
  g_assert_cmpint (g_date_time_difference (wb_follow_up_get_due (g_ptr_array_index (follow_ups, 0)),
                                           start),
                   ==, 7 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
}

static void
test_start_in_utc_counts_on_amsterdam_clock (void)
{
  /* 23:30 UTC on 31 January is 00:30 on 1 February in Amsterdam. */
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 31, 23, 30, 0);
  WbAftercareStep step = { 1, WB_AFTERCARE_UNIT_MONTHS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT };
  g_autoptr(GDateTime) due = wb_aftercare_step_get_due (&step, start, NULL);

  assert_local (due, 2026, 3, 1, 0, 30, 1);
}

static void
test_month_end_is_clamped (void)
{
  g_autoptr(GDateTime) start = local (2026, 1, 31, 14, 0);
  WbAftercareStep month = { 1, WB_AFTERCARE_UNIT_MONTHS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT };
  WbAftercareStep days = { 10, WB_AFTERCARE_UNIT_DAYS, WB_FOLLOW_UP_KIND_OTHER };
  g_autoptr(GDateTime) due = wb_aftercare_step_get_due (&month, start, NULL);
  g_autoptr(GDateTime) in_days = wb_aftercare_step_get_due (&days, start, NULL);
  g_autofree char *described = wb_aftercare_step_describe (&days);

  assert_local (due, 2026, 2, 28, 14, 0, 1);
  assert_local (in_days, 2026, 2, 10, 14, 0, 1);
  g_assert_cmpstr (described, ==, "10 days");
}

static void
test_missing_wall_time_moves_forward (void)
{
  /* 02:30 does not exist on 29 March 2026; the step lands at 03:00 that day. */
  g_autoptr(GDateTime) start = local (2026, 3, 22, 2, 30);
  WbAftercareStep week = { 1, WB_AFTERCARE_UNIT_WEEKS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT };
  g_autoptr(GDateTime) due = wb_aftercare_step_get_due (&week, start, NULL);

  assert_local (due, 2026, 3, 29, 3, 0, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/aftercare-plan/plans-are-listed-with-names",
                   test_plans_are_listed_with_names);
  g_test_add_func ("/core/aftercare-plan/standard-plan-keeps-wall-time-across-spring-dst",
                   test_standard_plan_keeps_wall_time_across_spring_dst);
  g_test_add_func ("/core/aftercare-plan/short-plan-keeps-wall-time-across-autumn-dst",
                   test_short_plan_keeps_wall_time_across_autumn_dst);
  g_test_add_func ("/core/aftercare-plan/start-in-utc-counts-on-amsterdam-clock",
                   test_start_in_utc_counts_on_amsterdam_clock);
  g_test_add_func ("/core/aftercare-plan/month-end-is-clamped", test_month_end_is_clamped);
  g_test_add_func ("/core/aftercare-plan/missing-wall-time-moves-forward",
                   test_missing_wall_time_moves_forward);

  return g_test_run ();
}
