/* test-retention.c: when a closed case is past its retention period, at month ends and across DST.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-consent.h"
#include "wb-due.h"
#include "wb-retention.h"

/* In 2026 summer time starts on Sunday 29 March (02:00 → 03:00) and ends
 * on Sunday 25 October. */

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new (wb_due_get_time_zone (), year, month, day, hour, minute, 0);
}

typedef struct
{
  const char *name;
  int         closed[5];
  guint       months;
  int         expires[5];      /* local Amsterdam wall clock */
} ExpiresCase;

static const ExpiresCase expires_cases[] = {
  { "plain",                 { 2024, 3, 10, 14, 0 },  24, { 2026, 3, 10, 14, 0 } },
  { "31-jan-plus-1",         { 2026, 1, 31, 10, 0 },  1,  { 2026, 2, 28, 10, 0 } },
  { "31-jan-plus-1-leap",    { 2024, 1, 31, 10, 0 },  1,  { 2024, 2, 29, 10, 0 } },
  { "29-feb-plus-12",        { 2024, 2, 29, 9, 30 },  12, { 2025, 2, 28, 9, 30 } },
  { "31-aug-plus-1",         { 2025, 8, 31, 23, 59 }, 1,  { 2025, 9, 30, 23, 59 } },
  { "31-dec-plus-2",         { 2025, 12, 31, 8, 0 },  2,  { 2026, 2, 28, 8, 0 } },
  /* Winter to summer time: the wall clock stays, not the UTC offset. */
  { "winter-to-summer",      { 2026, 1, 15, 12, 0 },  6,  { 2026, 7, 15, 12, 0 } },
  { "summer-to-winter",      { 2025, 7, 15, 0, 30 },  6,  { 2026, 1, 15, 0, 30 } },
  /* Closed at midnight on the last day of the year, kept 7 years. */
  { "seven-years",           { 2019, 12, 31, 0, 0 },  84, { 2026, 12, 31, 0, 0 } },
};

static void
test_expires (gconstpointer data)
{
  const ExpiresCase *c = data;
  g_autoptr(GDateTime) closed = local (c->closed[0], c->closed[1], c->closed[2], c->closed[3], c->closed[4]);
  g_autoptr(GDateTime) want = local (c->expires[0], c->expires[1], c->expires[2], c->expires[3], c->expires[4]);
  g_autoptr(GDateTime) got = wb_retention_expires (closed, c->months);
  g_autoptr(GDateTime) before = g_date_time_add (want, -1);
  g_autofree char *got_s = g_date_time_format_iso8601 (got);
  g_autofree char *want_s = g_date_time_format_iso8601 (want);

  g_assert_cmpstr (got_s, ==, want_s);
  g_assert_true (g_date_time_equal (got, want));
  /* Past exactly at the end of the period, not a microsecond before. */
  g_assert_true (wb_retention_is_past (WB_CASE_STATUS_CLOSED, closed, c->months, want));
  g_assert_false (wb_retention_is_past (WB_CASE_STATUS_CLOSED, closed, c->months, before));
}

/* The period ends at 02:30 on the night summer time starts, a time that
 * does not exist: it ends within the hour that was skipped, never before
 * the last wall-clock minute that did exist. */
static void
test_dst_gap (void)
{
  g_autoptr(GDateTime) closed = local (2026, 1, 29, 2, 30);
  g_autoptr(GDateTime) just_before = local (2026, 3, 29, 1, 59);
  g_autoptr(GDateTime) after = local (2026, 3, 29, 3, 31);
  g_autoptr(GDateTime) expires = wb_retention_expires (closed, 2);

  g_assert_cmpint (g_date_time_get_year (expires), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (expires), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (expires), ==, 29);
  g_assert_false (wb_retention_is_past (WB_CASE_STATUS_CLOSED, closed, 2, just_before));
  g_assert_true (wb_retention_is_past (WB_CASE_STATUS_CLOSED, closed, 2, after));
}

/* A time given in UTC is counted in Amsterdam months: 31 January 23:30
 * UTC is already 1 February in Amsterdam, so one month later is 1 March. */
static void
test_utc_input_counts_in_amsterdam (void)
{
  g_autoptr(GDateTime) closed = g_date_time_new_utc (2026, 1, 31, 23, 30, 0);
  g_autoptr(GDateTime) expires = wb_retention_expires (closed, 1);
  g_autoptr(GDateTime) want = local (2026, 3, 1, 0, 30);

  g_assert_true (g_date_time_equal (expires, want));
}

static void
test_open_cases_never (void)
{
  static const WbCaseStatus open[] = {
    WB_CASE_STATUS_NEW, WB_CASE_STATUS_IN_PROGRESS, WB_CASE_STATUS_REFERRED,
    WB_CASE_STATUS_AFTERCARE,
  };
  g_autoptr(GDateTime) closed = local (2010, 1, 1, 12, 0);
  g_autoptr(GDateTime) now = local (2026, 6, 1, 12, 0);

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    g_assert_false (wb_retention_is_past (open[i], closed, 1, now));
  g_assert_true (wb_retention_is_past (WB_CASE_STATUS_CLOSED, closed, 1, now));
  /* A closed case without a known closing moment is kept. */
  g_assert_false (wb_retention_is_past (WB_CASE_STATUS_CLOSED, NULL, 1, now));
}

/* Three years after closing with the default of 24 months: past; a case
 * closed a year ago with the same period: not yet. */
static void
test_typical (void)
{
  g_autoptr(GDateTime) now = local (2026, 11, 27, 16, 0);
  g_autoptr(GDateTime) three_years = g_date_time_add_years (now, -3);
  g_autoptr(GDateTime) one_year = g_date_time_add_years (now, -1);

  g_assert_true (wb_retention_is_past (WB_CASE_STATUS_CLOSED, three_years,
                                       WB_RETENTION_DEFAULT_MONTHS, now));
  g_assert_false (wb_retention_is_past (WB_CASE_STATUS_CLOSED, one_year,
                                        WB_RETENTION_DEFAULT_MONTHS, now));
}

static void
test_months_for (void)
{
  g_assert_cmpuint (wb_retention_months_for (12, 24), ==, 12);
  g_assert_cmpuint (wb_retention_months_for (0, 60), ==, 60);
  g_assert_cmpuint (wb_retention_months_for (0, 0), ==, WB_RETENTION_DEFAULT_MONTHS);
  g_assert_cmpuint (wb_retention_months_for (999, 24), ==, WB_CONSENT_MAX_RETENTION_MONTHS);
  g_assert_cmpuint (wb_retention_months_for (0, 999), ==, WB_CONSENT_MAX_RETENTION_MONTHS);
}

/* Drafts: stale when last written more than 30 calendar days ago. */
typedef struct
{
  const char *name;
  int         updated[5];      /* local Amsterdam wall clock */
  int         now[5];
  gboolean    stale;
} DraftCase;

static const DraftCase draft_cases[] = {
  { "same-day",              { 2026, 11, 27, 9, 0 },  { 2026, 11, 27, 16, 0 }, FALSE },
  { "two-days",              { 2026, 11, 25, 9, 0 },  { 2026, 11, 27, 16, 0 }, FALSE },
  { "exactly-30-days",       { 2026, 10, 28, 16, 0 }, { 2026, 11, 27, 16, 0 }, FALSE },
  { "30-days-and-a-minute",  { 2026, 10, 28, 16, 0 }, { 2026, 11, 27, 16, 1 }, TRUE },
  { "31-days",               { 2026, 10, 27, 16, 0 }, { 2026, 11, 27, 16, 0 }, TRUE },
  { "a-year",                { 2025, 11, 27, 16, 0 }, { 2026, 11, 27, 16, 0 }, TRUE },
  /* Across the end of summer time (25 October): 30 days of wall clock,
   * not 30 × 24 hours (that would be an hour earlier). */
  { "across-dst-not-yet",    { 2026, 10, 10, 12, 0 }, { 2026, 11, 9, 11, 30 }, FALSE },
  { "across-dst-past",       { 2026, 10, 10, 12, 0 }, { 2026, 11, 9, 12, 1 },  TRUE },
  /* Written "in the future" (a clock set wrong): not stale. */
  { "future",                { 2026, 12, 27, 9, 0 },  { 2026, 11, 27, 16, 0 }, FALSE },
};

static void
test_draft_stale (gconstpointer data)
{
  const DraftCase *c = data;
  g_autoptr(GDateTime) updated = local (c->updated[0], c->updated[1], c->updated[2], c->updated[3], c->updated[4]);
  g_autoptr(GDateTime) now = local (c->now[0], c->now[1], c->now[2], c->now[3], c->now[4]);

  g_assert_cmpint (wb_retention_draft_is_stale (updated, now), ==, c->stale);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expires_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/retention/expires/%s", expires_cases[i].name);

      g_test_add_data_func (path, &expires_cases[i], test_expires);
    }
  for (guint i = 0; i < G_N_ELEMENTS (draft_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/retention/draft-stale/%s", draft_cases[i].name);

      g_test_add_data_func (path, &draft_cases[i], test_draft_stale);
    }
  g_test_add_func ("/core/retention/dst-gap", test_dst_gap);
  g_test_add_func ("/core/retention/utc-input-counts-in-amsterdam", test_utc_input_counts_in_amsterdam);
  g_test_add_func ("/core/retention/open-cases-never", test_open_cases_never);
  g_test_add_func ("/core/retention/typical", test_typical);
  g_test_add_func ("/core/retention/months-for", test_months_for);

  return g_test_run ();
}
