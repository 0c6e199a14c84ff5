/* wb-case.c: a support case: reference, status, urgency and who handles it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-case.h"
#include "wb-case-reference.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "case"

struct _WbCase
{
  GObject parent_instance;

  char           *id;
  char           *reference;
  WbCaseStatus    status;
  WbUrgency       urgency;
  WbAssociation   association;
  char           *assignee;
  GDateTime      *created;
  GDateTime      *updated;
  GDateTime      *retain_until;
};

G_DEFINE_FINAL_TYPE (WbCase, wb_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_STATUS,
  PROP_URGENCY,
  PROP_ASSOCIATION,
  PROP_ASSIGNEE,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_RETAIN_UNTIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "reference",
  "status",
  "urgency",
  "association",
  "assignee",
  "created",
  "updated",
  "retain-until",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "reference",
  "created",
  NULL
};

static void
wb_case_constructed (GObject *object)
{
  WbCase *self = (WbCase *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_case_parent_class)->constructed (object);
}

static void
wb_case_finalize (GObject *object)
{
  WbCase *self = (WbCase *) object;

  g_free (self->id);
  g_free (self->reference);
  g_free (self->assignee);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->retain_until, g_date_time_unref);

  G_OBJECT_CLASS (wb_case_parent_class)->finalize (object);
}

static void
wb_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WbCase *self = WB_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_URGENCY:
      g_value_set_enum (value, self->urgency);
      break;

    case PROP_ASSOCIATION:
      g_value_set_enum (value, self->association);
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, self->assignee);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_RETAIN_UNTIL:
      g_value_set_boxed (value, self->retain_until);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WbCase *self = WB_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_REFERENCE:
      wb_case_set_reference (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      wb_case_set_status (self, g_value_get_enum (value));
      break;

    case PROP_URGENCY:
      wb_case_set_urgency (self, g_value_get_enum (value));
      break;

    case PROP_ASSOCIATION:
      wb_case_set_association (self, g_value_get_enum (value));
      break;

    case PROP_ASSIGNEE:
      wb_case_set_assignee (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      wb_case_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED:
      wb_case_set_updated (self, g_value_get_boxed (value));
      break;

    case PROP_RETAIN_UNTIL:
      wb_case_set_retain_until (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_case_class_init (WbCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_case_constructed;
  object_class->finalize = wb_case_finalize;
  object_class->get_property = wb_case_get_property;
  object_class->set_property = wb_case_set_property;

  /* Random and fixed: given at construction, or made then. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       WB_TYPE_CASE_STATUS,
                       WB_CASE_STATUS_NEW,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_URGENCY] =
    g_param_spec_enum ("urgency", NULL, NULL,
                       WB_TYPE_URGENCY,
                       WB_URGENCY_NORMAL,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_ASSOCIATION] =
    g_param_spec_enum ("association", NULL, NULL,
                       WB_TYPE_ASSOCIATION,
                       WB_ASSOCIATION_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* The account id of the contact person, or NULL. */
  properties[PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* When the case is due for deletion, or NULL while undecided. */
  properties[PROP_RETAIN_UNTIL] =
    g_param_spec_boxed ("retain-until", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_case_init (WbCase *self)
{
  self->status = WB_CASE_STATUS_NEW;
  self->urgency = WB_URGENCY_NORMAL;
  self->association = WB_ASSOCIATION_NONE;
  self->created = g_date_time_new_now_utc ();
  self->updated = g_date_time_ref (self->created);
}

WbCase *
wb_case_new (void)
{
  return g_object_new (WB_TYPE_CASE, NULL);
}

const char *
wb_case_get_id (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  return self->id;
}

const char *
wb_case_get_reference (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  return self->reference;
}

void
wb_case_set_reference (WbCase     *self,
                       const char *reference)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (wb_set_str (&self->reference, reference))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

WbCaseStatus
wb_case_get_status (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), 0);

  return self->status;
}

void
wb_case_set_status (WbCase       *self,
                    WbCaseStatus  status)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

WbUrgency
wb_case_get_urgency (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), 0);

  return self->urgency;
}

void
wb_case_set_urgency (WbCase    *self,
                     WbUrgency  urgency)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (self->urgency == urgency)
    return;

  self->urgency = urgency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENCY]);
}

WbAssociation
wb_case_get_association (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), 0);

  return self->association;
}

void
wb_case_set_association (WbCase        *self,
                         WbAssociation  association)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (self->association == association)
    return;

  self->association = association;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSOCIATION]);
}

const char *
wb_case_get_assignee (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  return self->assignee;
}

void
wb_case_set_assignee (WbCase     *self,
                      const char *assignee)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (wb_set_str (&self->assignee, assignee))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE]);
}

GDateTime *
wb_case_get_created (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  return self->created;
}

void
wb_case_set_created (WbCase    *self,
                     GDateTime *created)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (wb_set_date_time (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

GDateTime *
wb_case_get_updated (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  return self->updated;
}

void
wb_case_set_updated (WbCase    *self,
                     GDateTime *updated)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (wb_set_date_time (&self->updated, updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

GDateTime *
wb_case_get_retain_until (WbCase *self)
{
  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  return self->retain_until;
}

void
wb_case_set_retain_until (WbCase    *self,
                          GDateTime *retain_until)
{
  g_return_if_fail (WB_IS_CASE (self));

  if (wb_set_date_time (&self->retain_until, retain_until))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETAIN_UNTIL]);
}

/**
 * wb_case_touch:
 * @self: a #WbCase
 *
 * Sets #WbCase:updated to now.
 */
void
wb_case_touch (WbCase *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (WB_IS_CASE (self));

  wb_case_set_updated (self, now);
}

/**
 * wb_case_serialize:
 * @self: a #WbCase
 *
 * Returns: (transfer full): the case as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_case_serialize (WbCase *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_CASE (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_case_deserialize:
 * @bytes: bytes from wb_case_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the case
 */
WbCase *
wb_case_deserialize (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbCase) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_CASE, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_case_validate:
 * @self: a #WbCase
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the case may be saved
 */
gboolean
wb_case_validate (WbCase    *self,
                  GPtrArray *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_CASE (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  if (wb_is_blank (self->reference))
    ok = wb_issue_add (issues, "reference", _("Enter a case reference."));
  else if (!wb_case_reference_is_valid (self->reference))
    /* Translators: keep the example reference as it is */
    ok = wb_issue_add (issues, "reference", _("Use a reference like OT-2026-0042."));

  if (self->association == WB_ASSOCIATION_NONE)
    ok = wb_issue_add (issues, "association",
                       _("Choose the association that received the report."));

  ok &= wb_check_record_id (issues, "assignee", self->assignee, NULL);

  if (self->created == NULL)
    ok = wb_issue_add (issues, "created", _("The case has no creation time."));
  else if (self->updated != NULL && g_date_time_compare (self->updated, self->created) < 0)
    ok = wb_issue_add (issues, "updated",
                       _("The last change cannot be before the case was created."));
  else if (self->retain_until != NULL
           && g_date_time_compare (self->retain_until, self->created) < 0)
    ok = wb_issue_add (issues, "retain-until",
                       _("The retention date cannot be before the case was created."));

  return ok;
}

/**
 * wb_case_check:
 * @self: a #WbCase
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the case may be saved
 */
gboolean
wb_case_check (WbCase  *self,
               GError **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_CASE (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_case_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
