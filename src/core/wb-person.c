/* wb-person.c: someone in a case: the reporter, a partner or a family member.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-person.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "person"

struct _WbPerson
{
  GObject parent_instance;

  char               *id;
  char               *case_id;
  WbPersonRelation    relation;
  char               *name;
  WbPersonRole        role;
  char               *municipality;
  char               *party;
  char               *phone;
  char               *email;
  char               *callback_times;
  WbCallbackChannel   callback_channel;
};

G_DEFINE_FINAL_TYPE (WbPerson, wb_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_RELATION,
  PROP_NAME,
  PROP_ROLE,
  PROP_MUNICIPALITY,
  PROP_PARTY,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_CALLBACK_TIMES,
  PROP_CALLBACK_CHANNEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "case-id",
  "relation",
  "name",
  "role",
  "municipality",
  "party",
  "phone",
  "email",
  "callback-times",
  "callback-channel",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "name",
  NULL
};

static void
wb_person_constructed (GObject *object)
{
  WbPerson *self = (WbPerson *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_person_parent_class)->constructed (object);
}

static void
wb_person_finalize (GObject *object)
{
  WbPerson *self = (WbPerson *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->name);
  g_free (self->municipality);
  g_free (self->party);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->callback_times);

  G_OBJECT_CLASS (wb_person_parent_class)->finalize (object);
}

static void
wb_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WbPerson *self = WB_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_RELATION:
      g_value_set_enum (value, self->relation);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_MUNICIPALITY:
      g_value_set_string (value, self->municipality);
      break;

    case PROP_PARTY:
      g_value_set_string (value, self->party);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_CALLBACK_TIMES:
      g_value_set_string (value, self->callback_times);
      break;

    case PROP_CALLBACK_CHANNEL:
      g_value_set_enum (value, self->callback_channel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WbPerson *self = WB_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      wb_person_set_case_id (self, g_value_get_string (value));
      break;

    case PROP_RELATION:
      wb_person_set_relation (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      wb_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      wb_person_set_role (self, g_value_get_enum (value));
      break;

    case PROP_MUNICIPALITY:
      wb_person_set_municipality (self, g_value_get_string (value));
      break;

    case PROP_PARTY:
      wb_person_set_party (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      wb_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      wb_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_CALLBACK_TIMES:
      wb_person_set_callback_times (self, g_value_get_string (value));
      break;

    case PROP_CALLBACK_CHANNEL:
      wb_person_set_callback_channel (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_person_class_init (WbPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_person_constructed;
  object_class->finalize = wb_person_finalize;
  object_class->get_property = wb_person_get_property;
  object_class->set_property = wb_person_set_property;

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

  properties[PROP_RELATION] =
    g_param_spec_enum ("relation", NULL, NULL,
                       WB_TYPE_PERSON_RELATION,
                       WB_PERSON_RELATION_REPORTER,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       WB_TYPE_PERSON_ROLE,
                       WB_PERSON_ROLE_OTHER,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* A CBS code such as GM0363, or NULL. */
  properties[PROP_MUNICIPALITY] =
    g_param_spec_string ("municipality", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PARTY] =
    g_param_spec_string ("party", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* When it is safe to call back, in the words of the person. */
  properties[PROP_CALLBACK_TIMES] =
    g_param_spec_string ("callback-times", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CALLBACK_CHANNEL] =
    g_param_spec_enum ("callback-channel", NULL, NULL,
                       WB_TYPE_CALLBACK_CHANNEL,
                       WB_CALLBACK_CHANNEL_PHONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_person_init (WbPerson *self)
{
  self->relation = WB_PERSON_RELATION_REPORTER;
  self->role = WB_PERSON_ROLE_OTHER;
  self->callback_channel = WB_CALLBACK_CHANNEL_PHONE;
}

WbPerson *
wb_person_new (void)
{
  return g_object_new (WB_TYPE_PERSON, NULL);
}

const char *
wb_person_get_id (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->id;
}

const char *
wb_person_get_case_id (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->case_id;
}

void
wb_person_set_case_id (WbPerson   *self,
                       const char *case_id)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->case_id, case_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

WbPersonRelation
wb_person_get_relation (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), 0);

  return self->relation;
}

void
wb_person_set_relation (WbPerson         *self,
                        WbPersonRelation  relation)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (self->relation == relation)
    return;

  self->relation = relation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATION]);
}

const char *
wb_person_get_name (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->name;
}

void
wb_person_set_name (WbPerson   *self,
                    const char *name)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

WbPersonRole
wb_person_get_role (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), 0);

  return self->role;
}

void
wb_person_set_role (WbPerson     *self,
                    WbPersonRole  role)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
wb_person_get_municipality (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->municipality;
}

void
wb_person_set_municipality (WbPerson   *self,
                            const char *municipality)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->municipality, municipality))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUNICIPALITY]);
}

const char *
wb_person_get_party (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->party;
}

void
wb_person_set_party (WbPerson   *self,
                     const char *party)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->party, party))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY]);
}

const char *
wb_person_get_phone (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->phone;
}

void
wb_person_set_phone (WbPerson   *self,
                     const char *phone)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
wb_person_get_email (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->email;
}

void
wb_person_set_email (WbPerson   *self,
                     const char *email)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
wb_person_get_callback_times (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  return self->callback_times;
}

void
wb_person_set_callback_times (WbPerson   *self,
                              const char *callback_times)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (wb_set_str (&self->callback_times, callback_times))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLBACK_TIMES]);
}

WbCallbackChannel
wb_person_get_callback_channel (WbPerson *self)
{
  g_return_val_if_fail (WB_IS_PERSON (self), 0);

  return self->callback_channel;
}

void
wb_person_set_callback_channel (WbPerson          *self,
                                WbCallbackChannel  callback_channel)
{
  g_return_if_fail (WB_IS_PERSON (self));

  if (self->callback_channel == callback_channel)
    return;

  self->callback_channel = callback_channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLBACK_CHANNEL]);
}

/**
 * wb_person_serialize:
 * @self: a #WbPerson
 *
 * Returns: (transfer full): the person as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_person_serialize (WbPerson *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_PERSON (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_person_deserialize:
 * @bytes: bytes from wb_person_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the person
 */
WbPerson *
wb_person_deserialize (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbPerson) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_PERSON, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_person_validate:
 * @self: a #WbPerson
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the person may be saved
 */
gboolean
wb_person_validate (WbPerson  *self,
                    GPtrArray *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_PERSON (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_record_id (issues, "case-id", self->case_id, NULL);
  ok &= wb_check_text (issues, "name", self->name, WB_NAME_MAX_CHARS, WB_TEXT_REQUIRED,
                       _("Enter a name."));

  if (!wb_is_blank (self->municipality) && !wb_municipality_code_is_valid (self->municipality))
    /* Translators: keep the example code as it is; GM0363 is Amsterdam */
    ok = wb_issue_add (issues, "municipality", _("Use a CBS municipality code like GM0363."));

  ok &= wb_check_text (issues, "party", self->party, WB_SHORT_TEXT_MAX_CHARS,
                       WB_TEXT_OPTIONAL, NULL);
  ok &= wb_check_phone (issues, "phone", self->phone);
  ok &= wb_check_email (issues, "email", self->email);
  ok &= wb_check_text (issues, "callback-times", self->callback_times, WB_SHORT_TEXT_MAX_CHARS,
                       WB_TEXT_OPTIONAL, NULL);

  /* The team must be able to reach the reporter on the channel they chose. */
  if (self->relation == WB_PERSON_RELATION_REPORTER)
    {
      if (self->callback_channel == WB_CALLBACK_CHANNEL_EMAIL && wb_is_blank (self->email))
        ok = wb_issue_add (issues, "email", _("Enter the e-mail address to reply to."));
      else if (self->callback_channel != WB_CALLBACK_CHANNEL_EMAIL && wb_is_blank (self->phone))
        ok = wb_issue_add (issues, "phone", _("Enter the phone number to call back on."));
    }

  return ok;
}

/**
 * wb_person_check:
 * @self: a #WbPerson
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the person may be saved
 */
gboolean
wb_person_check (WbPerson  *self,
                 GError   **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_PERSON (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_person_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
