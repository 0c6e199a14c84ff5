/* test-record.c: serialization of every entity, and refusal of damaged records.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

typedef struct
{
  const char *kind;
  gpointer  (*make)        (void);
  GBytes   *(*serialize)   (gpointer self);
  gpointer  (*deserialize) (GBytes *bytes, GError **error);
} Entity;

#define ENTITY(kind, type) \
  { kind, (gpointer (*) (void)) wb_test_valid_##type, \
    (GBytes *(*) (gpointer)) wb_##type##_serialize, \
    (gpointer (*) (GBytes *, GError **)) wb_##type##_deserialize }

static const Entity entities[] = {
  ENTITY ("case", case),
  ENTITY ("person", person),
  ENTITY ("incident", incident),
  ENTITY ("needs", needs),
  ENTITY ("consent", consent),
  ENTITY ("timeline-entry", timeline_entry),
  ENTITY ("partner", partner),
  ENTITY ("follow-up", follow_up),
  ENTITY ("account", account),
};

static GBytes *
valid_bytes (const Entity *entity)
{
  g_autoptr(GObject) object = entity->make ();

  return entity->serialize (object);
}

static void
assert_rejected (const Entity *entity,
                 GBytes       *bytes,
                 int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = entity->deserialize (bytes, &error);

  g_assert_null (object);
  g_assert_error (error, WB_CORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

/* Generic tests, run for every entity */

static void
test_round_trip_keeps_every_property (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GObject) original = entity->make ();
  g_autoptr(GBytes) bytes = entity->serialize (original);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GObject) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = entity->deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (copy != original);

  wb_test_assert_same_properties (original, copy);

  /* The format is canonical: writing the copy gives the same bytes. */
  again = entity->serialize (copy);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_unknown_keys_are_ignored (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  g_autoptr(GBytes) extended = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) error = NULL;

  extended = wb_test_rewrite (bytes, "field-of-a-later-version",
                              g_variant_new ("(ius)", 7, 8, "future"));
  object = entity->deserialize (extended, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);
}

static void
test_missing_id_is_rejected (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  g_autoptr(GBytes) without = wb_test_rewrite (bytes, "id", NULL);
  g_autoptr(GBytes) empty = wb_test_rewrite (bytes, "id", g_variant_new_string (""));
  g_autoptr(GBytes) odd = wb_test_rewrite (bytes, "id", g_variant_new_string ("not an id!"));

  assert_rejected (entity, without, WB_CORE_ERROR_FORMAT);
  /* An empty id would otherwise be replaced by a fresh random one. */
  assert_rejected (entity, empty, WB_CORE_ERROR_FORMAT);
  assert_rejected (entity, odd, WB_CORE_ERROR_FORMAT);
}

static void
test_every_field_of_the_wrong_type_is_rejected (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  g_autoptr(GVariant) record = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  guint n_checked = 0;

  record = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
  g_variant_iter_init (&iter, record);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GBytes) broken = NULL;
      GVariant *other;

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        other = g_variant_new_int32 (1);
      else
        other = g_variant_new_string ("1");

      broken = wb_test_rewrite (bytes, key, other);
      assert_rejected (entity, broken, WB_CORE_ERROR_FORMAT);
      n_checked++;
    }

  /* kind, version, id and at least one field of the entity */
  g_assert_cmpuint (n_checked, >=, 4);
}

static void
test_wrong_kind_is_rejected (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  const Entity *other = entity == &entities[0] ? &entities[1] : &entities[0];
  g_autoptr(GBytes) no_kind = wb_test_rewrite (bytes, "wb-kind", NULL);

  /* A record of another kind, as if a blob were moved to another table */
  assert_rejected (other, bytes, WB_CORE_ERROR_FORMAT);
  assert_rejected (entity, no_kind, WB_CORE_ERROR_FORMAT);
}

static void
test_newer_or_missing_version_is_rejected (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  g_autoptr(GBytes) newer = wb_test_rewrite (bytes, "wb-version", g_variant_new_uint32 (2));
  g_autoptr(GBytes) zero = wb_test_rewrite (bytes, "wb-version", g_variant_new_uint32 (0));
  g_autoptr(GBytes) missing = wb_test_rewrite (bytes, "wb-version", NULL);

  assert_rejected (entity, newer, WB_CORE_ERROR_UNSUPPORTED_VERSION);
  assert_rejected (entity, zero, WB_CORE_ERROR_FORMAT);
  assert_rejected (entity, missing, WB_CORE_ERROR_FORMAT);
}

static void
test_garbage_is_rejected (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GVariant) tuple = g_variant_ref_sink (g_variant_new ("(ss)", "wb-kind", entity->kind));
  g_autoptr(GBytes) tuple_bytes = g_variant_get_data_as_bytes (tuple);

  assert_rejected (entity, empty, WB_CORE_ERROR_FORMAT);
  assert_rejected (entity, tuple_bytes, WB_CORE_ERROR_FORMAT);

  for (guint round = 0; round < 200; round++)
    {
      gsize len = g_rand_int_range (rand, 1, 512);
      g_autofree guint8 *junk = g_malloc (len);
      g_autoptr(GBytes) bytes = NULL;

      for (gsize i = 0; i < len; i++)
        junk[i] = g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new_take (g_steal_pointer (&junk), len);

      assert_rejected (entity, bytes, WB_CORE_ERROR_FORMAT);
    }
}

static void
test_truncated_record_is_rejected (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  gsize size = g_bytes_get_size (bytes);

  for (gsize len = 0; len < size; len++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (bytes, 0, len);

      assert_rejected (entity, part, WB_CORE_ERROR_FORMAT);
    }
}

static void
test_flipped_bytes_never_crash (gconstpointer data)
{
  const Entity *entity = data;
  g_autoptr(GBytes) bytes = valid_bytes (entity);
  gsize size = g_bytes_get_size (bytes);
  guint n_rejected = 0;

  for (gsize i = 0; i < size; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      g_autoptr(GBytes) flipped = NULL;
      g_autoptr(GObject) object = NULL;
      g_autoptr(GError) error = NULL;

      copy[i] ^= 0xff;
      flipped = g_bytes_new_take (g_steal_pointer (&copy), size);
      object = entity->deserialize (flipped, &error);

      /* A flip inside a text value can leave a valid record; anything else
       * must come back as an error, never as a crash or a warning. */
      g_assert_true ((object == NULL) == (error != NULL));
      n_rejected += object == NULL;
    }

  g_assert_cmpuint (n_rejected, >, 0);
}

/* Entity-specific reading rules */

static void
test_case_missing_reference_is_rejected (void)
{
  g_autoptr(WbCase) self = wb_test_valid_case ();
  g_autoptr(GBytes) bytes = wb_case_serialize (self);
  g_autoptr(GBytes) without = wb_test_rewrite (bytes, "reference", NULL);
  g_autoptr(WbCase) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_case_deserialize (without, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "reference"));
}

static void
test_case_unknown_status_is_rejected (void)
{
  g_autoptr(WbCase) self = wb_test_valid_case ();
  g_autoptr(GBytes) bytes = wb_case_serialize (self);
  g_autoptr(GBytes) broken = wb_test_rewrite (bytes, "status", g_variant_new_string ("lost"));
  g_autoptr(WbCase) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_case_deserialize (broken, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
}

static void
test_case_optional_fields_may_be_missing (void)
{
  g_autoptr(WbCase) self = wb_test_valid_case ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) minimal = NULL;
  g_autoptr(WbCase) copy = NULL;
  g_autoptr(GError) error = NULL;

  wb_case_set_assignee (self, NULL);
  wb_case_set_retain_until (self, NULL);
  bytes = wb_case_serialize (self);
  minimal = wb_test_rewrite (bytes, "urgency", NULL);

  copy = wb_case_deserialize (minimal, &error);
  g_assert_no_error (error);
  g_assert_null (wb_case_get_assignee (copy));
  g_assert_null (wb_case_get_retain_until (copy));
  g_assert_cmpint (wb_case_get_urgency (copy), ==, WB_URGENCY_NORMAL);
  g_assert_cmpstr (wb_case_get_id (copy), ==, wb_case_get_id (self));
}

static void
test_incident_unknown_flag_is_rejected (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();
  g_autoptr(GBytes) bytes = wb_incident_serialize (self);
  const char *types[] = { "threat", "alien-abduction", NULL };
  g_autoptr(GBytes) broken = wb_test_rewrite (bytes, "types", g_variant_new_strv (types, -1));
  g_autoptr(WbIncident) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_incident_deserialize (broken, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
}

static void
test_incident_impossible_date_is_rejected (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();
  g_autoptr(GBytes) bytes = wb_incident_serialize (self);
  g_autoptr(GBytes) broken = wb_test_rewrite (bytes, "start", g_variant_new_int64 (G_MAXINT64));
  g_autoptr(WbIncident) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_incident_deserialize (broken, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
}

static void
test_incident_dates_before_1970_survive (void)
{
  g_autoptr(WbIncident) self = wb_test_valid_incident ();
  g_autoptr(GDateTime) old = g_date_time_new_utc (1969, 12, 31, 23, 59, 59.5);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WbIncident) copy = NULL;
  g_autoptr(GError) error = NULL;

  wb_incident_set_start (self, old);
  bytes = wb_incident_serialize (self);
  copy = wb_incident_deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (wb_incident_get_start (copy), old));
}

static void
test_consent_retention_out_of_range_is_rejected (void)
{
  g_autoptr(WbConsent) self = wb_test_valid_consent ();
  g_autoptr(GBytes) bytes = wb_consent_serialize (self);
  g_autoptr(GBytes) broken = wb_test_rewrite (bytes, "retention-months",
                                              g_variant_new_uint32 (100000));
  g_autoptr(WbConsent) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_consent_deserialize (broken, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
}

static void
test_follow_up_without_case_is_rejected (void)
{
  g_autoptr(WbFollowUp) self = wb_test_valid_follow_up ();
  g_autoptr(GBytes) bytes = wb_follow_up_serialize (self);
  g_autoptr(GBytes) no_case = wb_test_rewrite (bytes, "case-id", NULL);
  g_autoptr(GBytes) no_due = wb_test_rewrite (bytes, "due", NULL);
  g_autoptr(WbFollowUp) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_follow_up_deserialize (no_case, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
  g_clear_error (&error);

  copy = wb_follow_up_deserialize (no_due, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
}

static void
test_timeline_history_survives (void)
{
  g_autoptr(WbTimelineEntry) self = wb_test_valid_timeline_entry ();
  g_autoptr(GDateTime) first_edit = wb_test_date (2026, 3, 4);
  g_autoptr(GDateTime) second_edit = wb_test_date (2026, 3, 6);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WbTimelineEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *history;
  WbTimelineRevision *revision;

  g_assert_true (wb_timeline_entry_edit (self, "Tweede versie", "editor_1", first_edit));
  g_assert_true (wb_timeline_entry_edit (self, "Derde versie", NULL, second_edit));

  bytes = wb_timeline_entry_serialize (self);
  copy = wb_timeline_entry_deserialize (bytes, &error);
  g_assert_no_error (error);
  wb_test_assert_same_properties (self, copy);

  history = wb_timeline_entry_get_history (copy);
  g_assert_cmpuint (history->len, ==, 2);
  revision = g_ptr_array_index (history, 0);
  g_assert_cmpstr (revision->text, ==, "Gebeld; melder voelt zich veiliger.");
  g_assert_cmpstr (revision->editor, ==, wb_timeline_entry_get_author (self));
  g_assert_true (g_date_time_equal (revision->edited_at, wb_timeline_entry_get_time (self)));
  revision = g_ptr_array_index (history, 1);
  g_assert_cmpstr (revision->text, ==, "Tweede versie");
  g_assert_cmpstr (revision->editor, ==, "editor_1");
  g_assert_true (g_date_time_equal (revision->edited_at, first_edit));
}

static void
test_timeline_history_of_wrong_type_is_rejected (void)
{
  g_autoptr(WbTimelineEntry) self = wb_test_valid_timeline_entry ();
  g_autoptr(GBytes) bytes = wb_timeline_entry_serialize (self);
  const char *texts[] = { "old", NULL };
  g_autoptr(GBytes) broken = wb_test_rewrite (bytes, "history", g_variant_new_strv (texts, -1));
  g_autoptr(GBytes) bad_date = NULL;
  g_autoptr(WbTimelineEntry) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = wb_timeline_entry_deserialize (broken, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
  g_clear_error (&error);

  bad_date = wb_test_rewrite (bytes, "history",
                              g_variant_new_parsed ("[('old', int64 %x, 'someone')]",
                                                    G_MAXINT64));
  copy = wb_timeline_entry_deserialize (bad_date, &error);
  g_assert_null (copy);
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      static const struct {
        const char *name;
        GTestDataFunc func;
      } generic[] = {
        { "round-trip-keeps-every-property", test_round_trip_keeps_every_property },
        { "unknown-keys-are-ignored", test_unknown_keys_are_ignored },
        { "missing-or-invalid-id-is-rejected", test_missing_id_is_rejected },
        { "every-field-of-the-wrong-type-is-rejected",
          test_every_field_of_the_wrong_type_is_rejected },
        { "other-kind-is-rejected", test_wrong_kind_is_rejected },
        { "newer-or-missing-version-is-rejected", test_newer_or_missing_version_is_rejected },
        { "garbage-is-rejected", test_garbage_is_rejected },
        { "truncated-record-is-rejected", test_truncated_record_is_rejected },
        { "flipped-bytes-never-crash", test_flipped_bytes_never_crash },
      };

      for (guint j = 0; j < G_N_ELEMENTS (generic); j++)
        {
          g_autofree char *path = g_strdup_printf ("/core/record/%s/%s",
                                                   entities[i].kind, generic[j].name);
          g_test_add_data_func (path, &entities[i], generic[j].func);
        }
    }

  g_test_add_func ("/core/record/case/missing-reference-is-rejected",
                   test_case_missing_reference_is_rejected);
  g_test_add_func ("/core/record/case/unknown-status-is-rejected",
                   test_case_unknown_status_is_rejected);
  g_test_add_func ("/core/record/case/optional-fields-may-be-missing",
                   test_case_optional_fields_may_be_missing);
  g_test_add_func ("/core/record/incident/unknown-flag-is-rejected",
                   test_incident_unknown_flag_is_rejected);
  g_test_add_func ("/core/record/incident/impossible-date-is-rejected",
                   test_incident_impossible_date_is_rejected);
  g_test_add_func ("/core/record/incident/dates-before-1970-survive",
                   test_incident_dates_before_1970_survive);
  g_test_add_func ("/core/record/consent/retention-out-of-range-is-rejected",
                   test_consent_retention_out_of_range_is_rejected);
  g_test_add_func ("/core/record/follow-up/missing-case-or-due-is-rejected",
                   test_follow_up_without_case_is_rejected);
  g_test_add_func ("/core/record/timeline-entry/history-survives",
                   test_timeline_history_survives);
  g_test_add_func ("/core/record/timeline-entry/history-of-wrong-type-is-rejected",
                   test_timeline_history_of_wrong_type_is_rejected);

  return g_test_run ();
}
