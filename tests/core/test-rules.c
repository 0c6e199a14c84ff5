/* test-rules.c: the validation rules of each entity, each passing and failing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "wb-test-util.h"

typedef gboolean (*ValidateFunc) (gpointer self, GPtrArray *issues);

/* Asserts that @self validates, or that it fails with an issue on @field. */
static void
assert_field (gpointer     self,
              ValidateFunc validate,
              const char  *field)
{
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  gboolean ok = validate (self, issues);

  if (field == NULL)
    {
      for (guint i = 0; i < issues->len; i++)
        {
          WbValidationIssue *issue = g_ptr_array_index (issues, i);
          g_printerr ("unexpected issue: %s: %s\n", issue->field, issue->message);
        }
      g_assert_true (ok);
      g_assert_cmpuint (issues->len, ==, 0);
      /* Without an issue list the answer is the same. */
      g_assert_true (validate (self, NULL));
    }
  else
    {
      g_assert_false (ok);
      if (!wb_test_has_issue (issues, field))
        g_error ("no issue on “%s”", field);
      g_assert_false (validate (self, NULL));
    }
}

#define VALID(self, type) assert_field (self, (ValidateFunc) wb_##type##_validate, NULL)
#define FAILS(self, type, field) assert_field (self, (ValidateFunc) wb_##type##_validate, field)

static char *
repeat (const char *unit,
        guint       n)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (str, unit);

  return g_string_free (str, FALSE);
}

static void
test_fixtures_are_valid (void)
{
  g_autoptr(WbCase) a_case = wb_test_valid_case ();
  g_autoptr(WbPerson) person = wb_test_valid_person ();
  g_autoptr(WbIncident) incident = wb_test_valid_incident ();
  g_autoptr(WbNeeds) needs = wb_test_valid_needs ();
  g_autoptr(WbConsent) consent = wb_test_valid_consent ();
  g_autoptr(WbTimelineEntry) entry = wb_test_valid_timeline_entry ();
  g_autoptr(WbPartner) partner = wb_test_valid_partner ();
  g_autoptr(WbFollowUp) follow_up = wb_test_valid_follow_up ();
  g_autoptr(WbAccount) account = wb_test_valid_account ();

  VALID (a_case, case);
  VALID (person, person);
  VALID (incident, incident);
  VALID (needs, needs);
  VALID (consent, consent);
  VALID (entry, timeline_entry);
  VALID (partner, partner);
  VALID (follow_up, follow_up);
  VALID (account, account);
}

static void
test_check_gives_invalid_error_with_all_messages (void)
{
  g_autoptr(WbPerson) person = wb_test_valid_person ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_person_check (person, &error));
  g_assert_no_error (error);

  wb_person_set_name (person, "");
  wb_person_set_email (person, "geen-adres");
  g_assert_false (wb_person_check (person, &error));
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Enter a name."));
  g_assert_nonnull (strstr (error->message, "e-mail"));
}

/* Case */

static void
test_case_reference_format_is_validated (void)
{
  const char *bad[] = {
    "OT-26-0042", "OT-2026-42", "ot-2026-0042", "OT-2026-0000", "OT-1999-0001",
    "OT-2026-00421", " OT-2026-0042", "OT-2026-0042 ", "OT/2026/0042", "OT-2026-004a",
  };
  g_autoptr(WbCase) self = wb_test_valid_case ();

  wb_case_set_reference (self, NULL);
  FAILS (self, case, "reference");
  wb_case_set_reference (self, "  ");
  FAILS (self, case, "reference");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      wb_case_set_reference (self, bad[i]);
      FAILS (self, case, "reference");
    }

  wb_case_set_reference (self, "OT-2027-9999");
  VALID (self, case);
}

static void
test_case_association_must_be_chosen (void)
{
  g_autoptr(WbCase) self = wb_test_valid_case ();

  wb_case_set_association (self, WB_ASSOCIATION_NONE);
  FAILS (self, case, "association");
  wb_case_set_association (self, WB_ASSOCIATION_NGB);
  VALID (self, case);
}

static void
test_case_assignee_must_be_a_record_id (void)
{
  g_autoptr(WbCase) self = wb_test_valid_case ();

  wb_case_set_assignee (self, "Test Bakker-2");
  FAILS (self, case, "assignee");
  wb_case_set_assignee (self, NULL);
  VALID (self, case);
}

static void
test_case_times_are_in_order (void)
{
  g_autoptr(WbCase) self = wb_test_valid_case ();
  g_autoptr(GDateTime) before = wb_test_date (2026, 1, 1);
  g_autoptr(GDateTime) created = wb_test_date (2026, 3, 2);

  wb_case_set_updated (self, before);
  FAILS (self, case, "updated");
  wb_case_set_updated (self, created);
  VALID (self, case);

  wb_case_set_retain_until (self, before);
  FAILS (self, case, "retain-until");

  wb_case_set_retain_until (self, NULL);
  wb_case_set_created (self, NULL);
  FAILS (self, case, "created");
}

/* Person */

static void
test_person_name_is_required_and_limited (void)
{
  g_autoptr(WbPerson) self = wb_test_valid_person ();
  g_autofree char *longest = repeat ("é", WB_NAME_MAX_CHARS);
  g_autofree char *too_long = repeat ("é", WB_NAME_MAX_CHARS + 1);

  wb_person_set_name (self, NULL);
  FAILS (self, person, "name");
  wb_person_set_name (self, "");
  FAILS (self, person, "name");
  wb_person_set_name (self, " \t ");
  FAILS (self, person, "name");

  /* The limit counts characters: 200 two-byte characters are fine. */
  wb_person_set_name (self, longest);
  VALID (self, person);
  wb_person_set_name (self, too_long);
  FAILS (self, person, "name");
}

static void
test_person_name_must_be_clean_text (void)
{
  g_autoptr(WbPerson) self = wb_test_valid_person ();

  wb_person_set_name (self, "Test\nde Vries");
  FAILS (self, person, "name");
  wb_person_set_name (self, "Test\x1b[2Jde Vries");
  FAILS (self, person, "name");
  wb_person_set_name (self, "Test \xc3\x28 de Vries");
  FAILS (self, person, "name");
  wb_person_set_name (self, "Zoë O’Neill-Çelik");
  VALID (self, person);
}

static void
test_person_municipality_code_is_validated (void)
{
  g_autoptr(WbPerson) self = wb_test_valid_person ();

  wb_person_set_municipality (self, "Amsterdam");
  FAILS (self, person, "municipality");
  wb_person_set_municipality (self, "GM363");
  FAILS (self, person, "municipality");
  wb_person_set_municipality (self, "GM0014");
  VALID (self, person);
  wb_person_set_municipality (self, NULL);
  VALID (self, person);
}

static void
test_person_phone_and_email_are_validated (void)
{
  g_autoptr(WbPerson) self = wb_test_valid_person ();

  wb_person_set_phone (self, "12345");
  FAILS (self, person, "phone");
  wb_person_set_phone (self, "+31 6 1234 5678");
  VALID (self, person);

  wb_person_set_email (self, "anna@");
  FAILS (self, person, "email");
  wb_person_set_email (self, NULL);
  VALID (self, person);
}

static void
test_person_party_and_callback_times_are_limited (void)
{
  g_autoptr(WbPerson) self = wb_test_valid_person ();
  g_autofree char *too_long = repeat ("x", WB_SHORT_TEXT_MAX_CHARS + 1);

  wb_person_set_party (self, too_long);
  FAILS (self, person, "party");
  wb_person_set_party (self, NULL);
  wb_person_set_callback_times (self, too_long);
  FAILS (self, person, "callback-times");
}

static void
test_person_reporter_needs_a_way_to_call_back (void)
{
  g_autoptr(WbPerson) self = wb_test_valid_person ();

  wb_person_set_callback_channel (self, WB_CALLBACK_CHANNEL_PHONE);
  wb_person_set_phone (self, NULL);
  FAILS (self, person, "phone");

  wb_person_set_callback_channel (self, WB_CALLBACK_CHANNEL_EMAIL);
  VALID (self, person);
  wb_person_set_email (self, NULL);
  FAILS (self, person, "email");

  /* A partner or family member need not be reachable directly. */
  wb_person_set_relation (self, WB_PERSON_RELATION_PARTNER);
  VALID (self, person);
}

/* Incident */

static void
test_incident_needs_a_kind (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();

  wb_incident_set_types (self, 0);
  FAILS (self, incident, "types");
  wb_incident_set_types (self, WB_INCIDENT_TYPE_OTHER);
  VALID (self, incident);
}

static void
test_incident_end_is_not_before_start (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();
  g_autoptr(GDateTime) early = wb_test_date (2026, 1, 31);
  g_autoptr(GDateTime) start = wb_test_date (2026, 2, 1);

  wb_incident_set_end (self, early);
  FAILS (self, incident, "end");
  wb_incident_set_end (self, start);
  VALID (self, incident);
  wb_incident_set_end (self, NULL);
  VALID (self, incident);

  wb_incident_set_start (self, NULL);
  FAILS (self, incident, "start");
}

/* A date or a period: each row is start and end (day-month-year, NULL
 * for none) against today, and the fields that must have an issue. */
static void
test_incident_period_dates (void)
{
  const struct
  {
    const char *start;
    const char *end;
    const char *issues;  /* space-separated fields, "" for none */
  } rows[] = {
    { "01-11-2026", NULL, "" },
    { "27-11-2026", NULL, "" },                       /* today */
    { "28-11-2026", NULL, "start" },                  /* tomorrow */
    { "27-11-2027", NULL, "start" },                  /* the same day next year */
    { "01-01-2999", NULL, "start" },
    { "01-11-2026", "01-11-2026", "" },               /* a period of one day */
    { "01-11-2026", "27-11-2026", "" },               /* until today */
    { "01-11-2026", "28-11-2026", "end" },            /* ends tomorrow */
    { "01-11-2026", "31-10-2026", "end" },            /* ends before it starts */
    { "01-11-2026", "01-01-2027", "end" },
    { "28-11-2026", "29-11-2026", "start end" },
    { "28-11-2026", "01-11-2026", "start end" },      /* future, and backwards */
    { NULL, "01-11-2026", "start" },                  /* an end without a start */
    { NULL, NULL, "start" },
  };
  g_autoptr(GDateTime) now = g_date_time_new (wb_due_get_time_zone (), 2026, 11, 27, 23, 59, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(WbIncident) self = wb_test_valid_incident ();
      g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
      g_auto(GStrv) expected = g_strsplit (rows[i].issues, " ", -1);
      const char *dates[] = { rows[i].start, rows[i].end };
      const char *fields[] = { "start", "end" };

      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(GDateTime) date = NULL;
          int d, m, y;

          if (dates[j] != NULL)
            {
              g_assert_cmpint (sscanf (dates[j], "%d-%d-%d", &d, &m, &y), ==, 3);
              date = g_date_time_new (wb_due_get_time_zone (), y, m, d, 12, 0, 0);
            }
          if (j == 0)
            wb_incident_set_start (self, date);
          else
            wb_incident_set_end (self, date);
        }
      wb_incident_validate (self, issues);
      wb_incident_validate_dates (self, now, issues);
      for (guint j = 0; j < 2; j++)
        {
          gboolean want = g_strv_contains ((const char * const *) expected, fields[j]);

          if (want != wb_test_has_issue (issues, fields[j]))
            g_error ("row %u (%s to %s): %s should %shave an issue", i,
                     rows[i].start ? rows[i].start : "none", rows[i].end ? rows[i].end : "none",
                     fields[j], want ? "" : "not ");
        }
    }
}

static void
test_incident_description_is_required_and_limited (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();
  g_autofree char *longest = repeat ("ë", WB_TEXT_MAX_CHARS);
  g_autofree char *too_long = repeat ("ë", WB_TEXT_MAX_CHARS + 1);
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();

  wb_incident_set_description (self, "");
  FAILS (self, incident, "description");

  wb_incident_set_description (self, longest);
  VALID (self, incident);

  /* Too long is an error that says the limit, never a silent cut. */
  wb_incident_set_description (self, too_long);
  FAILS (self, incident, "description");
  wb_incident_validate (self, issues);
  g_assert_nonnull (strstr (wb_validation_issues_find (issues, "description")->message, "20000"));
  g_assert_cmpuint (g_utf8_strlen (wb_incident_get_description (self), -1), ==,
                    WB_TEXT_MAX_CHARS + 1);
}

static void
test_incident_description_allows_lines_not_controls (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();

  wb_incident_set_description (self, "Eerste regel\r\nTweede\tregel");
  VALID (self, incident);
  wb_incident_set_description (self, "Verborgen \x07 teken");
  FAILS (self, incident, "description");
}

/* Needs */

static void
test_needs_other_must_be_described (void)
{
  g_autoptr(WbNeeds) self = wb_test_valid_needs ();
  g_autofree char *too_long = repeat ("x", WB_TEXT_MAX_CHARS + 1);

  wb_needs_set_details (self, NULL);
  FAILS (self, needs, "details");

  wb_needs_set_needs (self, WB_NEED_LEGAL);
  VALID (self, needs);

  wb_needs_set_details (self, too_long);
  FAILS (self, needs, "details");
}

/* Consent */

static void
test_consent_sharing_needs_storing (void)
{
  g_autoptr(WbConsent) self = wb_test_valid_consent ();

  wb_consent_set_store (self, FALSE);
  FAILS (self, consent, "share");
}

static void
test_consent_partners_need_sharing (void)
{
  g_autoptr(WbConsent) self = wb_test_valid_consent ();
  const char *bad[] = { "good_id", "not an id", NULL };

  wb_consent_set_share (self, FALSE);
  FAILS (self, consent, "partner-ids");
  wb_consent_set_partner_ids (self, NULL);
  VALID (self, consent);

  wb_consent_set_share (self, TRUE);
  wb_consent_set_partner_ids (self, bad);
  FAILS (self, consent, "partner-ids");
}

static void
test_consent_needs_a_date_when_given (void)
{
  g_autoptr(WbConsent) self = wb_test_valid_consent ();

  wb_consent_set_given_at (self, NULL);
  FAILS (self, consent, "given-at");

  wb_consent_set_partner_ids (self, NULL);
  wb_consent_set_share (self, FALSE);
  wb_consent_set_store (self, FALSE);
  VALID (self, consent);
}

static void
test_consent_retention_is_one_to_120_months (void)
{
  g_autoptr(WbConsent) self = wb_test_valid_consent ();
  g_autoptr(WbConsent) fresh = wb_consent_new ();

  wb_consent_set_retention_months (self, 0);
  FAILS (self, consent, "retention-months");
  wb_consent_set_retention_months (self, 1);
  VALID (self, consent);
  wb_consent_set_retention_months (self, 120);
  VALID (self, consent);
  g_assert_cmpuint (wb_consent_get_retention_months (fresh), ==,
                    WB_CONSENT_DEFAULT_RETENTION_MONTHS);
}

/* Timeline entry */

static void
test_timeline_contact_needs_a_channel (void)
{
  g_autoptr(WbTimelineEntry) self = wb_test_valid_timeline_entry ();

  wb_timeline_entry_set_contact_channel (self, WB_CONTACT_CHANNEL_NONE);
  FAILS (self, timeline_entry, "contact-channel");
  wb_timeline_entry_set_kind (self, WB_TIMELINE_KIND_NOTE);
  VALID (self, timeline_entry);
}

static void
test_timeline_needs_author_time_and_text (void)
{
  g_autoptr(WbTimelineEntry) self = wb_test_valid_timeline_entry ();
  g_autoptr(GDateTime) time = wb_test_date (2026, 3, 3);
  g_autofree char *too_long = repeat ("x", WB_TEXT_MAX_CHARS + 1);

  wb_timeline_entry_set_author (self, NULL);
  FAILS (self, timeline_entry, "author");
  wb_timeline_entry_set_author (self, "author_1");
  VALID (self, timeline_entry);

  wb_timeline_entry_set_time (self, NULL);
  FAILS (self, timeline_entry, "time");
  wb_timeline_entry_set_time (self, time);

  wb_timeline_entry_set_text (self, "   ");
  FAILS (self, timeline_entry, "text");
  wb_timeline_entry_set_text (self, too_long);
  FAILS (self, timeline_entry, "text");
  wb_timeline_entry_set_text (self, "Advies gegeven.\nTweede regel.");
  VALID (self, timeline_entry);
}

/* Partner */

static void
test_partner_name_is_required (void)
{
  g_autoptr(WbPartner) self = wb_test_valid_partner ();
  g_autofree char *too_long = repeat ("x", WB_NAME_MAX_CHARS + 1);

  wb_partner_set_name (self, NULL);
  FAILS (self, partner, "name");
  wb_partner_set_name (self, too_long);
  FAILS (self, partner, "name");
  wb_partner_set_name (self, "Ervaringsdeskundige Noord");
  wb_partner_set_organisation (self, too_long);
  FAILS (self, partner, "organisation");
}

static void
test_partner_areas_are_required_codes (void)
{
  g_autoptr(WbPartner) self = wb_test_valid_partner ();
  const char *empty[] = { NULL };
  const char *bad[] = { "NL", "Utrecht", NULL };
  const char *country[] = { "NL", NULL };

  wb_partner_set_areas (self, NULL);
  FAILS (self, partner, "areas");
  wb_partner_set_areas (self, empty);
  FAILS (self, partner, "areas");
  wb_partner_set_areas (self, bad);
  FAILS (self, partner, "areas");
  wb_partner_set_areas (self, country);
  VALID (self, partner);
}

static void
test_partner_needs_phone_or_email (void)
{
  g_autoptr(WbPartner) self = wb_test_valid_partner ();

  wb_partner_set_phone (self, NULL);
  VALID (self, partner);
  wb_partner_set_email (self, NULL);
  FAILS (self, partner, "phone");
  wb_partner_set_phone (self, "0301234567");
  VALID (self, partner);
  wb_partner_set_email (self, "info@");
  FAILS (self, partner, "email");
}

static void
test_partner_languages_and_notes_are_checked (void)
{
  g_autoptr(WbPartner) self = wb_test_valid_partner ();
  const char *blank[] = { "nl", "", NULL };
  g_autofree char *too_long = repeat ("x", WB_TEXT_MAX_CHARS + 1);

  wb_partner_set_languages (self, blank);
  FAILS (self, partner, "languages");
  wb_partner_set_languages (self, NULL);
  VALID (self, partner);

  wb_partner_set_notes (self, too_long);
  FAILS (self, partner, "notes");
}

/* Follow-up */

static void
test_follow_up_needs_case_and_due (void)
{
  g_autoptr(WbFollowUp) self = wb_test_valid_follow_up ();
  g_autoptr(GDateTime) due = wb_test_date (2026, 4, 1);

  wb_follow_up_set_case_id (self, NULL);
  FAILS (self, follow_up, "case-id");
  wb_follow_up_set_case_id (self, "kapot id");
  FAILS (self, follow_up, "case-id");
  wb_follow_up_set_case_id (self, "case_1");
  VALID (self, follow_up);

  wb_follow_up_set_due (self, NULL);
  FAILS (self, follow_up, "due");
  wb_follow_up_set_due (self, due);

  wb_follow_up_set_assignee (self, "iemand anders");
  FAILS (self, follow_up, "assignee");
}

static void
test_follow_up_texts_are_limited (void)
{
  g_autoptr(WbFollowUp) self = wb_test_valid_follow_up ();
  g_autofree char *too_long = repeat ("x", WB_TEXT_MAX_CHARS + 1);

  wb_follow_up_set_note (self, too_long);
  FAILS (self, follow_up, "note");
  wb_follow_up_set_note (self, NULL);
  wb_follow_up_set_outcome (self, too_long);
  FAILS (self, follow_up, "outcome");
  wb_follow_up_set_outcome (self, NULL);
  VALID (self, follow_up);
}

/* Account */

static void
test_account_login_name_is_checked (void)
{
  g_autoptr(WbAccount) self = wb_test_valid_account ();

  wb_account_set_name (self, NULL);
  FAILS (self, account, "name");
  wb_account_set_name (self, "Test Bakker-2");
  FAILS (self, account, "name");
  wb_account_set_name (self, "marieke");
  VALID (self, account);
}

static void
test_account_display_name_is_required (void)
{
  g_autoptr(WbAccount) self = wb_test_valid_account ();

  wb_account_set_display_name (self, "");
  FAILS (self, account, "display-name");
  wb_account_set_display_name (self, "M. Bakker\n");
  FAILS (self, account, "display-name");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rules/fixtures-are-valid", test_fixtures_are_valid);
  g_test_add_func ("/core/rules/check-gives-invalid-error-with-all-messages",
                   test_check_gives_invalid_error_with_all_messages);

  g_test_add_func ("/core/rules/case/reference-format-is-validated",
                   test_case_reference_format_is_validated);
  g_test_add_func ("/core/rules/case/association-must-be-chosen",
                   test_case_association_must_be_chosen);
  g_test_add_func ("/core/rules/case/assignee-must-be-a-record-id",
                   test_case_assignee_must_be_a_record_id);
  g_test_add_func ("/core/rules/case/times-are-in-order", test_case_times_are_in_order);

  g_test_add_func ("/core/rules/person/name-is-required-and-limited-in-characters",
                   test_person_name_is_required_and_limited);
  g_test_add_func ("/core/rules/person/name-must-be-clean-utf8",
                   test_person_name_must_be_clean_text);
  g_test_add_func ("/core/rules/person/municipality-code-is-validated",
                   test_person_municipality_code_is_validated);
  g_test_add_func ("/core/rules/person/phone-and-email-are-validated",
                   test_person_phone_and_email_are_validated);
  g_test_add_func ("/core/rules/person/party-and-callback-times-are-limited",
                   test_person_party_and_callback_times_are_limited);
  g_test_add_func ("/core/rules/person/reporter-needs-a-way-to-call-back",
                   test_person_reporter_needs_a_way_to_call_back);

  g_test_add_func ("/core/rules/incident/needs-a-kind", test_incident_needs_a_kind);
  g_test_add_func ("/core/rules/incident/period-dates", test_incident_period_dates);
  g_test_add_func ("/core/rules/incident/end-is-not-before-start",
                   test_incident_end_is_not_before_start);
  g_test_add_func ("/core/rules/incident/description-is-required-and-limited",
                   test_incident_description_is_required_and_limited);
  g_test_add_func ("/core/rules/incident/description-allows-lines-not-controls",
                   test_incident_description_allows_lines_not_controls);

  g_test_add_func ("/core/rules/needs/other-must-be-described", test_needs_other_must_be_described);

  g_test_add_func ("/core/rules/consent/sharing-needs-storing", test_consent_sharing_needs_storing);
  g_test_add_func ("/core/rules/consent/partners-need-sharing", test_consent_partners_need_sharing);
  g_test_add_func ("/core/rules/consent/needs-a-date-when-given",
                   test_consent_needs_a_date_when_given);
  g_test_add_func ("/core/rules/consent/retention-is-1-to-120-months",
                   test_consent_retention_is_one_to_120_months);

  g_test_add_func ("/core/rules/timeline-entry/contact-needs-a-channel",
                   test_timeline_contact_needs_a_channel);
  g_test_add_func ("/core/rules/timeline-entry/needs-author-time-and-text",
                   test_timeline_needs_author_time_and_text);

  g_test_add_func ("/core/rules/partner/name-is-required", test_partner_name_is_required);
  g_test_add_func ("/core/rules/partner/areas-are-required-codes",
                   test_partner_areas_are_required_codes);
  g_test_add_func ("/core/rules/partner/needs-phone-or-email", test_partner_needs_phone_or_email);
  g_test_add_func ("/core/rules/partner/languages-and-notes-are-checked",
                   test_partner_languages_and_notes_are_checked);

  g_test_add_func ("/core/rules/follow-up/needs-case-and-due", test_follow_up_needs_case_and_due);
  g_test_add_func ("/core/rules/follow-up/texts-are-limited", test_follow_up_texts_are_limited);

  g_test_add_func ("/core/rules/account/login-name-is-checked", test_account_login_name_is_checked);
  g_test_add_func ("/core/rules/account/display-name-is-required",
                   test_account_display_name_is_required);

  return g_test_run ();
}
