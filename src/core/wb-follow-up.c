/* wb-follow-up.c: a planned follow-up of a case, which a reminder announces when due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-follow-up.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "follow-up"

struct _WbFollowUp
{
  GObject parent_instance;

  char              *id;
  char              *case_id;
  GDateTime         *due;
  WbFollowUpKind     kind;
  WbFollowUpTarget   target;
  char              *assignee;
  char              *note;
  WbFollowUpState    state;
  char              *outcome;
};

G_DEFINE_FINAL_TYPE (WbFollowUp, wb_follow_up, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_DUE,
  PROP_KIND,
  PROP_TARGET,
  PROP_ASSIGNEE,
  PROP_NOTE,
  PROP_STATE,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "case-id",
  "due",
  "kind",
  "target",
  "assignee",
  "note",
  "state",
  "outcome",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "case-id",
  "due",
  NULL
};

static void
wb_follow_up_constructed (GObject *object)
{
  WbFollowUp *self = (WbFollowUp *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_follow_up_parent_class)->constructed (object);
}

static void
wb_follow_up_finalize (GObject *object)
{
  WbFollowUp *self = (WbFollowUp *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_free (self->assignee);
  g_free (self->note);
  g_free (self->outcome);

  G_OBJECT_CLASS (wb_follow_up_parent_class)->finalize (object);
}

static void
wb_follow_up_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WbFollowUp *self = WB_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_DUE:
      g_value_set_boxed (value, self->due);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TARGET:
      g_value_set_enum (value, self->target);
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, self->assignee);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_follow_up_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WbFollowUp *self = WB_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      wb_follow_up_set_case_id (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      wb_follow_up_set_due (self, g_value_get_boxed (value));
      break;

    case PROP_KIND:
      wb_follow_up_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TARGET:
      wb_follow_up_set_target (self, g_value_get_enum (value));
      break;

    case PROP_ASSIGNEE:
      wb_follow_up_set_assignee (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      wb_follow_up_set_note (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      wb_follow_up_set_state (self, g_value_get_enum (value));
      break;

    case PROP_OUTCOME:
      wb_follow_up_set_outcome (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_follow_up_class_init (WbFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_follow_up_constructed;
  object_class->finalize = wb_follow_up_finalize;
  object_class->get_property = wb_follow_up_get_property;
  object_class->set_property = wb_follow_up_set_property;

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

  properties[PROP_DUE] =
    g_param_spec_boxed ("due", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       WB_TYPE_FOLLOW_UP_KIND,
                       WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* For whom: the reporter, the partner or the family. */
  properties[PROP_TARGET] =
    g_param_spec_enum ("target", NULL, NULL,
                       WB_TYPE_FOLLOW_UP_TARGET,
                       WB_FOLLOW_UP_TARGET_REPORTER,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* The account id of who does it, or NULL. */
  properties[PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       WB_TYPE_FOLLOW_UP_STATE,
                       WB_FOLLOW_UP_STATE_OPEN,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_follow_up_init (WbFollowUp *self)
{
  self->kind = WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT;
  self->target = WB_FOLLOW_UP_TARGET_REPORTER;
  self->state = WB_FOLLOW_UP_STATE_OPEN;
}

WbFollowUp *
wb_follow_up_new (void)
{
  return g_object_new (WB_TYPE_FOLLOW_UP, NULL);
}

const char *
wb_follow_up_get_id (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  return self->id;
}

const char *
wb_follow_up_get_case_id (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  return self->case_id;
}

void
wb_follow_up_set_case_id (WbFollowUp *self,
                          const char *case_id)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (wb_set_str (&self->case_id, case_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

GDateTime *
wb_follow_up_get_due (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  return self->due;
}

void
wb_follow_up_set_due (WbFollowUp *self,
                      GDateTime  *due)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (wb_set_date_time (&self->due, due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

WbFollowUpKind
wb_follow_up_get_kind (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), 0);

  return self->kind;
}

void
wb_follow_up_set_kind (WbFollowUp     *self,
                       WbFollowUpKind  kind)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

WbFollowUpTarget
wb_follow_up_get_target (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), 0);

  return self->target;
}

void
wb_follow_up_set_target (WbFollowUp       *self,
                         WbFollowUpTarget  target)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (self->target == target)
    return;

  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
wb_follow_up_get_assignee (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  return self->assignee;
}

void
wb_follow_up_set_assignee (WbFollowUp *self,
                           const char *assignee)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (wb_set_str (&self->assignee, assignee))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE]);
}

const char *
wb_follow_up_get_note (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  return self->note;
}

void
wb_follow_up_set_note (WbFollowUp *self,
                       const char *note)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (wb_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

WbFollowUpState
wb_follow_up_get_state (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), 0);

  return self->state;
}

void
wb_follow_up_set_state (WbFollowUp      *self,
                        WbFollowUpState  state)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
wb_follow_up_get_outcome (WbFollowUp *self)
{
  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  return self->outcome;
}

void
wb_follow_up_set_outcome (WbFollowUp *self,
                          const char *outcome)
{
  g_return_if_fail (WB_IS_FOLLOW_UP (self));

  if (wb_set_str (&self->outcome, outcome))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

/**
 * wb_follow_up_serialize:
 * @self: a #WbFollowUp
 *
 * Returns: (transfer full): the follow-up as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_follow_up_serialize (WbFollowUp *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_follow_up_deserialize:
 * @bytes: bytes from wb_follow_up_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the follow-up
 */
WbFollowUp *
wb_follow_up_deserialize (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbFollowUp) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_FOLLOW_UP, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_follow_up_validate:
 * @self: a #WbFollowUp
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the follow-up may be saved
 */
gboolean
wb_follow_up_validate (WbFollowUp *self,
                       GPtrArray  *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_record_id (issues, "case-id", self->case_id,
                            _("The follow-up is not linked to a case."));

  if (self->due == NULL)
    ok = wb_issue_add (issues, "due", _("Choose when the follow-up is due."));

  ok &= wb_check_record_id (issues, "assignee", self->assignee, NULL);
  ok &= wb_check_text (issues, "note", self->note, WB_TEXT_MAX_CHARS, WB_TEXT_MULTILINE, NULL);
  ok &= wb_check_text (issues, "outcome", self->outcome, WB_TEXT_MAX_CHARS,
                       WB_TEXT_MULTILINE, NULL);

  return ok;
}

/**
 * wb_follow_up_check:
 * @self: a #WbFollowUp
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the follow-up may be saved
 */
gboolean
wb_follow_up_check (WbFollowUp  *self,
                    GError     **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_FOLLOW_UP (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_follow_up_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
