/* wb-partner.c: a partner in the directory: a peer, expert or organisation cases are referred to.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-partner.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "partner"

struct _WbPartner
{
  GObject parent_instance;

  char           *id;
  char           *name;
  char           *organisation;
  WbPartnerKind   kind;
  char          **areas;
  char          **languages;
  char           *availability;
  char           *phone;
  char           *email;
  char           *notes;
  gboolean        active;
  GDateTime      *verified_at;
};

G_DEFINE_FINAL_TYPE (WbPartner, wb_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_KIND,
  PROP_AREAS,
  PROP_LANGUAGES,
  PROP_AVAILABILITY,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_ACTIVE,
  PROP_VERIFIED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "name",
  "organisation",
  "kind",
  "areas",
  "languages",
  "availability",
  "phone",
  "email",
  "notes",
  "active",
  "verified-at",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "name",
  NULL
};

static void
wb_partner_constructed (GObject *object)
{
  WbPartner *self = (WbPartner *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_partner_parent_class)->constructed (object);
}

static void
wb_partner_finalize (GObject *object)
{
  WbPartner *self = (WbPartner *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->organisation);
  g_strfreev (self->areas);
  g_strfreev (self->languages);
  g_free (self->availability);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->notes);
  g_clear_pointer (&self->verified_at, g_date_time_unref);

  G_OBJECT_CLASS (wb_partner_parent_class)->finalize (object);
}

static void
wb_partner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WbPartner *self = WB_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_AREAS:
      g_value_set_boxed (value, self->areas);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_AVAILABILITY:
      g_value_set_string (value, self->availability);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_VERIFIED_AT:
      g_value_set_boxed (value, self->verified_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_partner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WbPartner *self = WB_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      wb_partner_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      wb_partner_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      wb_partner_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_AREAS:
      wb_partner_set_areas (self, g_value_get_boxed (value));
      break;

    case PROP_LANGUAGES:
      wb_partner_set_languages (self, g_value_get_boxed (value));
      break;

    case PROP_AVAILABILITY:
      wb_partner_set_availability (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      wb_partner_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      wb_partner_set_email (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      wb_partner_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      wb_partner_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_VERIFIED_AT:
      wb_partner_set_verified_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_partner_class_init (WbPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_partner_constructed;
  object_class->finalize = wb_partner_finalize;
  object_class->get_property = wb_partner_get_property;
  object_class->set_property = wb_partner_set_property;

  /* Random and fixed: given at construction, or made then. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       WB_TYPE_PARTNER_KIND,
                       WB_PARTNER_KIND_OTHER,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* Areas served: NL, provinces PVnn, safety regions VRnn, municipalities GMnnnn. */
  properties[PROP_AREAS] =
    g_param_spec_boxed ("areas", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* Languages spoken, e.g. "nl", "en". */
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_AVAILABILITY] =
    g_param_spec_string ("availability", NULL, NULL,
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

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* When the details were last checked, or NULL. */
  properties[PROP_VERIFIED_AT] =
    g_param_spec_boxed ("verified-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_partner_init (WbPartner *self)
{
  self->kind = WB_PARTNER_KIND_OTHER;
  self->active = TRUE;
}

WbPartner *
wb_partner_new (void)
{
  return g_object_new (WB_TYPE_PARTNER, NULL);
}

const char *
wb_partner_get_id (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->id;
}

const char *
wb_partner_get_name (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->name;
}

void
wb_partner_set_name (WbPartner  *self,
                     const char *name)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
wb_partner_get_organisation (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->organisation;
}

void
wb_partner_set_organisation (WbPartner  *self,
                             const char *organisation)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

WbPartnerKind
wb_partner_get_kind (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), 0);

  return self->kind;
}

void
wb_partner_set_kind (WbPartner     *self,
                     WbPartnerKind  kind)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char * const *
wb_partner_get_areas (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return (const char * const *) self->areas;
}

void
wb_partner_set_areas (WbPartner          *self,
                      const char * const *areas)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_strv (&self->areas, areas))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREAS]);
}

const char * const *
wb_partner_get_languages (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return (const char * const *) self->languages;
}

void
wb_partner_set_languages (WbPartner          *self,
                          const char * const *languages)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_strv (&self->languages, languages))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGES]);
}

const char *
wb_partner_get_availability (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->availability;
}

void
wb_partner_set_availability (WbPartner  *self,
                             const char *availability)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_str (&self->availability, availability))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABILITY]);
}

const char *
wb_partner_get_phone (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->phone;
}

void
wb_partner_set_phone (WbPartner  *self,
                      const char *phone)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_str (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
wb_partner_get_email (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->email;
}

void
wb_partner_set_email (WbPartner  *self,
                      const char *email)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
wb_partner_get_notes (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->notes;
}

void
wb_partner_set_notes (WbPartner  *self,
                      const char *notes)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
wb_partner_get_active (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), FALSE);

  return self->active;
}

void
wb_partner_set_active (WbPartner *self,
                       gboolean   active)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  active = !!active;

  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

GDateTime *
wb_partner_get_verified_at (WbPartner *self)
{
  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  return self->verified_at;
}

void
wb_partner_set_verified_at (WbPartner *self,
                            GDateTime *verified_at)
{
  g_return_if_fail (WB_IS_PARTNER (self));

  if (wb_set_date_time (&self->verified_at, verified_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIED_AT]);
}

/**
 * wb_partner_serialize:
 * @self: a #WbPartner
 *
 * Returns: (transfer full): the partner as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_partner_serialize (WbPartner *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_PARTNER (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_partner_deserialize:
 * @bytes: bytes from wb_partner_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the partner
 */
WbPartner *
wb_partner_deserialize (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbPartner) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_PARTNER, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_partner_validate:
 * @self: a #WbPartner
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the partner may be saved
 */
gboolean
wb_partner_validate (WbPartner *self,
                     GPtrArray *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_PARTNER (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_text (issues, "name", self->name, WB_NAME_MAX_CHARS, WB_TEXT_REQUIRED,
                       _("Enter a name."));
  ok &= wb_check_text (issues, "organisation", self->organisation, WB_NAME_MAX_CHARS,
                       WB_TEXT_OPTIONAL, NULL);

  if (self->areas == NULL || self->areas[0] == NULL)
    ok = wb_issue_add (issues, "areas", _("Add at least one area this partner serves."));
  else
    for (guint i = 0; self->areas[i] != NULL; i++)
      if (!wb_area_code_is_valid (self->areas[i]))
        {
          /* Translators: keep the example codes as they are */
          ok = wb_issue_add (issues, "areas", _("Use area codes like NL, PV27, VR13 or GM0363."));
          break;
        }

  for (guint i = 0; self->languages != NULL && self->languages[i] != NULL; i++)
    if (!wb_check_text (issues, "languages", self->languages[i], 50, WB_TEXT_REQUIRED,
                        _("Remove the empty language.")))
      {
        ok = FALSE;
        break;
      }

  ok &= wb_check_text (issues, "availability", self->availability, WB_SHORT_TEXT_MAX_CHARS,
                       WB_TEXT_OPTIONAL, NULL);

  if (wb_is_blank (self->phone) && wb_is_blank (self->email))
    ok = wb_issue_add (issues, "phone", _("Enter a phone number or an e-mail address."));
  ok &= wb_check_phone (issues, "phone", self->phone);
  ok &= wb_check_email (issues, "email", self->email);

  ok &= wb_check_text (issues, "notes", self->notes, WB_TEXT_MAX_CHARS, WB_TEXT_MULTILINE, NULL);

  return ok;
}

/**
 * wb_partner_check:
 * @self: a #WbPartner
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the partner may be saved
 */
gboolean
wb_partner_check (WbPartner  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_PARTNER (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_partner_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
