/* wb-account.c: a user of the app: login name, display name and role.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-account.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "account"

struct _WbAccount
{
  GObject parent_instance;

  char           *id;
  char           *name;
  char           *display_name;
  WbAccountRole   role;
};

G_DEFINE_FINAL_TYPE (WbAccount, wb_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "name",
  "display-name",
  "role",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "name",
  NULL
};

static void
wb_account_constructed (GObject *object)
{
  WbAccount *self = (WbAccount *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_account_parent_class)->constructed (object);
}

static void
wb_account_finalize (GObject *object)
{
  WbAccount *self = (WbAccount *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->display_name);

  G_OBJECT_CLASS (wb_account_parent_class)->finalize (object);
}

static void
wb_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WbAccount *self = WB_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WbAccount *self = WB_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      wb_account_set_name (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      wb_account_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      wb_account_set_role (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_account_class_init (WbAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_account_constructed;
  object_class->finalize = wb_account_finalize;
  object_class->get_property = wb_account_get_property;
  object_class->set_property = wb_account_set_property;

  /* Random and fixed: given at construction, or made then. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* The login name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       WB_TYPE_ACCOUNT_ROLE,
                       WB_ACCOUNT_ROLE_STAFF,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_account_init (WbAccount *self)
{
  self->role = WB_ACCOUNT_ROLE_STAFF;
}

WbAccount *
wb_account_new (void)
{
  return g_object_new (WB_TYPE_ACCOUNT, NULL);
}

const char *
wb_account_get_id (WbAccount *self)
{
  g_return_val_if_fail (WB_IS_ACCOUNT (self), NULL);

  return self->id;
}

const char *
wb_account_get_name (WbAccount *self)
{
  g_return_val_if_fail (WB_IS_ACCOUNT (self), NULL);

  return self->name;
}

void
wb_account_set_name (WbAccount  *self,
                     const char *name)
{
  g_return_if_fail (WB_IS_ACCOUNT (self));

  if (wb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
wb_account_get_display_name (WbAccount *self)
{
  g_return_val_if_fail (WB_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

void
wb_account_set_display_name (WbAccount  *self,
                             const char *display_name)
{
  g_return_if_fail (WB_IS_ACCOUNT (self));

  if (wb_set_str (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

WbAccountRole
wb_account_get_role (WbAccount *self)
{
  g_return_val_if_fail (WB_IS_ACCOUNT (self), 0);

  return self->role;
}

void
wb_account_set_role (WbAccount     *self,
                     WbAccountRole  role)
{
  g_return_if_fail (WB_IS_ACCOUNT (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * wb_account_serialize:
 * @self: a #WbAccount
 *
 * Returns: (transfer full): the account as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_account_serialize (WbAccount *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_ACCOUNT (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_account_deserialize:
 * @bytes: bytes from wb_account_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the account
 */
WbAccount *
wb_account_deserialize (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbAccount) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_ACCOUNT, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_account_validate:
 * @self: a #WbAccount
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the account may be saved
 */
gboolean
wb_account_validate (WbAccount *self,
                     GPtrArray *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_ACCOUNT (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  if (wb_is_blank (self->name))
    ok = wb_issue_add (issues, "name", _("Enter a user name."));
  else if (!wb_login_name_is_valid (self->name))
    ok = wb_issue_add (issues, "name",
                       _("Use 2 to 64 lower-case letters, digits, dots, dashes or underscores, "
                         "starting with a letter."));

  ok &= wb_check_text (issues, "display-name", self->display_name, WB_NAME_MAX_CHARS,
                       WB_TEXT_REQUIRED, _("Enter a display name."));

  return ok;
}

/**
 * wb_account_check:
 * @self: a #WbAccount
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the account may be saved
 */
gboolean
wb_account_check (WbAccount  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_ACCOUNT (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_account_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
