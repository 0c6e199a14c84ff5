/* wb-consent.c: what the reporter agreed to: storing the data, sharing it with partners.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-consent.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "consent"

struct _WbConsent
{
  GObject parent_instance;

  char       *id;
  char       *case_id;
  gboolean    store;
  gboolean    share;
  char      **partner_ids;
  GDateTime  *given_at;
  guint       retention_months;
};

G_DEFINE_FINAL_TYPE (WbConsent, wb_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_STORE,
  PROP_SHARE,
  PROP_PARTNER_IDS,
  PROP_GIVEN_AT,
  PROP_RETENTION_MONTHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "case-id",
  "store",
  "share",
  "partner-ids",
  "given-at",
  "retention-months",
  NULL
};
static const char * const required_properties[] = {
  "id",
  NULL
};

static void
wb_consent_constructed (GObject *object)
{
  WbConsent *self = (WbConsent *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_consent_parent_class)->constructed (object);
}

static void
wb_consent_finalize (GObject *object)
{
  WbConsent *self = (WbConsent *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_strfreev (self->partner_ids);
  g_clear_pointer (&self->given_at, g_date_time_unref);

  G_OBJECT_CLASS (wb_consent_parent_class)->finalize (object);
}

static void
wb_consent_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WbConsent *self = WB_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_STORE:
      g_value_set_boolean (value, self->store);
      break;

    case PROP_SHARE:
      g_value_set_boolean (value, self->share);
      break;

    case PROP_PARTNER_IDS:
      g_value_set_boxed (value, self->partner_ids);
      break;

    case PROP_GIVEN_AT:
      g_value_set_boxed (value, self->given_at);
      break;

    case PROP_RETENTION_MONTHS:
      g_value_set_uint (value, self->retention_months);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_consent_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WbConsent *self = WB_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      wb_consent_set_case_id (self, g_value_get_string (value));
      break;

    case PROP_STORE:
      wb_consent_set_store (self, g_value_get_boolean (value));
      break;

    case PROP_SHARE:
      wb_consent_set_share (self, g_value_get_boolean (value));
      break;

    case PROP_PARTNER_IDS:
      wb_consent_set_partner_ids (self, g_value_get_boxed (value));
      break;

    case PROP_GIVEN_AT:
      wb_consent_set_given_at (self, g_value_get_boxed (value));
      break;

    case PROP_RETENTION_MONTHS:
      wb_consent_set_retention_months (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_consent_class_init (WbConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_consent_constructed;
  object_class->finalize = wb_consent_finalize;
  object_class->get_property = wb_consent_get_property;
  object_class->set_property = wb_consent_set_property;

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

  properties[PROP_STORE] =
    g_param_spec_boolean ("store", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_SHARE] =
    g_param_spec_boolean ("share", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The partners the data may be shared with. */
  properties[PROP_PARTNER_IDS] =
    g_param_spec_boxed ("partner-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_GIVEN_AT] =
    g_param_spec_boxed ("given-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* How long the data may be kept after the case is closed. */
  properties[PROP_RETENTION_MONTHS] =
    g_param_spec_uint ("retention-months", NULL, NULL,
                       0, WB_CONSENT_MAX_RETENTION_MONTHS, WB_CONSENT_DEFAULT_RETENTION_MONTHS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_consent_init (WbConsent *self)
{
  self->retention_months = WB_CONSENT_DEFAULT_RETENTION_MONTHS;
}

WbConsent *
wb_consent_new (void)
{
  return g_object_new (WB_TYPE_CONSENT, NULL);
}

const char *
wb_consent_get_id (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), NULL);

  return self->id;
}

const char *
wb_consent_get_case_id (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), NULL);

  return self->case_id;
}

void
wb_consent_set_case_id (WbConsent  *self,
                        const char *case_id)
{
  g_return_if_fail (WB_IS_CONSENT (self));

  if (wb_set_str (&self->case_id, case_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

gboolean
wb_consent_get_store (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), FALSE);

  return self->store;
}

void
wb_consent_set_store (WbConsent *self,
                      gboolean   store)
{
  g_return_if_fail (WB_IS_CONSENT (self));

  store = !!store;

  if (self->store == store)
    return;

  self->store = store;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
wb_consent_get_share (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), FALSE);

  return self->share;
}

void
wb_consent_set_share (WbConsent *self,
                      gboolean   share)
{
  g_return_if_fail (WB_IS_CONSENT (self));

  share = !!share;

  if (self->share == share)
    return;

  self->share = share;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE]);
}

const char * const *
wb_consent_get_partner_ids (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), NULL);

  return (const char * const *) self->partner_ids;
}

void
wb_consent_set_partner_ids (WbConsent          *self,
                            const char * const *partner_ids)
{
  g_return_if_fail (WB_IS_CONSENT (self));

  if (wb_set_strv (&self->partner_ids, partner_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_IDS]);
}

GDateTime *
wb_consent_get_given_at (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), NULL);

  return self->given_at;
}

void
wb_consent_set_given_at (WbConsent *self,
                         GDateTime *given_at)
{
  g_return_if_fail (WB_IS_CONSENT (self));

  if (wb_set_date_time (&self->given_at, given_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_AT]);
}

guint
wb_consent_get_retention_months (WbConsent *self)
{
  g_return_val_if_fail (WB_IS_CONSENT (self), 0);

  return self->retention_months;
}

void
wb_consent_set_retention_months (WbConsent *self,
                                 guint      retention_months)
{
  g_return_if_fail (WB_IS_CONSENT (self));
  g_return_if_fail (retention_months <= WB_CONSENT_MAX_RETENTION_MONTHS);

  if (self->retention_months == retention_months)
    return;

  self->retention_months = retention_months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETENTION_MONTHS]);
}

/**
 * wb_consent_serialize:
 * @self: a #WbConsent
 *
 * Returns: (transfer full): the consent as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_consent_serialize (WbConsent *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_CONSENT (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_consent_deserialize:
 * @bytes: bytes from wb_consent_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the consent
 */
WbConsent *
wb_consent_deserialize (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbConsent) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_CONSENT, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_consent_validate:
 * @self: a #WbConsent
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the consent may be saved
 */
gboolean
wb_consent_validate (WbConsent *self,
                     GPtrArray *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_CONSENT (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_record_id (issues, "case-id", self->case_id, NULL);

  if (self->share && !self->store)
    ok = wb_issue_add (issues, "share", _("Sharing needs consent to store the data first."));

  if (self->partner_ids != NULL && self->partner_ids[0] != NULL)
    {
      if (!self->share)
        ok = wb_issue_add (issues, "partner-ids",
                           _("Partners can only be chosen when sharing was agreed."));
      else
        for (guint i = 0; self->partner_ids[i] != NULL; i++)
          if (!wb_record_id_is_valid (self->partner_ids[i]))
            {
              ok = wb_issue_add (issues, "partner-ids", _("This is not a valid record id."));
              break;
            }
    }

  if ((self->store || self->share) && self->given_at == NULL)
    ok = wb_issue_add (issues, "given-at", _("Enter when the consent was given."));

  if (self->retention_months < 1 || self->retention_months > WB_CONSENT_MAX_RETENTION_MONTHS)
    {
      g_autofree char *message = NULL;

      /* Translators: %d is the longest retention period in months (120) */
      message = g_strdup_printf (_("Choose a retention period of 1 to %d months."),
                                 WB_CONSENT_MAX_RETENTION_MONTHS);
      ok = wb_issue_add (issues, "retention-months", message);
    }

  return ok;
}

/**
 * wb_consent_check:
 * @self: a #WbConsent
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the consent may be saved
 */
gboolean
wb_consent_check (WbConsent  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_CONSENT (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_consent_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
