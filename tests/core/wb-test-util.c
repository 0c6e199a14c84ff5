/* wb-test-util.c: fixtures shared by the core tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

#define CASE_ID "0123456789abcdef0123456789abcdef"
#define ACCOUNT_ID "fedcba9876543210fedcba9876543210"

GDateTime *
wb_test_date (int year,
              int month,
              int day)
{
  /* A moment with microseconds, to see they survive a round trip. */
  return g_date_time_new_utc (year, month, day, 14, 30, 15.123456);
}

/* Returns a copy of the record in @bytes with @key set to @value (a floating
 * reference is sunk), or removed when @value is NULL. */
GBytes *
wb_test_rewrite (GBytes     *bytes,
                 const char *key,
                 GVariant   *value)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) rewritten = NULL;
  GVariantDict dict;

  record = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
  g_variant_dict_init (&dict, record);
  if (value != NULL)
    g_variant_dict_insert_value (&dict, key, value);
  else
    g_variant_dict_remove (&dict, key);
  rewritten = g_variant_ref_sink (g_variant_dict_end (&dict));

  return g_variant_get_data_as_bytes (rewritten);
}

void
wb_test_assert_same_properties (gpointer a,
                                gpointer b)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = NULL;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspecs[i]);

      g_value_init (&va, type);
      g_value_init (&vb, type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);

      if (type == G_TYPE_STRING)
        g_assert_cmpstr (g_value_get_string (&va), ==, g_value_get_string (&vb));
      else if (type == G_TYPE_STRV)
        {
          const char * const *sa = g_value_get_boxed (&va);
          const char * const *sb = g_value_get_boxed (&vb);

          g_assert_true ((sa == NULL) == (sb == NULL));
          if (sa != NULL)
            g_assert_true (g_strv_equal (sa, sb));
        }
      else if (type == G_TYPE_DATE_TIME)
        {
          GDateTime *da = g_value_get_boxed (&va);
          GDateTime *db = g_value_get_boxed (&vb);

          g_assert_true ((da == NULL) == (db == NULL));
          if (da != NULL)
            g_assert_true (g_date_time_equal (da, db));
        }
      else
        {
          if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
            g_error ("property %s differs", pspecs[i]->name);
        }
    }
}

gboolean
wb_test_has_issue (GPtrArray  *issues,
                   const char *field)
{
  const WbValidationIssue *issue = wb_validation_issues_find (issues, field);

  if (issue != NULL)
    {
      g_assert_nonnull (issue->message);
      g_assert_cmpstr (issue->message, !=, "");
    }

  return issue != NULL;
}

/* Valid and fully filled-in entities; each test breaks one rule. */

WbCase *
wb_test_valid_case (void)
{
  g_autoptr(GDateTime) created = wb_test_date (2026, 3, 2);
  g_autoptr(GDateTime) updated = wb_test_date (2026, 3, 5);
  g_autoptr(GDateTime) retain = wb_test_date (2028, 3, 5);
  WbCase *self = wb_case_new ();

  wb_case_set_reference (self, "OT-2026-0042");
  wb_case_set_status (self, WB_CASE_STATUS_IN_PROGRESS);
  wb_case_set_urgency (self, WB_URGENCY_ACUTE);
  wb_case_set_association (self, WB_ASSOCIATION_WETHOUDERS);
  wb_case_set_assignee (self, ACCOUNT_ID);
  wb_case_set_created (self, created);
  wb_case_set_updated (self, updated);
  wb_case_set_retain_until (self, retain);

  return self;
}

WbPerson *
wb_test_valid_person (void)
{
  WbPerson *self = wb_person_new ();

  wb_person_set_case_id (self, CASE_ID);
  wb_person_set_relation (self, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (self, "Test de Vries-Ëlberg");
  wb_person_set_role (self, WB_PERSON_ROLE_ALDERMAN);
  wb_person_set_municipality (self, "GM0363");
  wb_person_set_party (self, "Lokaal Belang");
  wb_person_set_phone (self, "06-12345678");
  wb_person_set_email (self, "anna@example.nl");
  wb_person_set_callback_times (self, "Werkdagen na 18:00");
  wb_person_set_callback_channel (self, WB_CALLBACK_CHANNEL_TEXT_MESSAGE);

  return self;
}

WbIncident *
wb_test_valid_incident (void)
{
  g_autoptr(GDateTime) start = wb_test_date (2026, 2, 1);
  g_autoptr(GDateTime) end = wb_test_date (2026, 2, 20);
  WbIncident *self = wb_incident_new ();

  wb_incident_set_case_id (self, CASE_ID);
  wb_incident_set_types (self, WB_INCIDENT_TYPE_THREAT | WB_INCIDENT_TYPE_DOXING);
  wb_incident_set_channels (self, WB_INCIDENT_CHANNEL_ONLINE | WB_INCIDENT_CHANNEL_AT_HOME);
  wb_incident_set_targets (self, WB_INCIDENT_TARGET_PERSON | WB_INCIDENT_TARGET_RELATIVES);
  wb_incident_set_start (self, start);
  wb_incident_set_end (self, end);
  wb_incident_set_ongoing (self, TRUE);
  wb_incident_set_description (self, "Berichten op sociale media\nmet het huisadres erbij.");
  wb_incident_set_perpetrator_known (self, TRUE);
  wb_incident_set_police_informed (self, TRUE);
  wb_incident_set_police_report (self, WB_POLICE_REPORT_PLANNED);
  wb_incident_set_family_involved (self, TRUE);

  return self;
}

WbNeeds *
wb_test_valid_needs (void)
{
  WbNeeds *self = wb_needs_new ();

  wb_needs_set_case_id (self, CASE_ID);
  wb_needs_set_needs (self, WB_NEED_SECURITY | WB_NEED_AFTERCARE_PARTNER | WB_NEED_OTHER);
  wb_needs_set_details (self, "Advies over de schoolroute van de kinderen.");

  return self;
}

WbConsent *
wb_test_valid_consent (void)
{
  const char *partners[] = { "aaaabbbbccccdddd0000111122223333", "partner_2", NULL };
  g_autoptr(GDateTime) given = wb_test_date (2026, 3, 2);
  WbConsent *self = wb_consent_new ();

  wb_consent_set_case_id (self, CASE_ID);
  wb_consent_set_store (self, TRUE);
  wb_consent_set_share (self, TRUE);
  wb_consent_set_partner_ids (self, partners);
  wb_consent_set_given_at (self, given);
  wb_consent_set_retention_months (self, 36);

  return self;
}

WbTimelineEntry *
wb_test_valid_timeline_entry (void)
{
  g_autoptr(GDateTime) time = wb_test_date (2026, 3, 3);
  WbTimelineEntry *self = wb_timeline_entry_new ();

  wb_timeline_entry_set_case_id (self, CASE_ID);
  wb_timeline_entry_set_kind (self, WB_TIMELINE_KIND_CONTACT);
  wb_timeline_entry_set_contact_channel (self, WB_CONTACT_CHANNEL_PHONE);
  wb_timeline_entry_set_author (self, ACCOUNT_ID);
  wb_timeline_entry_set_time (self, time);
  wb_timeline_entry_set_text (self, "Gebeld; melder voelt zich veiliger.");

  return self;
}

WbPartner *
wb_test_valid_partner (void)
{
  const char *areas[] = { "PV27", "VR13", "GM0363", NULL };
  const char *languages[] = { "nl", "en", NULL };
  g_autoptr(GDateTime) verified = wb_test_date (2026, 1, 15);
  WbPartner *self = wb_partner_new ();

  wb_partner_set_name (self, "Mr. J. Jansen");
  wb_partner_set_organisation (self, "Jansen Advocaten");
  wb_partner_set_kind (self, WB_PARTNER_KIND_LEGAL);
  wb_partner_set_areas (self, areas);
  wb_partner_set_languages (self, languages);
  wb_partner_set_availability (self, "Ma–vr 9–17");
  wb_partner_set_phone (self, "+31 20 123 4567");
  wb_partner_set_email (self, "info@jansen-advocaten.nl");
  wb_partner_set_notes (self, "Ervaring met bedreigingszaken.");
  wb_partner_set_active (self, FALSE);
  wb_partner_set_verified_at (self, verified);

  return self;
}

WbFollowUp *
wb_test_valid_follow_up (void)
{
  g_autoptr(GDateTime) due = wb_test_date (2026, 4, 1);
  WbFollowUp *self = wb_follow_up_new ();

  wb_follow_up_set_case_id (self, CASE_ID);
  wb_follow_up_set_due (self, due);
  wb_follow_up_set_kind (self, WB_FOLLOW_UP_KIND_CHECK_IN_RELATIVES);
  wb_follow_up_set_target (self, WB_FOLLOW_UP_TARGET_FAMILY);
  wb_follow_up_set_assignee (self, ACCOUNT_ID);
  wb_follow_up_set_note (self, "Vragen hoe het met de kinderen gaat.");
  wb_follow_up_set_state (self, WB_FOLLOW_UP_STATE_SNOOZED);
  wb_follow_up_set_outcome (self, "Nog geen contact.");

  return self;
}

WbAccount *
wb_test_valid_account (void)
{
  WbAccount *self = wb_account_new ();

  wb_account_set_name (self, "m.bakker");
  wb_account_set_display_name (self, "Test Bakker-2");
  wb_account_set_role (self, WB_ACCOUNT_ROLE_CONTACT_PERSON);

  return self;
}
