/* test-demo.c: the demo case generator: deterministic, valid, unique references.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-demo.h"
#include "wb-test-util.h"

static const char * const accounts[] = {
  "0123456789abcdef0123456789abcdef",
  "fedcba9876543210fedcba9876543210",
  "00112233445566778899aabbccddeeff",
  NULL,
};

static GDateTime *
fixed_now (void)
{
  return g_date_time_new (wb_due_get_time_zone (), 2026, 6, 15, 12, 0, 0);
}

static void
append_time (GString   *s,
             GDateTime *dt)
{
  g_string_append_printf (s, "|%" G_GINT64_FORMAT, dt ? g_date_time_to_unix (dt) : 0);
}

/* Everything but the random record ids. */
static char *
fingerprint (WbDemoCase *dc)
{
  GString *s = g_string_new (wb_case_get_reference (dc->case_));

  g_string_append_printf (s, "|%d|%d|%d|%s", wb_case_get_status (dc->case_),
                          wb_case_get_urgency (dc->case_), wb_case_get_association (dc->case_),
                          wb_case_get_assignee (dc->case_));
  append_time (s, wb_case_get_created (dc->case_));
  append_time (s, wb_case_get_updated (dc->case_));
  for (guint i = 0; i < dc->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (dc->people, i);

      g_string_append_printf (s, "|%s|%d|%d|%s|%s|%s|%s", wb_person_get_name (p),
                              wb_person_get_relation (p), wb_person_get_role (p),
                              wb_person_get_municipality (p), wb_person_get_phone (p),
                              wb_person_get_email (p), wb_person_get_party (p));
    }
  g_string_append_printf (s, "|%u|%u|%s", wb_incident_get_types (dc->incident),
                          wb_incident_get_channels (dc->incident),
                          wb_incident_get_description (dc->incident));
  append_time (s, wb_incident_get_start (dc->incident));
  g_string_append_printf (s, "|%u|%d|%u", wb_needs_get_needs (dc->needs),
                          wb_consent_get_share (dc->consent),
                          wb_consent_get_retention_months (dc->consent));
  for (guint i = 0; i < dc->timeline->len; i++)
    {
      WbTimelineEntry *e = g_ptr_array_index (dc->timeline, i);

      g_string_append_printf (s, "|%d|%s|%s", wb_timeline_entry_get_kind (e),
                              wb_timeline_entry_get_author (e), wb_timeline_entry_get_text (e));
      append_time (s, wb_timeline_entry_get_time (e));
    }
  for (guint i = 0; i < dc->follow_ups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (dc->follow_ups, i);

      g_string_append_printf (s, "|%d|%d", wb_follow_up_get_kind (f), wb_follow_up_get_state (f));
      append_time (s, wb_follow_up_get_due (f));
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
fingerprints (guint32 seed,
              guint   n)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(WbDemo) demo = wb_demo_new (seed, n, now, accounts, NULL);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);
  WbDemoCase *dc;

  while ((dc = wb_demo_next (demo, NULL)) != NULL)
    {
      g_ptr_array_add (all, fingerprint (dc));
      wb_demo_case_free (dc);
    }
  return all;
}

static void
test_same_seed_gives_same_cases (void)
{
  g_autoptr(GPtrArray) a = fingerprints (42, 300);
  g_autoptr(GPtrArray) b = fingerprints (42, 300);
  g_autoptr(GPtrArray) c = fingerprints (43, 300);
  guint n_different = 0;

  g_assert_cmpuint (a->len, ==, 300);
  g_assert_cmpuint (b->len, ==, 300);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
      n_different += g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (c, i)) != 0;
    }
  g_assert_cmpuint (n_different, >, 290);
}

static void
assert_no_issues (gboolean   ok,
                  GPtrArray *issues)
{
  if (issues->len > 0)
    g_error ("unexpected issue on %s: %s",
             ((WbValidationIssue *) g_ptr_array_index (issues, 0))->field,
             ((WbValidationIssue *) g_ptr_array_index (issues, 0))->message);
  g_assert_true (ok);
}

typedef struct
{
  guint n_open_overdue;
  guint n_open_upcoming;
  guint n_relatives;
  guint statuses[5];
  guint urgencies[3];
  guint associations[4];
} Tally;

static void
check_case (WbDemoCase *dc,
            GDateTime  *now,
            Tally      *tally)
{
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  const char *case_id = wb_case_get_id (dc->case_);
  GDateTime *created = wb_case_get_created (dc->case_);
  const char *assignee = wb_case_get_assignee (dc->case_);
  WbPerson *reporter;

  assert_no_issues (wb_case_validate (dc->case_, issues), issues);
  assert_no_issues (wb_incident_validate (dc->incident, issues), issues);
  assert_no_issues (wb_needs_validate (dc->needs, issues), issues);
  assert_no_issues (wb_consent_validate (dc->consent, issues), issues);
  g_assert_true (wb_demo_case_check (dc, NULL));

  g_assert_cmpint (g_date_time_compare (created, now), <, 0);
  g_assert_cmpint (g_date_time_compare (wb_case_get_updated (dc->case_), now), <=, 0);
  g_assert_true (assignee == NULL || g_strv_contains (accounts, assignee));
  tally->statuses[wb_case_get_status (dc->case_)]++;
  tally->urgencies[wb_case_get_urgency (dc->case_)]++;
  tally->associations[wb_case_get_association (dc->case_)]++;

  g_assert_cmpuint (dc->people->len, >=, 1);
  g_assert_cmpuint (dc->people->len, <=, 2);
  tally->n_relatives += dc->people->len - 1;
  reporter = g_ptr_array_index (dc->people, 0);
  g_assert_cmpint (wb_person_get_relation (reporter), ==, WB_PERSON_RELATION_REPORTER);
  g_assert_true (wb_area_get_kind (wb_regions_lookup (wb_person_get_municipality (reporter))) ==
                 WB_AREA_KIND_MUNICIPALITY);
  for (guint i = 0; i < dc->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (dc->people, i);

      assert_no_issues (wb_person_validate (p, issues), issues);
      g_assert_cmpstr (wb_person_get_case_id (p), ==, case_id);
      g_assert_nonnull (wb_person_get_name (p));
      g_assert_cmpuint (strlen (wb_person_get_name (p)), >, 3);
      g_assert_true (g_ascii_isupper (wb_person_get_name (p)[0]));
    }

  g_assert_cmpstr (wb_incident_get_case_id (dc->incident), ==, case_id);
  g_assert_cmpstr (wb_needs_get_case_id (dc->needs), ==, case_id);
  g_assert_cmpstr (wb_consent_get_case_id (dc->consent), ==, case_id);

  g_assert_cmpuint (dc->timeline->len, >=, 1);
  g_assert_cmpuint (dc->timeline->len, <=, 4);
  for (guint i = 0; i < dc->timeline->len; i++)
    {
      WbTimelineEntry *e = g_ptr_array_index (dc->timeline, i);

      assert_no_issues (wb_timeline_entry_validate (e, issues), issues);
      g_assert_cmpstr (wb_timeline_entry_get_case_id (e), ==, case_id);
      g_assert_true (g_strv_contains (accounts, wb_timeline_entry_get_author (e)));
      g_assert_cmpint (g_date_time_compare (wb_timeline_entry_get_time (e), created), >=, 0);
      g_assert_cmpint (g_date_time_compare (wb_timeline_entry_get_time (e), now), <=, 0);
    }

  g_assert_cmpuint (dc->follow_ups->len, <=, 4);
  for (guint i = 0; i < dc->follow_ups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (dc->follow_ups, i);
      gboolean open = wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_OPEN;

      assert_no_issues (wb_follow_up_validate (f, issues), issues);
      g_assert_cmpstr (wb_follow_up_get_case_id (f), ==, case_id);
      g_assert_cmpstr (wb_follow_up_get_assignee (f), ==, assignee);
      if (open && g_date_time_compare (wb_follow_up_get_due (f), now) < 0)
        tally->n_open_overdue++;
      else if (open)
        tally->n_open_upcoming++;
      if (wb_case_get_status (dc->case_) == WB_CASE_STATUS_CLOSED)
        g_assert_false (open);
    }
}

static void
test_every_object_validates (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(WbDemo) demo = wb_demo_new (7, 2000, now, accounts, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) previous = NULL;
  Tally tally = { 0 };
  WbDemoCase *dc;
  guint n = 0;

  while ((dc = wb_demo_next (demo, NULL)) != NULL)
    {
      const char *reference = wb_case_get_reference (dc->case_);
      guint year, sequence;

      check_case (dc, now, &tally);
      g_assert_true (wb_case_reference_parse (reference, &year, &sequence));
      g_assert_cmpint (year, ==, g_date_time_get_year (wb_case_get_created (dc->case_)));
      g_assert_true (g_hash_table_add (seen, g_strdup (reference)));
      /* Oldest first, numbered in order within the year. */
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, wb_case_get_created (dc->case_)), <, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (wb_case_get_created (dc->case_));
      n++;
      wb_demo_case_free (dc);
    }

  g_assert_cmpuint (n, ==, 2000);
  g_assert_cmpuint (wb_demo_get_n_made (demo), ==, 2000);
  /* Two years back from mid-2026: 2024, 2025 and 2026 all have cases,
   * each year's numbers run from 0001 without gaps. */
  for (guint y = 2024; y <= 2026; y++)
    {
      g_autofree char *first = wb_case_reference_new (y, 1);
      g_assert_true (g_hash_table_contains (seen, first));
    }
  g_assert_true (g_hash_table_contains (seen, "OT-2025-0001"));
  g_assert_cmpuint (tally.n_open_overdue, >, 0);
  g_assert_cmpuint (tally.n_open_upcoming, >, 0);
  g_assert_cmpuint (tally.n_relatives, >, 0);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (tally.statuses[i], >, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (tally.urgencies[i], >, 0);
  g_assert_cmpuint (tally.associations[WB_ASSOCIATION_NONE], ==, 0);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (tally.associations[i], >, 0);
}

static void
test_without_accounts_cases_are_unassigned (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(WbDemo) demo = wb_demo_new (3, 50, now, NULL, NULL);
  WbDemoCase *dc;

  while ((dc = wb_demo_next (demo, NULL)) != NULL)
    {
      g_assert_null (wb_case_get_assignee (dc->case_));
      g_assert_true (wb_demo_case_check (dc, NULL));
      wb_demo_case_free (dc);
    }
}

static void
test_many_cases_spread_over_more_years (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(WbDemo) demo = wb_demo_new (11, 25000, now, accounts, NULL);
  g_autoptr(GHashTable) per_year = g_hash_table_new (NULL, NULL);
  guint last_year = 0, last_sequence = 0, oldest = G_MAXUINT;
  g_autoptr(GError) error = NULL;
  WbDemoCase *dc;

  while ((dc = wb_demo_next (demo, &error)) != NULL)
    {
      guint year, sequence;

      g_assert_true (wb_case_reference_parse (wb_case_get_reference (dc->case_), &year, &sequence));
      /* Sequential: the next number of the same year, or 1 in a new year. */
      if (year == last_year)
        g_assert_cmpuint (sequence, ==, last_sequence + 1);
      else
        g_assert_cmpuint (sequence, ==, 1);
      last_year = year;
      last_sequence = sequence;
      oldest = MIN (oldest, year);
      wb_demo_case_free (dc);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (wb_demo_get_n_made (demo), ==, 25000);
  /* 25,000 cases need three years of references at most 9000 a year. */
  g_assert_cmpuint (oldest, ==, 2023);
}

static void
test_continues_after_existing_references (void)
{
  static const char * const existing[] = {
    "OT-2026-0041", "OT-2026-0007", "OT-2025-0012", "not a reference", NULL,
  };
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(WbDemo) demo = wb_demo_new (5, 1000, now, accounts, existing);
  guint first_2025 = 0, first_2026 = 0;
  WbDemoCase *dc;

  while ((dc = wb_demo_next (demo, NULL)) != NULL)
    {
      guint year, sequence;

      g_assert_true (wb_case_reference_parse (wb_case_get_reference (dc->case_), &year, &sequence));
      if (year == 2025 && first_2025 == 0)
        first_2025 = sequence;
      if (year == 2026 && first_2026 == 0)
        first_2026 = sequence;
      wb_demo_case_free (dc);
    }
  g_assert_cmpuint (first_2025, ==, 13);
  g_assert_cmpuint (first_2026, ==, 42);
}

static void
test_full_year_is_an_error (void)
{
  static const char * const existing[] = { "OT-2024-9999", NULL };
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(WbDemo) demo = wb_demo_new (5, 10, now, accounts, existing);
  g_autoptr(GError) error = NULL;
  WbDemoCase *dc;

  /* The first case falls in mid-2024, whose numbers are all taken. */
  dc = wb_demo_next (demo, &error);
  g_assert_null (dc);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID);
  g_assert_cmpuint (wb_demo_get_n_made (demo), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/same-seed-gives-same-cases", test_same_seed_gives_same_cases);
  g_test_add_func ("/core/demo/every-object-validates", test_every_object_validates);
  g_test_add_func ("/core/demo/without-accounts-cases-are-unassigned",
                   test_without_accounts_cases_are_unassigned);
  g_test_add_func ("/core/demo/many-cases-spread-over-more-years",
                   test_many_cases_spread_over_more_years);
  g_test_add_func ("/core/demo/continues-after-existing-references",
                   test_continues_after_existing_references);
  g_test_add_func ("/core/demo/full-year-is-an-error", test_full_year_is_an_error);

  return g_test_run ();
}
