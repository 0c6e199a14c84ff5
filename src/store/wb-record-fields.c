/* wb-record-fields.c: the few fields of a core record the case index needs, read in one pass.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core's deserializers build a GObject and look every property up in the
 * a{sv} dictionary, about 40 µs a record: 30 s for the records of 100,000
 * cases at unlock. This reads the same documented format (wb-record-private.h:
 * properties by name, enums as nicks, flags as nick arrays, times as int64
 * microseconds) in one pass. Anything unexpected (another version, an
 * unknown nick, a wrong type, a missing required field) goes to core's
 * deserializer, which decides; the index tests compare both paths.
 */
#include "config.h"

#include <string.h>

#include "wb-case-index.h"
#include "wb-core.h"
#include "wb-record-fields.h"

#define FORMAT_VERSION 1

enum
{
  ENUM_STATUS,
  ENUM_URGENCY,
  ENUM_ASSOCIATION,
  ENUM_RELATION,
  ENUM_ROLE,
  ENUM_STATE,
  N_ENUMS
};

typedef struct
{
  GEnumClass  *enums[N_ENUMS];
  GFlagsClass *types;
} Classes;

static const Classes *
classes (void)
{
  static Classes c;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      c.enums[ENUM_STATUS] = g_type_class_ref (WB_TYPE_CASE_STATUS);
      c.enums[ENUM_URGENCY] = g_type_class_ref (WB_TYPE_URGENCY);
      c.enums[ENUM_ASSOCIATION] = g_type_class_ref (WB_TYPE_ASSOCIATION);
      c.enums[ENUM_RELATION] = g_type_class_ref (WB_TYPE_PERSON_RELATION);
      c.enums[ENUM_ROLE] = g_type_class_ref (WB_TYPE_PERSON_ROLE);
      c.enums[ENUM_STATE] = g_type_class_ref (WB_TYPE_FOLLOW_UP_STATE);
      c.types = g_type_class_ref (WB_TYPE_INCIDENT_TYPE);
      g_once_init_leave (&done, 1);
    }
  return &c;
}

typedef struct
{
  gboolean kind_ok;
  gboolean version_ok;
  gboolean has_id;
  gboolean has_start;
} Scan;

/* A child of a serialized GVariant points into its parent's bytes, so the
 * string stays valid as long as fields->record. */
static gboolean
take_string (GVariant     *value,
             const char  **out)
{
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return FALSE;
  *out = g_variant_get_string (value, NULL);
  return TRUE;
}

static gboolean
take_time (GVariant *value,
           gint64   *out)
{
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return FALSE;
  *out = g_variant_get_int64 (value);
  return TRUE;
}

static gboolean
take_enum (GVariant *value,
           guint     which,
           int      *out)
{
  GEnumValue *ev;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return FALSE;
  ev = g_enum_get_value_by_nick (classes ()->enums[which], g_variant_get_string (value, NULL));
  if (ev == NULL)
    return FALSE;
  *out = ev->value;
  return TRUE;
}

static gboolean
take_flags (GVariant *value,
            guint    *out)
{
  GVariantIter iter;
  const char *nick;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    return FALSE;
  *out = 0;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "&s", &nick))
    {
      GFlagsValue *fv = g_flags_get_value_by_nick (classes ()->types, nick);

      if (fv == NULL)
        return FALSE;
      *out |= fv->value;
    }
  return TRUE;
}

/* The store's kinds are short; core names its records in full. */
static const char *
core_kind (const char *kind)
{
  if (strcmp (kind, WB_KIND_FOLLOWUP) == 0)
    return "follow-up";
  if (strcmp (kind, WB_KIND_TIMELINE) == 0)
    return "timeline-entry";
  return kind;
}

static gboolean
take (WbRecordFields *f,
      Scan           *scan,
      const char     *kind,
      const char     *key,
      GVariant       *value)
{
  const char *s = NULL;

  if (strcmp (key, "wb-kind") == 0)
    return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
           (scan->kind_ok = strcmp (g_variant_get_string (value, NULL), core_kind (kind)) == 0);
  if (strcmp (key, "wb-version") == 0)
    return g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32) &&
           (scan->version_ok = g_variant_get_uint32 (value) == FORMAT_VERSION);
  if (strcmp (key, "id") == 0)
    return (scan->has_id = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING));
  if (strcmp (key, "case-id") == 0)
    return take_string (value, &s) &&
           (f->has_case_id = wb_record_id_from_string (s, &f->case_id));
  if (strcmp (key, "reference") == 0)
    return take_string (value, &f->reference);
  if (strcmp (key, "assignee") == 0)
    return take_string (value, &f->assignee);
  if (strcmp (key, "name") == 0)
    return take_string (value, &f->name);
  if (strcmp (key, "municipality") == 0)
    return take_string (value, &f->municipality);
  if (strcmp (key, "description") == 0)
    return take_string (value, &f->description);
  if (strcmp (key, "status") == 0)
    return take_enum (value, ENUM_STATUS, &f->status);
  if (strcmp (key, "urgency") == 0)
    return take_enum (value, ENUM_URGENCY, &f->urgency);
  if (strcmp (key, "association") == 0)
    return take_enum (value, ENUM_ASSOCIATION, &f->association);
  if (strcmp (key, "relation") == 0)
    return take_enum (value, ENUM_RELATION, &f->relation);
  if (strcmp (key, "role") == 0)
    return take_enum (value, ENUM_ROLE, &f->role);
  if (strcmp (key, "state") == 0)
    return take_enum (value, ENUM_STATE, &f->state);
  if (strcmp (key, "types") == 0)
    return take_flags (value, &f->types);
  if (strcmp (key, "created") == 0)
    return take_time (value, &f->created);
  if (strcmp (key, "updated") == 0)
    return take_time (value, &f->updated);
  if (strcmp (key, "due") == 0)
    return take_time (value, &f->due);
  if (strcmp (key, "time") == 0)
    return take_time (value, &f->time);
  if (strcmp (key, "edited-at") == 0)
    return take_time (value, &f->edited_at);
  if (strcmp (key, "start") == 0)
    return (scan->has_start = g_variant_is_of_type (value, G_VARIANT_TYPE_INT64));
  return TRUE;
}

static gboolean
has_required (const WbRecordFields *f,
              const Scan           *scan,
              const char           *kind)
{
  if (!scan->kind_ok || !scan->version_ok || !scan->has_id)
    return FALSE;
  if (strcmp (kind, WB_KIND_CASE) == 0)
    return f->reference != NULL && f->created != 0;
  if (strcmp (kind, WB_KIND_PERSON) == 0)
    return f->name != NULL;
  if (strcmp (kind, WB_KIND_INCIDENT) == 0)
    return scan->has_start;
  if (strcmp (kind, WB_KIND_FOLLOWUP) == 0)
    return f->has_case_id && f->due != 0;
  if (strcmp (kind, WB_KIND_TIMELINE) == 0)
    return f->time != 0;
  return FALSE;
}

static gboolean
read_fast (WbRecordFields *f,
           const char     *kind,
           GBytes         *bytes)
{
  Scan scan = { 0 };
  GVariantIter iter;
  const char *key;
  GVariant *value;
  gboolean ok = TRUE;

  f->record = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
  if (!g_variant_is_normal_form (f->record))
    return FALSE;
  g_variant_iter_init (&iter, f->record);
  while (ok && g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      ok = take (f, &scan, kind, key, value);
      g_variant_unref (value);
    }
  return ok && has_required (f, &scan, kind);
}

static gint64
usec_of (GDateTime *dt)
{
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static gboolean
read_case_id (WbRecordFields *f,
              const char     *hex)
{
  f->has_case_id = hex != NULL && wb_record_id_from_string (hex, &f->case_id);
  return TRUE;
}

static gboolean
read_slow (WbRecordFields *f,
           const char     *kind,
           GBytes         *bytes)
{
  if (strcmp (kind, WB_KIND_CASE) == 0)
    {
      WbCase *c = wb_case_deserialize (bytes, NULL);

      if ((f->object = (GObject *) c) == NULL)
        return FALSE;
      f->reference = wb_case_get_reference (c);
      f->assignee = wb_case_get_assignee (c);
      f->status = wb_case_get_status (c);
      f->urgency = wb_case_get_urgency (c);
      f->association = wb_case_get_association (c);
      f->created = usec_of (wb_case_get_created (c));
      f->updated = usec_of (wb_case_get_updated (c));
      return TRUE;
    }
  if (strcmp (kind, WB_KIND_PERSON) == 0)
    {
      WbPerson *p = wb_person_deserialize (bytes, NULL);

      if ((f->object = (GObject *) p) == NULL)
        return FALSE;
      f->name = wb_person_get_name (p);
      f->municipality = wb_person_get_municipality (p);
      f->relation = wb_person_get_relation (p);
      f->role = wb_person_get_role (p);
      return read_case_id (f, wb_person_get_case_id (p));
    }
  if (strcmp (kind, WB_KIND_INCIDENT) == 0)
    {
      WbIncident *i = wb_incident_deserialize (bytes, NULL);

      if ((f->object = (GObject *) i) == NULL)
        return FALSE;
      f->types = wb_incident_get_types (i);
      f->description = wb_incident_get_description (i);
      return read_case_id (f, wb_incident_get_case_id (i));
    }
  if (strcmp (kind, WB_KIND_FOLLOWUP) == 0)
    {
      WbFollowUp *u = wb_follow_up_deserialize (bytes, NULL);

      if ((f->object = (GObject *) u) == NULL)
        return FALSE;
      f->due = usec_of (wb_follow_up_get_due (u));
      f->state = wb_follow_up_get_state (u);
      return read_case_id (f, wb_follow_up_get_case_id (u));
    }
  if (strcmp (kind, WB_KIND_TIMELINE) == 0)
    {
      WbTimelineEntry *e = wb_timeline_entry_deserialize (bytes, NULL);

      if ((f->object = (GObject *) e) == NULL)
        return FALSE;
      f->time = usec_of (wb_timeline_entry_get_time (e));
      f->edited_at = usec_of (wb_timeline_entry_get_edited_at (e));
      return read_case_id (f, wb_timeline_entry_get_case_id (e));
    }
  return FALSE;
}

/**
 * wb_record_fields_read:
 * @fields: (out caller-allocates): cleared with wb_record_fields_clear()
 *   whatever this returns
 * @kind: one of the WB_KIND_ names of wb-case-index.h
 *
 * Returns: whether @bytes is a record of @kind that core would accept
 */
gboolean
wb_record_fields_read (WbRecordFields *fields,
                       const char     *kind,
                       GBytes         *bytes)
{
  memset (fields, 0, sizeof *fields);
  if (kind == NULL || bytes == NULL)
    return FALSE;
  if (read_fast (fields, kind, bytes))
    return TRUE;
  wb_record_fields_clear (fields);
  return read_slow (fields, kind, bytes);
}

void
wb_record_fields_clear (WbRecordFields *fields)
{
  g_clear_pointer (&fields->record, g_variant_unref);
  g_clear_object (&fields->object);
  memset (fields, 0, sizeof *fields);
}
