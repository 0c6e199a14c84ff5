/* test-triage.c: the urgency suggested for an incident, and overriding it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

typedef struct
{
  const char        *name;
  WbIncidentType     types;
  WbIncidentChannel  channels;
  WbIncidentTarget   targets;
  gboolean           ongoing;
  gboolean           perpetrator_known;
  gboolean           family_involved;
  WbUrgency          expected;
  guint              n_reasons;
} TriageCase;

static void
test_suggests_urgency_from_rules (void)
{
  const TriageCase cases[] = {
    { "online abuse", WB_INCIDENT_TYPE_ONLINE_HATE, WB_INCIDENT_CHANNEL_ONLINE,
      WB_INCIDENT_TARGET_OFFICE, FALSE, FALSE, FALSE, WB_URGENCY_NORMAL, 1 },
    { "ongoing online abuse by a known sender", WB_INCIDENT_TYPE_ONLINE_HATE,
      WB_INCIDENT_CHANNEL_ONLINE, WB_INCIDENT_TARGET_PERSON, TRUE, TRUE, FALSE,
      WB_URGENCY_NORMAL, 1 },
    { "threat by mail from a known sender", WB_INCIDENT_TYPE_THREAT, WB_INCIDENT_CHANNEL_MAIL,
      WB_INCIDENT_TARGET_PERSON, FALSE, TRUE, FALSE, WB_URGENCY_NORMAL, 1 },
    { "physical violence, over", WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE,
      WB_INCIDENT_CHANNEL_PUBLIC_SPACE, WB_INCIDENT_TARGET_PERSON, FALSE, FALSE, FALSE,
      WB_URGENCY_HIGH, 1 },
    { "physical violence, ongoing", WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE,
      WB_INCIDENT_CHANNEL_DURING_MEETING, WB_INCIDENT_TARGET_PERSON, TRUE, FALSE, FALSE,
      WB_URGENCY_ACUTE, 2 },
    { "anonymous threat at home", WB_INCIDENT_TYPE_THREAT, WB_INCIDENT_CHANNEL_AT_HOME,
      WB_INCIDENT_TARGET_PERSON, FALSE, FALSE, FALSE, WB_URGENCY_HIGH, 1 },
    { "known perpetrator threatens at home", WB_INCIDENT_TYPE_THREAT,
      WB_INCIDENT_CHANNEL_AT_HOME | WB_INCIDENT_CHANNEL_PHONE, WB_INCIDENT_TARGET_PERSON,
      FALSE, TRUE, FALSE, WB_URGENCY_ACUTE, 2 },
    { "known perpetrator intimidates at home, no threat", WB_INCIDENT_TYPE_INTIMIDATION,
      WB_INCIDENT_CHANNEL_AT_HOME, WB_INCIDENT_TARGET_PERSON, FALSE, TRUE, FALSE,
      WB_URGENCY_HIGH, 1 },
    { "threat aimed at relatives", WB_INCIDENT_TYPE_THREAT, WB_INCIDENT_CHANNEL_ONLINE,
      WB_INCIDENT_TARGET_RELATIVES, FALSE, FALSE, FALSE, WB_URGENCY_HIGH, 1 },
    { "family involved", WB_INCIDENT_TYPE_VERBAL_AGGRESSION, WB_INCIDENT_CHANNEL_PUBLIC_SPACE,
      WB_INCIDENT_TARGET_PERSON, FALSE, FALSE, TRUE, WB_URGENCY_HIGH, 1 },
    { "stalking, ongoing", WB_INCIDENT_TYPE_STALKING, WB_INCIDENT_CHANNEL_PUBLIC_SPACE,
      WB_INCIDENT_TARGET_PERSON, TRUE, FALSE, FALSE, WB_URGENCY_HIGH, 1 },
    { "stalking, over", WB_INCIDENT_TYPE_STALKING, WB_INCIDENT_CHANNEL_PUBLIC_SPACE,
      WB_INCIDENT_TARGET_PERSON, FALSE, FALSE, FALSE, WB_URGENCY_NORMAL, 1 },
    { "doxing", WB_INCIDENT_TYPE_DOXING, WB_INCIDENT_CHANNEL_ONLINE, WB_INCIDENT_TARGET_PERSON,
      FALSE, FALSE, FALSE, WB_URGENCY_HIGH, 1 },
    { "everything at once", WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE | WB_INCIDENT_TYPE_THREAT,
      WB_INCIDENT_CHANNEL_AT_HOME, WB_INCIDENT_TARGET_RELATIVES, TRUE, TRUE, TRUE,
      WB_URGENCY_ACUTE, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TriageCase *c = &cases[i];
      g_autoptr(WbIncident) incident = wb_incident_new ();
      g_autoptr(GPtrArray) reasons = NULL;
      WbUrgency urgency;

      g_test_message ("%s", c->name);
      wb_incident_set_types (incident, c->types);
      wb_incident_set_channels (incident, c->channels);
      wb_incident_set_targets (incident, c->targets);
      wb_incident_set_ongoing (incident, c->ongoing);
      wb_incident_set_perpetrator_known (incident, c->perpetrator_known);
      wb_incident_set_family_involved (incident, c->family_involved);

      urgency = wb_triage_suggest (incident, &reasons);
      g_assert_cmpint (urgency, ==, c->expected);
      g_assert_cmpint (wb_triage_suggest (incident, NULL), ==, c->expected);
      g_assert_cmpuint (reasons->len, ==, c->n_reasons);
      for (guint j = 0; j < reasons->len; j++)
        {
          const char *reason = g_ptr_array_index (reasons, j);

          g_assert_true (g_utf8_validate (reason, -1, NULL));
          g_assert_cmpuint (strlen (reason), >, 10);
          for (guint k = 0; k < j; k++)
            g_assert_cmpstr (reason, !=, g_ptr_array_index (reasons, k));
        }
    }
}

static void
test_acute_reason_comes_first (void)
{
  g_autoptr(WbIncident) incident = wb_incident_new ();
  g_autoptr(GPtrArray) reasons = NULL;

  wb_incident_set_types (incident, WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE);
  wb_incident_set_ongoing (incident, TRUE);
  g_assert_cmpint (wb_triage_suggest (incident, &reasons), ==, WB_URGENCY_ACUTE);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==, "Physical violence is still going on.");
  g_assert_cmpstr (g_ptr_array_index (reasons, 1), ==, "Physical violence was used.");
}

typedef struct
{
  const char *name;
  WbUrgency   suggested;
  WbUrgency   chosen;
  const char *reason;
  gboolean    ok;
} OverrideCase;

static void
test_override_needs_a_reason (void)
{
  const OverrideCase cases[] = {
    { "same, no reason", WB_URGENCY_HIGH, WB_URGENCY_HIGH, NULL, TRUE },
    { "same, empty reason", WB_URGENCY_NORMAL, WB_URGENCY_NORMAL, "", TRUE },
    { "higher, no reason", WB_URGENCY_NORMAL, WB_URGENCY_ACUTE, NULL, FALSE },
    { "lower, empty reason", WB_URGENCY_ACUTE, WB_URGENCY_NORMAL, "", FALSE },
    { "lower, blank reason", WB_URGENCY_ACUTE, WB_URGENCY_HIGH, " \n\t ", FALSE },
    { "lower, with reason", WB_URGENCY_ACUTE, WB_URGENCY_HIGH,
      "Politie is ter plaatse en de dader is aangehouden.", TRUE },
    { "higher, with reason", WB_URGENCY_NORMAL, WB_URGENCY_HIGH,
      "Eerdere melding over dezelfde persoon.", TRUE },
    { "reason with a control character", WB_URGENCY_NORMAL, WB_URGENCY_HIGH,
      "Eerdere\x01melding", FALSE },
    { "no such urgency", WB_URGENCY_NORMAL, (WbUrgency) 7, "Omdat.", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].name);
      ok = wb_triage_override_check (cases[i].suggested, cases[i].chosen, cases[i].reason, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/triage/suggests-urgency-from-rules", test_suggests_urgency_from_rules);
  g_test_add_func ("/core/triage/acute-reason-comes-first", test_acute_reason_comes_first);
  g_test_add_func ("/core/triage/override-needs-a-reason", test_override_needs_a_reason);

  return g_test_run ();
}
