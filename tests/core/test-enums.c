/* test-enums.c: every enumeration value has a label and a stable nick.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

static GType
nth_type (guint i)
{
  GType types[] = {
    WB_TYPE_CASE_STATUS, WB_TYPE_URGENCY, WB_TYPE_ASSOCIATION, WB_TYPE_PERSON_ROLE,
    WB_TYPE_PERSON_RELATION, WB_TYPE_CALLBACK_CHANNEL, WB_TYPE_INCIDENT_TYPE,
    WB_TYPE_INCIDENT_CHANNEL, WB_TYPE_INCIDENT_TARGET, WB_TYPE_POLICE_REPORT, WB_TYPE_NEED,
    WB_TYPE_TIMELINE_KIND, WB_TYPE_CONTACT_CHANNEL, WB_TYPE_PARTNER_KIND, WB_TYPE_FOLLOW_UP_KIND,
    WB_TYPE_FOLLOW_UP_TARGET, WB_TYPE_FOLLOW_UP_STATE, WB_TYPE_ACCOUNT_ROLE,
  };

  return i < G_N_ELEMENTS (types) ? types[i] : G_TYPE_INVALID;
}

static void
test_every_value_has_a_distinct_label (void)
{
  guint n_types = 0;

  for (guint i = 0; nth_type (i) != G_TYPE_INVALID; i++, n_types++)
    {
      GType type = nth_type (i);
      g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      guint n_values;
      const char *label;

      g_assert_true (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type));
      n_values = G_TYPE_IS_ENUM (type) ? G_ENUM_CLASS (klass)->n_values
                                       : G_FLAGS_CLASS (klass)->n_values;
      g_assert_cmpuint (n_values, >=, 3);

      for (guint j = 0; j < n_values; j++)
        {
          guint value = G_TYPE_IS_ENUM (type) ? (guint) G_ENUM_CLASS (klass)->values[j].value
                                              : G_FLAGS_CLASS (klass)->values[j].value;

          label = wb_enum_to_label (type, value);
          if (label == NULL || *label == '\0')
            g_error ("%s value %u has no label", g_type_name (type), value);
          if (!g_hash_table_add (labels, (gpointer) label))
            g_error ("%s has the label “%s” twice", g_type_name (type), label);
        }

      /* A value outside the type has none. */
      g_assert_null (wb_enum_to_label (type, G_TYPE_IS_ENUM (type) ? 1000 : 1u << 30));
    }

  g_assert_cmpuint (n_types, ==, 18);
}

static void
test_specific_label_functions_agree (void)
{
  g_assert_cmpstr (wb_case_status_to_label (WB_CASE_STATUS_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (wb_urgency_to_label (WB_URGENCY_ACUTE), ==, "Acute");
  g_assert_cmpstr (wb_incident_type_to_label (WB_INCIDENT_TYPE_DOXING), ==, "Doxing");
  g_assert_cmpstr (wb_account_role_to_label (WB_ACCOUNT_ROLE_ADMIN), ==, "Administrator");
  g_assert_cmpstr (wb_enum_to_label (WB_TYPE_NEED, WB_NEED_SECURITY), ==,
                   wb_need_to_label (WB_NEED_SECURITY));
  /* Combined flags have no single label. */
  g_assert_null (wb_need_to_label (WB_NEED_SECURITY | WB_NEED_LEGAL));
}

static void
test_flags_join_their_labels (void)
{
  g_autofree char *two = wb_flags_to_label (WB_TYPE_INCIDENT_TYPE,
                                            WB_INCIDENT_TYPE_DOXING | WB_INCIDENT_TYPE_THREAT);
  g_autofree char *none = wb_flags_to_label (WB_TYPE_INCIDENT_TYPE, 0);

  g_assert_cmpstr (two, ==, "Threat, Doxing");
  g_assert_cmpstr (none, ==, "");
}

static void
test_nicks_are_stable (void)
{
  guint value = 0;

  /* The nicks are the stored format: these must never change. */
  g_assert_true (wb_enum_from_nick (WB_TYPE_CASE_STATUS, "in-progress", &value));
  g_assert_cmpuint (value, ==, WB_CASE_STATUS_IN_PROGRESS);
  g_assert_true (wb_enum_from_nick (WB_TYPE_FOLLOW_UP_STATE, "snoozed", &value));
  g_assert_cmpuint (value, ==, WB_FOLLOW_UP_STATE_SNOOZED);
  g_assert_true (wb_enum_from_nick (WB_TYPE_ASSOCIATION, "nvvr", &value));
  g_assert_cmpuint (value, ==, WB_ASSOCIATION_NVVR);
  g_assert_false (wb_enum_from_nick (WB_TYPE_CASE_STATUS, "In progress", &value));
  g_assert_false (wb_enum_from_nick (WB_TYPE_CASE_STATUS, NULL, &value));
}

static void
test_urgency_is_ordered_by_severity (void)
{
  g_assert_cmpint (WB_URGENCY_NORMAL, <, WB_URGENCY_HIGH);
  g_assert_cmpint (WB_URGENCY_HIGH, <, WB_URGENCY_ACUTE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enums/every-value-has-a-distinct-label",
                   test_every_value_has_a_distinct_label);
  g_test_add_func ("/core/enums/specific-label-functions-agree",
                   test_specific_label_functions_agree);
  g_test_add_func ("/core/enums/flags-join-their-labels", test_flags_join_their_labels);
  g_test_add_func ("/core/enums/nicks-are-stable", test_nicks_are_stable);
  g_test_add_func ("/core/enums/urgency-is-ordered-by-severity",
                   test_urgency_is_ordered_by_severity);

  return g_test_run ();
}
