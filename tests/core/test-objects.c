/* test-objects.c: ids, defaults, change notification, case references, edit history.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_reference_is_made_from_year_and_sequence (void)
{
  g_autofree char *first = wb_case_reference_new (2026, 1);
  g_autofree char *answer = wb_case_reference_new (2026, 42);
  g_autofree char *last = wb_case_reference_new (2026, 9999);
  guint year = 0, sequence = 0;

  g_assert_cmpstr (first, ==, "OT-2026-0001");
  g_assert_cmpstr (answer, ==, "OT-2026-0042");
  g_assert_cmpstr (last, ==, "OT-2026-9999");

  g_assert_true (wb_case_reference_parse ("OT-2026-0042", &year, &sequence));
  g_assert_cmpuint (year, ==, 2026);
  g_assert_cmpuint (sequence, ==, 42);
  g_assert_false (wb_case_reference_parse ("OT-2026-0042x", &year, &sequence));
  g_assert_false (wb_case_reference_parse ("OT-2026", NULL, NULL));
  g_assert_false (wb_case_reference_is_valid (NULL));
}

static void
test_next_reference_follows_the_highest_of_the_year (void)
{
  const char *existing[] = {
    "OT-2026-0007", "OT-2025-0311", "OT-2026-0041", "nonsense", "OT-2026-0003", NULL
  };
  const char *full[] = { "OT-2026-9999", NULL };
  g_autofree char *next = wb_case_reference_next (existing, 2026);
  g_autofree char *new_year = wb_case_reference_next (existing, 2027);
  g_autofree char *none = wb_case_reference_next (NULL, 2026);
  g_autofree char *overflow = wb_case_reference_next (full, 2026);

  g_assert_cmpstr (next, ==, "OT-2026-0042");
  g_assert_cmpstr (new_year, ==, "OT-2027-0001");
  g_assert_cmpstr (none, ==, "OT-2026-0001");
  g_assert_null (overflow);
}

static void
test_new_objects_get_a_random_id (void)
{
  g_autoptr(WbCase) a = wb_case_new ();
  g_autoptr(WbCase) b = wb_case_new ();
  g_autoptr(WbPartner) given = g_object_new (WB_TYPE_PARTNER, "id", "partner_7", NULL);
  g_autoptr(WbPerson) empty = g_object_new (WB_TYPE_PERSON, "id", "", NULL);

  g_assert_true (wb_record_id_is_valid (wb_case_get_id (a)));
  g_assert_cmpuint (strlen (wb_case_get_id (a)), ==, WB_RECORD_ID_LENGTH);
  g_assert_cmpstr (wb_case_get_id (a), !=, wb_case_get_id (b));
  g_assert_cmpstr (wb_partner_get_id (given), ==, "partner_7");
  g_assert_true (wb_record_id_is_valid (wb_person_get_id (empty)));
}

static void
test_defaults_are_sensible (void)
{
  g_autoptr(WbCase) a_case = wb_case_new ();
  g_autoptr(WbPartner) partner = wb_partner_new ();
  g_autoptr(WbFollowUp) follow_up = wb_follow_up_new ();
  g_autoptr(WbTimelineEntry) entry = wb_timeline_entry_new ();

  g_assert_cmpint (wb_case_get_status (a_case), ==, WB_CASE_STATUS_NEW);
  g_assert_cmpint (wb_case_get_urgency (a_case), ==, WB_URGENCY_NORMAL);
  g_assert_cmpint (wb_case_get_association (a_case), ==, WB_ASSOCIATION_NONE);
  g_assert_nonnull (wb_case_get_created (a_case));
  g_assert_true (g_date_time_equal (wb_case_get_created (a_case), wb_case_get_updated (a_case)));
  g_assert_true (wb_partner_get_active (partner));
  g_assert_cmpint (wb_follow_up_get_state (follow_up), ==, WB_FOLLOW_UP_STATE_OPEN);
  g_assert_nonnull (wb_timeline_entry_get_time (entry));
  g_assert_cmpuint (wb_timeline_entry_get_history (entry)->len, ==, 0);
}

static void
test_setters_notify_only_on_change (void)
{
  g_autoptr(WbPartner) partner = wb_partner_new ();
  g_autoptr(GDateTime) date = wb_test_date (2026, 1, 1);
  g_autoptr(GDateTime) same_instant = g_date_time_to_local (date);
  const char *areas[] = { "NL", NULL };
  const char *same_areas[] = { "NL", NULL };
  guint count = 0;

  g_signal_connect (partner, "notify", G_CALLBACK (count_notify_cb), &count);

  wb_partner_set_name (partner, "Jansen");
  wb_partner_set_name (partner, "Jansen");
  g_assert_cmpuint (count, ==, 1);

  wb_partner_set_areas (partner, areas);
  wb_partner_set_areas (partner, same_areas);
  g_assert_cmpuint (count, ==, 2);

  wb_partner_set_verified_at (partner, date);
  wb_partner_set_verified_at (partner, same_instant);
  g_assert_cmpuint (count, ==, 3);

  wb_partner_set_active (partner, TRUE);
  g_assert_cmpuint (count, ==, 3);
  wb_partner_set_kind (partner, WB_PARTNER_KIND_AFTERCARE);
  wb_partner_set_kind (partner, WB_PARTNER_KIND_AFTERCARE);
  g_assert_cmpuint (count, ==, 4);

  g_object_set (partner, "name", "Jansen", "active", TRUE, NULL);
  g_assert_cmpuint (count, ==, 4);
  g_object_set (partner, "name", NULL, NULL);
  g_assert_cmpuint (count, ==, 5);
  g_assert_null (wb_partner_get_name (partner));
}

static void
test_properties_can_be_bound (void)
{
  g_autoptr(WbCase) a_case = wb_case_new ();
  g_autoptr(WbFollowUp) follow_up = wb_follow_up_new ();
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a_case), "status");

  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == WB_TYPE_CASE_STATUS);

  /* A binding sees the change, as a GtkDropDown bound to it would. */
  g_object_bind_property (a_case, "assignee", follow_up, "assignee", G_BINDING_DEFAULT);
  wb_case_set_assignee (a_case, "account_1");
  g_assert_cmpstr (wb_follow_up_get_assignee (follow_up), ==, "account_1");
}

static void
test_case_touch_moves_updated (void)
{
  g_autoptr(WbCase) a_case = wb_test_valid_case ();
  g_autoptr(GDateTime) before = g_date_time_ref (wb_case_get_updated (a_case));

  wb_case_touch (a_case);
  g_assert_cmpint (g_date_time_compare (wb_case_get_updated (a_case), before), >, 0);
}

static void
test_timeline_edit_keeps_history (void)
{
  g_autoptr(WbTimelineEntry) entry = wb_test_valid_timeline_entry ();
  g_autoptr(GDateTime) when = wb_test_date (2026, 3, 9);
  const char *original = "Gebeld; melder voelt zich veiliger.";
  WbTimelineRevision *revision;
  guint count = 0;

  g_signal_connect (entry, "notify", G_CALLBACK (count_notify_cb), &count);

  g_assert_false (wb_timeline_entry_edit (entry, original, "editor_1", when));
  g_assert_cmpuint (wb_timeline_entry_get_history (entry)->len, ==, 0);
  g_assert_cmpuint (count, ==, 0);

  g_assert_true (wb_timeline_entry_edit (entry, "Gebeld; melder wil terugbelverzoek.",
                                         "editor_1", when));
  g_assert_cmpstr (wb_timeline_entry_get_text (entry), ==, "Gebeld; melder wil terugbelverzoek.");
  g_assert_cmpstr (wb_timeline_entry_get_editor (entry), ==, "editor_1");
  g_assert_true (g_date_time_equal (wb_timeline_entry_get_edited_at (entry), when));
  g_assert_cmpuint (count, ==, 3);

  g_assert_cmpuint (wb_timeline_entry_get_history (entry)->len, ==, 1);
  revision = g_ptr_array_index (wb_timeline_entry_get_history (entry), 0);
  g_assert_cmpstr (revision->text, ==, original);
  g_assert_cmpstr (revision->editor, ==, wb_timeline_entry_get_author (entry));

  /* Without a time the edit is stamped now. */
  g_assert_true (wb_timeline_entry_edit (entry, "Derde", "editor_2", NULL));
  g_assert_cmpint (g_date_time_compare (wb_timeline_entry_get_edited_at (entry), when), >, 0);
  revision = g_ptr_array_index (wb_timeline_entry_get_history (entry), 1);
  g_assert_cmpstr (revision->editor, ==, "editor_1");
  g_assert_true (g_date_time_equal (revision->edited_at, when));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/case/reference-is-made-from-year-and-sequence",
                   test_reference_is_made_from_year_and_sequence);
  g_test_add_func ("/core/case/next-reference-follows-the-highest-of-the-year",
                   test_next_reference_follows_the_highest_of_the_year);
  g_test_add_func ("/core/case/touch-moves-updated", test_case_touch_moves_updated);
  g_test_add_func ("/core/objects/new-objects-get-a-random-id", test_new_objects_get_a_random_id);
  g_test_add_func ("/core/objects/defaults-are-sensible", test_defaults_are_sensible);
  g_test_add_func ("/core/objects/setters-notify-only-on-change",
                   test_setters_notify_only_on_change);
  g_test_add_func ("/core/objects/properties-can-be-bound", test_properties_can_be_bound);
  g_test_add_func ("/core/timeline-entry/edit-keeps-history", test_timeline_edit_keeps_history);

  return g_test_run ();
}
