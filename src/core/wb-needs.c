/* wb-needs.c: the support a reporter asks for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-needs.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "needs"

struct _WbNeeds
{
  GObject parent_instance;

  char    *id;
  char    *case_id;
  WbNeed   needs;
  char    *details;
};

G_DEFINE_FINAL_TYPE (WbNeeds, wb_needs, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_NEEDS,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "case-id",
  "needs",
  "details",
  NULL
};
static const char * const required_properties[] = {
  "id",
  NULL
};

static void
wb_needs_constructed (GObject *object)
{
  WbNeeds *self = (WbNeeds *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_needs_parent_class)->constructed (object);
}

static void
wb_needs_finalize (GObject *object)
{
  WbNeeds *self = (WbNeeds *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->details);

  G_OBJECT_CLASS (wb_needs_parent_class)->finalize (object);
}

static void
wb_needs_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WbNeeds *self = WB_NEEDS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_NEEDS:
      g_value_set_flags (value, self->needs);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_needs_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WbNeeds *self = WB_NEEDS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      wb_needs_set_case_id (self, g_value_get_string (value));
      break;

    case PROP_NEEDS:
      wb_needs_set_needs (self, g_value_get_flags (value));
      break;

    case PROP_DETAILS:
      wb_needs_set_details (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_needs_class_init (WbNeedsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_needs_constructed;
  object_class->finalize = wb_needs_finalize;
  object_class->get_property = wb_needs_get_property;
  object_class->set_property = wb_needs_set_property;

  /* Random and fixed: given at construction, or made then. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NEEDS] =
    g_param_spec_flags ("needs", NULL, NULL,
                        WB_TYPE_NEED,
                        0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* Free text: what exactly is needed, and the "other" need. */
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_needs_init (WbNeeds *self)
{

}

WbNeeds *
wb_needs_new (void)
{
  return g_object_new (WB_TYPE_NEEDS, NULL);
}

const char *
wb_needs_get_id (WbNeeds *self)
{
  g_return_val_if_fail (WB_IS_NEEDS (self), NULL);

  return self->id;
}

const char *
wb_needs_get_case_id (WbNeeds *self)
{
  g_return_val_if_fail (WB_IS_NEEDS (self), NULL);

  return self->case_id;
}

void
wb_needs_set_case_id (WbNeeds    *self,
                      const char *case_id)
{
  g_return_if_fail (WB_IS_NEEDS (self));

  if (wb_set_str (&self->case_id, case_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

WbNeed
wb_needs_get_needs (WbNeeds *self)
{
  g_return_val_if_fail (WB_IS_NEEDS (self), 0);

  return self->needs;
}

void
wb_needs_set_needs (WbNeeds *self,
                    WbNeed   needs)
{
  g_return_if_fail (WB_IS_NEEDS (self));

  if (self->needs == needs)
    return;

  self->needs = needs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS]);
}

const char *
wb_needs_get_details (WbNeeds *self)
{
  g_return_val_if_fail (WB_IS_NEEDS (self), NULL);

  return self->details;
}

void
wb_needs_set_details (WbNeeds    *self,
                      const char *details)
{
  g_return_if_fail (WB_IS_NEEDS (self));

  if (wb_set_str (&self->details, details))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

/**
 * wb_needs_serialize:
 * @self: a #WbNeeds
 *
 * Returns: (transfer full): the needs as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_needs_serialize (WbNeeds *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_NEEDS (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_needs_deserialize:
 * @bytes: bytes from wb_needs_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the needs
 */
WbNeeds *
wb_needs_deserialize (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbNeeds) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_NEEDS, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_needs_validate:
 * @self: a #WbNeeds
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the needs may be saved
 */
gboolean
wb_needs_validate (WbNeeds   *self,
                   GPtrArray *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_NEEDS (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_record_id (issues, "case-id", self->case_id, NULL);
  ok &= wb_check_text (issues, "details", self->details, WB_TEXT_MAX_CHARS,
                       (self->needs & WB_NEED_OTHER) != 0
                       ? WB_TEXT_REQUIRED | WB_TEXT_MULTILINE : WB_TEXT_MULTILINE,
                       _("Describe the other need."));

  return ok;
}

/**
 * wb_needs_check:
 * @self: a #WbNeeds
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the needs may be saved
 */
gboolean
wb_needs_check (WbNeeds  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_NEEDS (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_needs_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
