/* wb-incident.c: what happened: kinds, channels, target, period and what was done about it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-incident.h"
#include "wb-core-error.h"
#include "wb-due.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "incident"

struct _WbIncident
{
  GObject parent_instance;

  char               *id;
  char               *case_id;
  WbIncidentType      types;
  WbIncidentChannel   channels;
  WbIncidentTarget    targets;
  GDateTime          *start;
  GDateTime          *end;
  gboolean            ongoing;
  char               *description;
  gboolean            perpetrator_known;
  gboolean            police_informed;
  WbPoliceReport      police_report;
  gboolean            family_involved;
};

G_DEFINE_FINAL_TYPE (WbIncident, wb_incident, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_TYPES,
  PROP_CHANNELS,
  PROP_TARGETS,
  PROP_START,
  PROP_END,
  PROP_ONGOING,
  PROP_DESCRIPTION,
  PROP_PERPETRATOR_KNOWN,
  PROP_POLICE_INFORMED,
  PROP_POLICE_REPORT,
  PROP_FAMILY_INVOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "case-id",
  "types",
  "channels",
  "targets",
  "start",
  "end",
  "ongoing",
  "description",
  "perpetrator-known",
  "police-informed",
  "police-report",
  "family-involved",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "start",
  NULL
};

static void
wb_incident_constructed (GObject *object)
{
  WbIncident *self = (WbIncident *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_incident_parent_class)->constructed (object);
}

static void
wb_incident_finalize (GObject *object)
{
  WbIncident *self = (WbIncident *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_free (self->description);

  G_OBJECT_CLASS (wb_incident_parent_class)->finalize (object);
}

static void
wb_incident_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WbIncident *self = WB_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_TYPES:
      g_value_set_flags (value, self->types);
      break;

    case PROP_CHANNELS:
      g_value_set_flags (value, self->channels);
      break;

    case PROP_TARGETS:
      g_value_set_flags (value, self->targets);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_ONGOING:
      g_value_set_boolean (value, self->ongoing);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_PERPETRATOR_KNOWN:
      g_value_set_boolean (value, self->perpetrator_known);
      break;

    case PROP_POLICE_INFORMED:
      g_value_set_boolean (value, self->police_informed);
      break;

    case PROP_POLICE_REPORT:
      g_value_set_enum (value, self->police_report);
      break;

    case PROP_FAMILY_INVOLVED:
      g_value_set_boolean (value, self->family_involved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_incident_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WbIncident *self = WB_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      wb_incident_set_case_id (self, g_value_get_string (value));
      break;

    case PROP_TYPES:
      wb_incident_set_types (self, g_value_get_flags (value));
      break;

    case PROP_CHANNELS:
      wb_incident_set_channels (self, g_value_get_flags (value));
      break;

    case PROP_TARGETS:
      wb_incident_set_targets (self, g_value_get_flags (value));
      break;

    case PROP_START:
      wb_incident_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_END:
      wb_incident_set_end (self, g_value_get_boxed (value));
      break;

    case PROP_ONGOING:
      wb_incident_set_ongoing (self, g_value_get_boolean (value));
      break;

    case PROP_DESCRIPTION:
      wb_incident_set_description (self, g_value_get_string (value));
      break;

    case PROP_PERPETRATOR_KNOWN:
      wb_incident_set_perpetrator_known (self, g_value_get_boolean (value));
      break;

    case PROP_POLICE_INFORMED:
      wb_incident_set_police_informed (self, g_value_get_boolean (value));
      break;

    case PROP_POLICE_REPORT:
      wb_incident_set_police_report (self, g_value_get_enum (value));
      break;

    case PROP_FAMILY_INVOLVED:
      wb_incident_set_family_involved (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_incident_class_init (WbIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_incident_constructed;
  object_class->finalize = wb_incident_finalize;
  object_class->get_property = wb_incident_get_property;
  object_class->set_property = wb_incident_set_property;

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

  properties[PROP_TYPES] =
    g_param_spec_flags ("types", NULL, NULL,
                        WB_TYPE_INCIDENT_TYPE,
                        0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CHANNELS] =
    g_param_spec_flags ("channels", NULL, NULL,
                        WB_TYPE_INCIDENT_CHANNEL,
                        0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGETS] =
    g_param_spec_flags ("targets", NULL, NULL,
                        WB_TYPE_INCIDENT_TARGET,
                        0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The date of the incident, or the start of the period. */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The end of the period, or NULL for a single date. */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_ONGOING] =
    g_param_spec_boolean ("ongoing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PERPETRATOR_KNOWN] =
    g_param_spec_boolean ("perpetrator-known", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_POLICE_INFORMED] =
    g_param_spec_boolean ("police-informed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* Whether a police report (aangifte) was made. */
  properties[PROP_POLICE_REPORT] =
    g_param_spec_enum ("police-report", NULL, NULL,
                       WB_TYPE_POLICE_REPORT,
                       WB_POLICE_REPORT_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_FAMILY_INVOLVED] =
    g_param_spec_boolean ("family-involved", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_incident_init (WbIncident *self)
{
  self->police_report = WB_POLICE_REPORT_NONE;
}

WbIncident *
wb_incident_new (void)
{
  return g_object_new (WB_TYPE_INCIDENT, NULL);
}

const char *
wb_incident_get_id (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), NULL);

  return self->id;
}

const char *
wb_incident_get_case_id (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), NULL);

  return self->case_id;
}

void
wb_incident_set_case_id (WbIncident *self,
                         const char *case_id)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (wb_set_str (&self->case_id, case_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

WbIncidentType
wb_incident_get_types (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), 0);

  return self->types;
}

void
wb_incident_set_types (WbIncident     *self,
                       WbIncidentType  types)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (self->types == types)
    return;

  self->types = types;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPES]);
}

WbIncidentChannel
wb_incident_get_channels (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), 0);

  return self->channels;
}

void
wb_incident_set_channels (WbIncident        *self,
                          WbIncidentChannel  channels)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (self->channels == channels)
    return;

  self->channels = channels;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNELS]);
}

WbIncidentTarget
wb_incident_get_targets (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), 0);

  return self->targets;
}

void
wb_incident_set_targets (WbIncident       *self,
                         WbIncidentTarget  targets)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (self->targets == targets)
    return;

  self->targets = targets;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGETS]);
}

GDateTime *
wb_incident_get_start (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), NULL);

  return self->start;
}

void
wb_incident_set_start (WbIncident *self,
                       GDateTime  *start)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (wb_set_date_time (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

GDateTime *
wb_incident_get_end (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), NULL);

  return self->end;
}

void
wb_incident_set_end (WbIncident *self,
                     GDateTime  *end)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (wb_set_date_time (&self->end, end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

gboolean
wb_incident_get_ongoing (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);

  return self->ongoing;
}

void
wb_incident_set_ongoing (WbIncident *self,
                         gboolean    ongoing)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  ongoing = !!ongoing;

  if (self->ongoing == ongoing)
    return;

  self->ongoing = ongoing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONGOING]);
}

const char *
wb_incident_get_description (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), NULL);

  return self->description;
}

void
wb_incident_set_description (WbIncident *self,
                             const char *description)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (wb_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gboolean
wb_incident_get_perpetrator_known (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);

  return self->perpetrator_known;
}

void
wb_incident_set_perpetrator_known (WbIncident *self,
                                   gboolean    perpetrator_known)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  perpetrator_known = !!perpetrator_known;

  if (self->perpetrator_known == perpetrator_known)
    return;

  self->perpetrator_known = perpetrator_known;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERPETRATOR_KNOWN]);
}

gboolean
wb_incident_get_police_informed (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);

  return self->police_informed;
}

void
wb_incident_set_police_informed (WbIncident *self,
                                 gboolean    police_informed)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  police_informed = !!police_informed;

  if (self->police_informed == police_informed)
    return;

  self->police_informed = police_informed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICE_INFORMED]);
}

WbPoliceReport
wb_incident_get_police_report (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), 0);

  return self->police_report;
}

void
wb_incident_set_police_report (WbIncident     *self,
                               WbPoliceReport  police_report)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  if (self->police_report == police_report)
    return;

  self->police_report = police_report;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICE_REPORT]);
}

gboolean
wb_incident_get_family_involved (WbIncident *self)
{
  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);

  return self->family_involved;
}

void
wb_incident_set_family_involved (WbIncident *self,
                                 gboolean    family_involved)
{
  g_return_if_fail (WB_IS_INCIDENT (self));

  family_involved = !!family_involved;

  if (self->family_involved == family_involved)
    return;

  self->family_involved = family_involved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_INVOLVED]);
}

/**
 * wb_incident_serialize:
 * @self: a #WbIncident
 *
 * Returns: (transfer full): the incident as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_incident_serialize (WbIncident *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_INCIDENT (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  return wb_record_builder_end (&builder);
}

/**
 * wb_incident_deserialize:
 * @bytes: bytes from wb_incident_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the incident
 */
WbIncident *
wb_incident_deserialize (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbIncident) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_INCIDENT, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  return g_steal_pointer (&self);
}

/**
 * wb_incident_validate:
 * @self: a #WbIncident
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the incident may be saved
 */
gboolean
wb_incident_validate (WbIncident *self,
                      GPtrArray  *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_record_id (issues, "case-id", self->case_id, NULL);

  if (self->types == 0)
    ok = wb_issue_add (issues, "types", _("Choose at least one kind of incident."));

  if (self->start == NULL)
    ok = wb_issue_add (issues, "start", _("Enter when it happened."));
  else if (self->end != NULL && g_date_time_compare (self->end, self->start) < 0)
    ok = wb_issue_add (issues, "end", _("The end date cannot be before the start date."));

  ok &= wb_check_text (issues, "description", self->description, WB_TEXT_MAX_CHARS,
                       WB_TEXT_REQUIRED | WB_TEXT_MULTILINE, _("Describe what happened."));

  return ok;
}

/* Whether @date falls on a later calendar day than @now, in the team's
 * time zone: an incident of today, at any hour, is not in the future. */
static gboolean
is_after_today (GDateTime *date,
                GDateTime *now)
{
  g_autoptr(GDateTime) d = g_date_time_to_timezone (date, wb_due_get_time_zone ());
  g_autoptr(GDateTime) n = g_date_time_to_timezone (now, wb_due_get_time_zone ());
  int dy, dm, dd, ny, nm, nd;

  g_date_time_get_ymd (d, &dy, &dm, &dd);
  g_date_time_get_ymd (n, &ny, &nm, &nd);
  return dy != ny ? dy > ny : dm != nm ? dm > nm : dd > nd;
}

/**
 * wb_incident_validate_dates:
 * @self: a #WbIncident
 * @now: the current time
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new()
 *
 * What wb_incident_validate() cannot know without the time: neither the
 * date (or start of the period) nor its end lies after today.
 *
 * Returns: whether the dates are not in the future
 */
gboolean
wb_incident_validate_dates (WbIncident *self,
                            GDateTime  *now,
                            GPtrArray  *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->start != NULL && is_after_today (self->start, now))
    ok = wb_issue_add (issues, "start", _("The date cannot be in the future."));
  if (self->end != NULL && is_after_today (self->end, now))
    ok = wb_issue_add (issues, "end", _("The end date cannot be in the future."));
  return ok;
}

/**
 * wb_incident_check:
 * @self: a #WbIncident
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the incident may be saved
 */
gboolean
wb_incident_check (WbIncident  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_INCIDENT (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_incident_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
