/* wb-test-cases.c: fictional cases for the index tests and benchmark.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-core.h"
#include "wb-test-cases.h"

gint64
wb_test_case_time (guint n,
                   guint what)
{
  gint64 s = WB_TEST_BASE_TIME + (gint64) n * 3600;

  switch (what)
    {
    case WB_TEST_TIME_CREATED:  return s;
    case WB_TEST_TIME_UPDATED:  return s + 600;
    case WB_TEST_TIME_DUE_DONE: return s + 86400;
    case WB_TEST_TIME_DUE_OPEN: return s + 7 * 86400;
    case WB_TEST_TIME_TIMELINE: return s + 2 * 86400;
    default: g_assert_not_reached ();
    }
}

static GDateTime *
at (guint n,
    guint what)
{
  return g_date_time_new_from_unix_utc (wb_test_case_time (n, what));
}

static void
add (GPtrArray  *records,
     const char *kind,
     const char *hex_id,
     GBytes     *bytes)
{
  WbRecordId id;

  g_assert_true (wb_record_id_from_string (hex_id, &id));
  g_ptr_array_add (records, wb_store_record_new (kind, &id, bytes));
  g_bytes_unref (bytes);
}

GPtrArray *
wb_test_case_records (guint   n,
                      char  **out_case_id)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(WbPerson) reporter = wb_person_new ();
  g_autoptr(WbPerson) partner = wb_person_new ();
  g_autoptr(WbIncident) incident = wb_incident_new ();
  g_autoptr(WbFollowUp) done = wb_follow_up_new ();
  g_autoptr(WbFollowUp) open = wb_follow_up_new ();
  g_autoptr(WbTimelineEntry) entry = wb_timeline_entry_new ();
  g_autoptr(GDateTime) created = at (n, WB_TEST_TIME_CREATED);
  g_autoptr(GDateTime) updated = at (n, WB_TEST_TIME_UPDATED);
  g_autoptr(GDateTime) due_done = at (n, WB_TEST_TIME_DUE_DONE);
  g_autoptr(GDateTime) due_open = at (n, WB_TEST_TIME_DUE_OPEN);
  g_autoptr(GDateTime) when = at (n, WB_TEST_TIME_TIMELINE);
  g_autofree char *reference = g_strdup_printf ("WB-TEST-%u", n);
  g_autofree char *reporter_name = g_strdup_printf ("Test Jansen-%u", n);
  g_autofree char *partner_name = g_strdup_printf ("Test Visser-%u", n);
  g_autofree char *text = g_strdup_printf ("Testmelding %u: dreigbrief ontvangen na een "
                                           "raadsvergadering in Fryslân. Fictief.", n);
  const char *case_id = wb_case_get_id (c);

  wb_case_set_reference (c, reference);
  wb_case_set_status (c, (WbCaseStatus) (n % 5));
  wb_case_set_urgency (c, (WbUrgency) (n % 3));
  wb_case_set_association (c, WB_ASSOCIATION_NGB);
  wb_case_set_created (c, created);
  wb_case_set_updated (c, updated);
  add (records, "case", case_id, wb_case_serialize (c));

  wb_person_set_case_id (reporter, case_id);
  wb_person_set_relation (reporter, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (reporter, reporter_name);
  wb_person_set_role (reporter, WB_PERSON_ROLE_MAYOR);
  wb_person_set_municipality (reporter, "GM1900");
  add (records, "person", wb_person_get_id (reporter), wb_person_serialize (reporter));

  wb_person_set_case_id (partner, case_id);
  wb_person_set_relation (partner, WB_PERSON_RELATION_PARTNER);
  wb_person_set_name (partner, partner_name);
  wb_person_set_role (partner, WB_PERSON_ROLE_RELATIVE);
  add (records, "person", wb_person_get_id (partner), wb_person_serialize (partner));

  wb_incident_set_case_id (incident, case_id);
  wb_incident_set_types (incident, WB_INCIDENT_TYPE_THREAT | WB_INCIDENT_TYPE_ONLINE_HATE);
  wb_incident_set_start (incident, created);
  wb_incident_set_description (incident, text);
  add (records, "incident", wb_incident_get_id (incident), wb_incident_serialize (incident));

  wb_follow_up_set_case_id (done, case_id);
  wb_follow_up_set_due (done, due_done);
  wb_follow_up_set_state (done, WB_FOLLOW_UP_STATE_DONE);
  add (records, "followup", wb_follow_up_get_id (done), wb_follow_up_serialize (done));

  wb_follow_up_set_case_id (open, case_id);
  wb_follow_up_set_due (open, due_open);
  wb_follow_up_set_state (open, WB_FOLLOW_UP_STATE_OPEN);
  add (records, "followup", wb_follow_up_get_id (open), wb_follow_up_serialize (open));

  wb_timeline_entry_set_case_id (entry, case_id);
  wb_timeline_entry_set_kind (entry, WB_TIMELINE_KIND_CONTACT);
  wb_timeline_entry_set_time (entry, when);
  wb_timeline_entry_set_text (entry, "Fictief contact.");
  add (records, "timeline", wb_timeline_entry_get_id (entry), wb_timeline_entry_serialize (entry));

  if (out_case_id)
    *out_case_id = g_strdup (case_id);
  return records;
}
