/* wb-record.c: setters and the GVariant record format shared by the entities.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"

/* Setters: return whether the value changed, so the caller notifies only then. */

gboolean
wb_set_str (char       **ptr,
            const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

gboolean
wb_set_strv (char               ***ptr,
             const char * const   *value)
{
  if (*ptr == NULL && value == NULL)
    return FALSE;
  if (*ptr != NULL && value != NULL && g_strv_equal ((const char * const *) *ptr, value))
    return FALSE;

  g_strfreev (*ptr);
  *ptr = g_strdupv ((char **) value);
  return TRUE;
}

gboolean
wb_set_date_time (GDateTime **ptr,
                  GDateTime  *value)
{
  if (*ptr == value)
    return FALSE;
  if (*ptr != NULL && value != NULL && g_date_time_equal (*ptr, value))
    return FALSE;

  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (ptr, g_date_time_unref);
  *ptr = value;
  return TRUE;
}

/* Moments are stored as microseconds since the Unix epoch in UTC ('x'): the
 * instant survives exactly, the time zone is the reader's to choose. */

GVariant *
wb_date_time_to_variant (GDateTime *date_time)
{
  gint64 usec;

  g_return_val_if_fail (date_time != NULL, NULL);

  usec = g_date_time_to_unix (date_time) * G_USEC_PER_SEC
         + g_date_time_get_microsecond (date_time);

  return g_variant_new_int64 (usec);
}

GDateTime *
wb_date_time_from_variant (GVariant *variant)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 usec;
  gint64 sec;
  gint64 rest;

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64), NULL);

  usec = g_variant_get_int64 (variant);
  sec = usec / G_USEC_PER_SEC;
  rest = usec % G_USEC_PER_SEC;
  if (rest < 0)
    {
      sec -= 1;
      rest += G_USEC_PER_SEC;
    }

  seconds = g_date_time_new_from_unix_utc (sec);
  if (seconds == NULL)
    return NULL;

  return g_date_time_add (seconds, rest);
}

/* Writing */

void
wb_record_builder_init (GVariantBuilder *builder,
                        const char      *kind)
{
  g_variant_builder_init (builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (builder, "{sv}", WB_RECORD_KEY_KIND, g_variant_new_string (kind));
  g_variant_builder_add (builder, "{sv}", WB_RECORD_KEY_VERSION,
                         g_variant_new_uint32 (WB_RECORD_FORMAT_VERSION));
}

static GVariant *
value_to_variant (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);
      return str != NULL ? g_variant_new_string (str) : NULL;
    }
  else if (type == G_TYPE_BOOLEAN)
    return g_variant_new_boolean (g_value_get_boolean (value));
  else if (type == G_TYPE_UINT)
    return g_variant_new_uint32 (g_value_get_uint (value));
  else if (type == G_TYPE_INT)
    return g_variant_new_int32 (g_value_get_int (value));
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      return strv != NULL ? g_variant_new_strv (strv, -1) : NULL;
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      return dt != NULL ? wb_date_time_to_variant (dt) : NULL;
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      g_return_val_if_fail (ev != NULL, NULL);
      return g_variant_new_string (ev->value_nick);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      GVariantBuilder builder;
      guint flags = g_value_get_flags (value);

      g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
      for (guint i = 0; i < klass->n_values; i++)
        if ((flags & klass->values[i].value) != 0)
          g_variant_builder_add (&builder, "s", klass->values[i].value_nick);
      return g_variant_builder_end (&builder);
    }

  g_return_val_if_reached (NULL);
}

void
wb_record_builder_add_props (GVariantBuilder    *builder,
                             GObject            *object,
                             const char * const *props)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);

  for (guint i = 0; props[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (klass, props[i]);
      GVariant *variant;

      g_assert (pspec != NULL);

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, props[i], &value);

      /* Unset optional values are left out. */
      variant = value_to_variant (&value);
      if (variant != NULL)
        g_variant_builder_add (builder, "{sv}", props[i], variant);
    }
}

GBytes *
wb_record_builder_end (GVariantBuilder *builder)
{
  g_autoptr(GVariant) record = g_variant_ref_sink (g_variant_builder_end (builder));

  return g_variant_get_data_as_bytes (record);
}

/* Reading */

static gboolean format_error (GError     **error,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* Always returns FALSE. */
static gboolean
format_error (GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT, message);
  return FALSE;
}

/**
 * wb_record_lookup:
 * @record: an a{sv} record
 * @key: the key
 * @type: the type the value must have
 * @error: set if the key has another type
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when @key is
 *   missing (without an error) or of the wrong type (with one)
 */
GVariant *
wb_record_lookup (GVariant            *record,
                  const char          *key,
                  const GVariantType  *type,
                  GError             **error)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (record, key, NULL);

  if (value != NULL && !g_variant_is_of_type (value, type))
    {
      /* Translators: %s is the name of a field in a stored record */
      format_error (error, _("The stored record has a field “%s” of the wrong type."), key);
      return NULL;
    }

  return g_steal_pointer (&value);
}

/**
 * wb_record_open:
 * @bytes: serialized record
 * @kind: the record kind expected, e.g. "case"
 * @error: return location for a %WB_CORE_ERROR error
 *
 * Parses @bytes as a record of @kind in a format version this code reads.
 *
 * Returns: (transfer full) (nullable): the a{sv} record
 */
GVariant *
wb_record_open (GBytes      *bytes,
                const char  *kind,
                GError     **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) kind_v = NULL;
  g_autoptr(GVariant) version_v = NULL;
  g_autoptr(GError) local_error = NULL;
  guint32 version;

  g_return_val_if_fail (bytes != NULL, NULL);

  record = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));

  /* Data not in normal form was not written by us: treat it as damaged
   * rather than reading the defaults GVariant substitutes. */
  if (!g_variant_is_normal_form (record))
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                           _("The stored record is damaged."));
      return NULL;
    }

  kind_v = wb_record_lookup (record, WB_RECORD_KEY_KIND, G_VARIANT_TYPE_STRING, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (kind_v == NULL || g_strcmp0 (g_variant_get_string (kind_v, NULL), kind) != 0)
    {
      /* Translators: %s is a record kind such as "case" or "person" */
      format_error (error, _("The stored record is not of the kind “%s”."), kind);
      return NULL;
    }

  version_v = wb_record_lookup (record, WB_RECORD_KEY_VERSION, G_VARIANT_TYPE_UINT32,
                                &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (version_v == NULL || (version = g_variant_get_uint32 (version_v)) == 0)
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                           _("The stored record has no valid format version."));
      return NULL;
    }
  if (version > WB_RECORD_FORMAT_VERSION)
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_UNSUPPORTED_VERSION,
                           _("The stored record was written by a newer version of Weerbaar."));
      return NULL;
    }

  return g_steal_pointer (&record);
}

static GVariant *
lookup_for_pspec (GVariant    *record,
                  GParamSpec  *pspec,
                  GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const GVariantType *vtype;

  if (type == G_TYPE_STRING || G_TYPE_IS_ENUM (type))
    vtype = G_VARIANT_TYPE_STRING;
  else if (type == G_TYPE_BOOLEAN)
    vtype = G_VARIANT_TYPE_BOOLEAN;
  else if (type == G_TYPE_UINT)
    vtype = G_VARIANT_TYPE_UINT32;
  else if (type == G_TYPE_INT)
    vtype = G_VARIANT_TYPE_INT32;
  else if (type == G_TYPE_STRV || G_TYPE_IS_FLAGS (type))
    vtype = G_VARIANT_TYPE_STRING_ARRAY;
  else if (type == G_TYPE_DATE_TIME)
    vtype = G_VARIANT_TYPE_INT64;
  else
    g_return_val_if_reached (NULL);

  return wb_record_lookup (record, pspec->name, vtype, error);
}

static gboolean
value_from_variant (GParamSpec  *pspec,
                    GVariant    *variant,
                    GValue      *value,
                    GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, g_variant_get_string (variant, NULL));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_variant_get_boolean (variant));
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, g_variant_get_uint32 (variant));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, g_variant_get_int32 (variant));
  else if (type == G_TYPE_STRV)
    g_value_take_boxed (value, g_variant_dup_strv (variant, NULL));
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = wb_date_time_from_variant (variant);

      if (dt == NULL)
        /* Translators: %s is the name of a field in a stored record */
        return format_error (error, _("The stored record has an impossible date in “%s”."),
                             pspec->name);
      g_value_take_boxed (value, dt);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, g_variant_get_string (variant, NULL));

      if (ev == NULL)
        /* Translators: %s is the name of a field in a stored record */
        return format_error (error, _("The stored record has an unknown value in “%s”."),
                             pspec->name);
      g_value_set_enum (value, ev->value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      g_autofree const char **nicks = g_variant_get_strv (variant, NULL);
      guint flags = 0;

      for (guint i = 0; nicks[i] != NULL; i++)
        {
          GFlagsValue *fv = g_flags_get_value_by_nick (klass, nicks[i]);

          if (fv == NULL)
            return format_error (error, _("The stored record has an unknown value in “%s”."),
                                 pspec->name);
          flags |= fv->value;
        }
      g_value_set_flags (value, flags);
    }
  else
    g_return_val_if_reached (FALSE);

  /* Out of the property's range: refuse rather than let GObject clamp it. */
  if (g_param_value_validate (pspec, value))
    return format_error (error, _("The stored record has an unknown value in “%s”."),
                         pspec->name);

  return TRUE;
}

/**
 * wb_record_new_object:
 * @type: the GObject type to make
 * @record: a record from wb_record_open()
 * @props: the writable properties to read, %NULL-terminated
 * @required: those of @props that must be present, %NULL-terminated
 * @error: return location for a %WB_CORE_ERROR_FORMAT error
 *
 * Returns: (transfer full) (nullable): a new object of @type
 */
gpointer
wb_record_new_object (GType                type,
                      GVariant            *record,
                      const char * const  *props,
                      const char * const  *required,
                      GError             **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  for (guint i = 0; required[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_variant_lookup_value (record, required[i], NULL);

      if (value == NULL)
        {
          /* Translators: %s is the name of a field in a stored record */
          format_error (error, _("The stored record lacks the field “%s”."), required[i]);
          return NULL;
        }
    }

  /* Checked here: the objects replace an empty id with a new random one. */
  {
    g_autoptr(GVariant) id = g_variant_lookup_value (record, "id", G_VARIANT_TYPE_STRING);

    if (id != NULL && !wb_record_id_is_valid (g_variant_get_string (id, NULL)))
      {
        g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                             _("The stored record has an invalid id."));
        return NULL;
      }
  }

  for (guint i = 0; props[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), props[i]);
      g_autoptr(GVariant) variant = NULL;
      g_autoptr(GError) local_error = NULL;
      GValue value = G_VALUE_INIT;

      g_assert (pspec != NULL);

      /* A missing optional field keeps its default; the wrong type is an error. */
      variant = lookup_for_pspec (record, pspec, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (variant == NULL)
        continue;

      if (!value_from_variant (pspec, variant, &value, error))
        {
          if (G_IS_VALUE (&value))
            g_value_unset (&value);
          return NULL;
        }

      g_ptr_array_add (names, (gpointer) pspec->name);
      g_array_append_val (values, value);
    }

  return g_object_new_with_properties (type, names->len, (const char **) names->pdata,
                                       (const GValue *) values->data);
}
