/* wb-intake-draft.c: a half-done intake, as the sealed record that keeps it over a lock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard's fields are kept as they were typed, not as entities: a
 * draft may be invalid anywhere. What is checked here is the shape, so a
 * damaged or foreign record is refused instead of filling the wizard with
 * defaults; unknown fields (from a newer version) are dropped.
 *
 * "updated" (when the draft was last written) came after "started". A
 * record without it reads as last written when it was started: the
 * earliest moment it can have been, so it is listed for removal no later
 * than a draft that carries the field. Listing too early costs nothing
 * (removing takes a check and a confirmation); never listing would keep
 * a reporter's details for good.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-core-error.h"
#include "wb-intake-draft.h"
#include "wb-record-id.h"
#include "wb-record-private.h"

static const struct
{
  const char *key;
  const char *type;
} field_types[] = {
  { "acute", "b" },
  { "name", "s" },
  { "role", "u" },
  { "municipality", "s" },
  { "association", "u" },
  { "party", "s" },
  { "phone", "s" },
  { "email", "s" },
  { "callback-times", "s" },
  { "callback-channel", "u" },
  { "referred-by", "u" },
  { "types", "u" },
  { "channels", "u" },
  { "targets", "u" },
  { "date", "s" },
  { "end-date", "s" },
  { "ongoing", "b" },
  { "description", "s" },
  { "perpetrator-known", "b" },
  { "family-involved", "b" },
  { "police-informed", "b" },
  { "police-report", "u" },
  { "measures", "s" },
  { "urgency", "u" },
  { "urgency-chosen", "b" },
  { "override-reason", "s" },
  { "needs", "u" },
  { "details", "s" },
  { "consent-store", "b" },
  { "consent-share", "b" },
  { "retention", "u" },
  { "contact", "s" },
  { "plan", "u" },
  { "partners", "as" },
  { "follow-ups", "a(ss)" },
  { "touched", "as" },
};

/**
 * wb_intake_draft_field_type:
 * @key: a field name
 *
 * Returns: (nullable): the type of the field, or %NULL for an unknown one
 */
const GVariantType *
wb_intake_draft_field_type (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (field_types); i++)
    if (g_str_equal (field_types[i].key, key))
      return G_VARIANT_TYPE (field_types[i].type);
  return NULL;
}

static GVariant *
empty_fields (void)
{
  return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
}

WbIntakeDraft *
wb_intake_draft_new (void)
{
  WbIntakeDraft *draft = g_new0 (WbIntakeDraft, 1);

  draft->id = wb_record_id_new ();
  draft->started = g_date_time_new_now_utc ();
  draft->updated = g_date_time_ref (draft->started);
  draft->fields = empty_fields ();
  return draft;
}

void
wb_intake_draft_free (WbIntakeDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_clear_pointer (&draft->started, g_date_time_unref);
  g_clear_pointer (&draft->updated, g_date_time_unref);
  g_clear_pointer (&draft->fields, g_variant_unref);
  g_free (draft);
}

/**
 * wb_intake_draft_touch:
 *
 * Marks the draft as written now; call it before each put.
 */
void
wb_intake_draft_touch (WbIntakeDraft *draft)
{
  g_return_if_fail (draft != NULL);

  g_clear_pointer (&draft->updated, g_date_time_unref);
  draft->updated = g_date_time_new_now_utc ();
}

static gboolean
format_error (GError     **error,
              const char  *key)
{
  /* Translators: %s is the name of a field of a saved intake draft */
  g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
               _("The draft has a field “%s” that is missing or of the wrong type."), key);
  return FALSE;
}

/**
 * wb_intake_draft_check_fields:
 * @fields: the fields of a draft
 * @error: return location for a %WB_CORE_ERROR_FORMAT error
 *
 * Returns: whether @fields is an a{sv} whose known fields have their types
 */
gboolean
wb_intake_draft_check_fields (GVariant  *fields,
                              GError   **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (!g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT))
    return format_error (error, "fields");
  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      const GVariantType *type = wb_intake_draft_field_type (key);

      if (type != NULL && !g_variant_is_of_type (value, type))
        {
          g_autofree char *copy = g_strdup (key);

          g_variant_unref (value);
          return format_error (error, copy);
        }
    }
  return TRUE;
}

/* Known fields only, so what a newer version added is not carried along. */
static GVariant *
known_fields (GVariant *fields)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    if (wb_intake_draft_field_type (key) != NULL)
      g_variant_builder_add (&builder, "{sv}", key, value);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * wb_intake_draft_set_fields:
 * @draft: a draft
 * @fields: an a{sv} that passes wb_intake_draft_check_fields()
 */
void
wb_intake_draft_set_fields (WbIntakeDraft *draft,
                            GVariant      *fields)
{
  g_return_if_fail (draft != NULL);
  g_return_if_fail (fields != NULL && wb_intake_draft_check_fields (fields, NULL));

  g_clear_pointer (&draft->fields, g_variant_unref);
  draft->fields = known_fields (fields);
}

/**
 * wb_intake_draft_get_reporter_name:
 *
 * Returns: (nullable): the reporter's name as typed, %NULL when there is none
 */
const char *
wb_intake_draft_get_reporter_name (WbIntakeDraft *draft)
{
  const char *name = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  if (!g_variant_lookup (draft->fields, "name", "&s", &name) || *name == '\0')
    return NULL;
  return name;
}

/**
 * wb_intake_draft_serialize:
 *
 * Returns: (transfer full): the draft as an a{sv} record, for the store to seal
 */
GBytes *
wb_intake_draft_serialize (WbIntakeDraft *draft)
{
  GVariantBuilder builder;

  g_return_val_if_fail (draft != NULL && draft->id != NULL && draft->started != NULL, NULL);

  wb_record_builder_init (&builder, WB_INTAKE_DRAFT_KIND);
  g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (draft->id));
  g_variant_builder_add (&builder, "{sv}", "started", wb_date_time_to_variant (draft->started));
  g_variant_builder_add (&builder, "{sv}", "updated",
                         wb_date_time_to_variant (draft->updated ? draft->updated : draft->started));
  g_variant_builder_add (&builder, "{sv}", "step", g_variant_new_uint32 (draft->step));
  g_variant_builder_add (&builder, "{sv}", "fields", draft->fields);
  return wb_record_builder_end (&builder);
}

/**
 * wb_intake_draft_deserialize:
 * @bytes: bytes from wb_intake_draft_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Returns: (transfer full) (nullable): the draft
 */
WbIntakeDraft *
wb_intake_draft_deserialize (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) id = NULL;
  g_autoptr(GVariant) started = NULL;
  g_autoptr(GVariant) updated = NULL;
  g_autoptr(GVariant) step = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(WbIntakeDraft) draft = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, WB_INTAKE_DRAFT_KIND, error);
  if (record == NULL)
    return NULL;
  id = g_variant_lookup_value (record, "id", G_VARIANT_TYPE_STRING);
  if (id == NULL || !wb_record_id_is_valid (g_variant_get_string (id, NULL)))
    return format_error (error, "id"), NULL;
  started = g_variant_lookup_value (record, "started", G_VARIANT_TYPE_INT64);
  if (started == NULL)
    return format_error (error, "started"), NULL;
  /* Optional (see the top of the file); present but of another type is damage. */
  updated = g_variant_lookup_value (record, "updated", NULL);
  if (updated != NULL && !g_variant_is_of_type (updated, G_VARIANT_TYPE_INT64))
    return format_error (error, "updated"), NULL;
  step = g_variant_lookup_value (record, "step", G_VARIANT_TYPE_UINT32);
  if (step == NULL || g_variant_get_uint32 (step) >= WB_INTAKE_DRAFT_N_STEPS)
    return format_error (error, "step"), NULL;
  fields = g_variant_lookup_value (record, "fields", NULL);
  if (fields == NULL || !wb_intake_draft_check_fields (fields, error))
    return fields == NULL ? (format_error (error, "fields"), NULL) : NULL;

  draft = g_new0 (WbIntakeDraft, 1);
  draft->id = g_variant_dup_string (id, NULL);
  draft->started = wb_date_time_from_variant (started);
  if (draft->started == NULL)
    return format_error (error, "started"), NULL;
  draft->updated = updated ? wb_date_time_from_variant (updated) : g_date_time_ref (draft->started);
  if (draft->updated == NULL)
    return format_error (error, "updated"), NULL;
  draft->step = g_variant_get_uint32 (step);
  draft->fields = known_fields (fields);
  return g_steal_pointer (&draft);
}
