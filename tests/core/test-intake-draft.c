/* test-intake-draft.c: the record of a half-done intake: round trip and damaged records.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-intake-draft.h"
#include "wb-test-util.h"

static GVariant *
sample_fields (void)
{
  GVariantBuilder b;
  const char *touched[] = { "person:name", "incident:start", NULL };
  const char *partners[] = { "p-1", NULL };

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&b, "{sv}", "acute", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&b, "{sv}", "name", g_variant_new_string ("Test Jansen-42"));
  g_variant_builder_add (&b, "{sv}", "role", g_variant_new_uint32 (2));
  g_variant_builder_add (&b, "{sv}", "municipality", g_variant_new_string ("GM0363"));
  g_variant_builder_add (&b, "{sv}", "types", g_variant_new_uint32 (5));
  g_variant_builder_add (&b, "{sv}", "date", g_variant_new_string ("01-11-2026"));
  g_variant_builder_add (&b, "{sv}", "description", g_variant_new_string ("Drempel “één”\nregel twee"));
  g_variant_builder_add (&b, "{sv}", "partners", g_variant_new_strv (partners, -1));
  g_variant_builder_add (&b, "{sv}", "follow-ups",
                         g_variant_new_parsed ("[('04-12-2026', 'aftercare-contact'), ('31-02-20x', 'other')]"));
  g_variant_builder_add (&b, "{sv}", "touched", g_variant_new_strv (touched, -1));
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static WbIntakeDraft *
sample_draft (void)
{
  WbIntakeDraft *draft = wb_intake_draft_new ();
  g_autoptr(GVariant) fields = sample_fields ();

  draft->step = 3;
  wb_intake_draft_set_fields (draft, fields);
  return draft;
}

static void
test_round_trip_keeps_everything (void)
{
  g_autoptr(WbIntakeDraft) draft = sample_draft ();
  g_autoptr(GBytes) bytes = wb_intake_draft_serialize (draft);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbIntakeDraft) back = wb_intake_draft_deserialize (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->id, ==, draft->id);
  g_assert_true (g_date_time_equal (back->started, draft->started));
  g_assert_cmpuint (back->step, ==, 3);
  g_assert_true (g_variant_equal (back->fields, draft->fields));
  g_assert_cmpstr (wb_intake_draft_get_reporter_name (back), ==, "Test Jansen-42");
}

static void
test_new_draft_is_empty (void)
{
  g_autoptr(WbIntakeDraft) draft = wb_intake_draft_new ();
  g_autoptr(GBytes) bytes = wb_intake_draft_serialize (draft);
  g_autoptr(WbIntakeDraft) back = wb_intake_draft_deserialize (bytes, NULL);

  g_assert_true (wb_record_id_is_valid (draft->id));
  g_assert_nonnull (back);
  g_assert_cmpuint (g_variant_n_children (back->fields), ==, 0);
  g_assert_null (wb_intake_draft_get_reporter_name (back));
}

static void
test_unknown_fields_are_dropped (void)
{
  g_autoptr(WbIntakeDraft) draft = sample_draft ();
  g_autoptr(GVariant) fields = g_variant_ref_sink (g_variant_new_parsed (
    "{'name': <'Test Bakker-7'>, 'from-the-future': <uint64 7>}"));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WbIntakeDraft) back = NULL;

  g_assert_true (wb_intake_draft_check_fields (fields, NULL));
  g_clear_pointer (&draft->fields, g_variant_unref);
  draft->fields = g_variant_ref (fields);
  bytes = wb_intake_draft_serialize (draft);
  back = wb_intake_draft_deserialize (bytes, NULL);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_variant_n_children (back->fields), ==, 1);
  g_assert_cmpstr (wb_intake_draft_get_reporter_name (back), ==, "Test Bakker-7");
}

static void
assert_refused (GBytes     *bytes,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbIntakeDraft) draft = wb_intake_draft_deserialize (bytes, &error);

  if (draft != NULL)
    g_error ("a draft with %s was accepted", why);
  g_assert_true (error != NULL && error->domain == WB_CORE_ERROR);
}

static void
test_malformed_records_are_refused (void)
{
  g_autoptr(WbIntakeDraft) draft = sample_draft ();
  g_autoptr(GBytes) good = wb_intake_draft_serialize (draft);
  g_autoptr(WbCase) kase = wb_test_valid_case ();
  g_autoptr(GBytes) other_kind = wb_case_serialize (kase);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\x01\x02\x03 not a variant", 20);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  const struct
  {
    const char *key;
    const char *value;  /* GVariant text; NULL removes the key */
    const char *why;
  } rows[] = {
    { "id", NULL, "no id" },
    { "id", "'not an id!'", "an invalid id" },
    { "id", "uint32 4", "an id of the wrong type" },
    { "started", NULL, "no start" },
    { "started", "'yesterday'", "a start of the wrong type" },
    { "updated", "'yesterday'", "a last write of the wrong type" },
    { "step", NULL, "no step" },
    { "step", "uint32 7", "a step past the last" },
    { "step", "int32 2", "a step of the wrong type" },
    { "fields", NULL, "no fields" },
    { "fields", "'name'", "fields that are not a dictionary" },
    { "fields", "{'name': <uint32 3>}", "a name that is not text" },
    { "fields", "{'acute': <'yes'>}", "a yes-or-no that is text" },
    { "fields", "{'touched': <'person:name'>}", "touched fields that are not a list" },
    { "fields", "{'follow-ups': <[(int64 7, 'other')]>}", "follow-ups of the wrong shape" },
    { "wb-kind", "'case'", "another kind" },
    { "wb-version", "uint32 99", "a newer format" },
    { "wb-version", NULL, "no format version" },
  };

  {
    g_autoptr(WbIntakeDraft) back = wb_intake_draft_deserialize (good, NULL);

    g_assert_nonnull (back);
  }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GVariant) value = rows[i].value ? g_variant_parse (NULL, rows[i].value, NULL, NULL, NULL) : NULL;
      g_autoptr(GBytes) bad = NULL;

      g_assert_true (rows[i].value == NULL || value != NULL);
      bad = wb_test_rewrite (good, rows[i].key, value);
      assert_refused (bad, rows[i].why);
    }
  assert_refused (other_kind, "the bytes of a case");
  assert_refused (garbage, "bytes that are no variant");
  assert_refused (empty, "no bytes");
}

/* "updated" round-trips; a record from before it existed reads as last
 * written when it was started (the earliest it can have been). */
static void
test_updated (void)
{
  g_autoptr(WbIntakeDraft) draft = sample_draft ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old = g_date_time_add_days (now, -40);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) without = NULL;
  g_autoptr(WbIntakeDraft) back = NULL;
  g_autoptr(WbIntakeDraft) back_without = NULL;

  g_assert_true (g_date_time_equal (draft->updated, draft->started));
  g_clear_pointer (&draft->started, g_date_time_unref);
  draft->started = g_date_time_add_days (now, -50);
  g_clear_pointer (&draft->updated, g_date_time_unref);
  draft->updated = g_date_time_ref (old);
  bytes = wb_intake_draft_serialize (draft);
  back = wb_intake_draft_deserialize (bytes, NULL);
  g_assert_nonnull (back);
  g_assert_true (g_date_time_equal (back->updated, old));

  without = wb_test_rewrite (bytes, "updated", NULL);
  back_without = wb_intake_draft_deserialize (without, NULL);
  g_assert_nonnull (back_without);
  g_assert_true (g_date_time_equal (back_without->updated, draft->started));

  wb_intake_draft_touch (draft);
  g_assert_cmpint (g_date_time_compare (draft->updated, now), >=, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/intake-draft/round-trip-keeps-everything", test_round_trip_keeps_everything);
  g_test_add_func ("/core/intake-draft/new-draft-is-empty", test_new_draft_is_empty);
  g_test_add_func ("/core/intake-draft/unknown-fields-are-dropped", test_unknown_fields_are_dropped);
  g_test_add_func ("/core/intake-draft/malformed-records-are-refused", test_malformed_records_are_refused);
  g_test_add_func ("/core/intake-draft/updated", test_updated);

  return g_test_run ();
}
