/* wb-triage.c: suggesting how urgent a new report is, and overriding that with a reason.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-triage.h"
#include "wb-core-error.h"
#include "wb-validation.h"

typedef enum
{
  WHEN_ONGOING           = 1 << 0,
  WHEN_PERPETRATOR_KNOWN = 1 << 1,
  WHEN_FAMILY_INVOLVED   = 1 << 2,
} Condition;

/*
 * The rules, most urgent first. A rule applies when the incident has all of
 * @types, at least one of @channels, at least one of @targets and all of
 * @conditions (a zero field is no requirement). The suggestion is the
 * highest urgency of the rules that apply, with the reasons of all of them;
 * when none applies it is normal. It is only a suggestion: the intake can
 * choose otherwise, with a reason (wb_triage_override_check()).
 *
 * The first five come from the intake issue; stalking that goes on and
 * published private details (doxing) are our addition, because both bring
 * the threat to the door.
 */
static const struct
{
  WbIncidentType     types;
  WbIncidentChannel  channels;
  WbIncidentTarget   targets;
  Condition          conditions;
  WbUrgency          urgency;
  const char        *reason;
} rules[] = {
  { WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE, 0, 0, WHEN_ONGOING, WB_URGENCY_ACUTE,
    N_("Physical violence is still going on.") },
  { WB_INCIDENT_TYPE_THREAT, WB_INCIDENT_CHANNEL_AT_HOME, 0, WHEN_PERPETRATOR_KNOWN,
    WB_URGENCY_ACUTE,
    N_("A known perpetrator made a threat at the home address.") },
  { WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE, 0, 0, 0, WB_URGENCY_HIGH,
    N_("Physical violence was used.") },
  { 0, WB_INCIDENT_CHANNEL_AT_HOME, 0, 0, WB_URGENCY_HIGH,
    N_("It happened at or came to the home address.") },
  { 0, 0, WB_INCIDENT_TARGET_RELATIVES, 0, WB_URGENCY_HIGH,
    N_("It was aimed at relatives.") },
  { 0, 0, 0, WHEN_FAMILY_INVOLVED, WB_URGENCY_HIGH,
    N_("Family members are involved.") },
  { WB_INCIDENT_TYPE_STALKING, 0, 0, WHEN_ONGOING, WB_URGENCY_HIGH,
    N_("Stalking is still going on.") },
  { WB_INCIDENT_TYPE_DOXING, 0, 0, 0, WB_URGENCY_HIGH,
    N_("Private details, such as the home address, were published.") },
};

static Condition
conditions_of (WbIncident *incident)
{
  Condition conditions = 0;

  if (wb_incident_get_ongoing (incident))
    conditions |= WHEN_ONGOING;
  if (wb_incident_get_perpetrator_known (incident))
    conditions |= WHEN_PERPETRATOR_KNOWN;
  if (wb_incident_get_family_involved (incident))
    conditions |= WHEN_FAMILY_INVOLVED;

  return conditions;
}

/**
 * wb_triage_suggest:
 * @incident: what happened
 * @out_reasons: (out) (optional) (transfer full) (element-type utf8): the
 *   translated reasons for the suggestion, most urgent first; never empty
 *
 * Returns: the suggested urgency
 */
WbUrgency
wb_triage_suggest (WbIncident  *incident,
                   GPtrArray  **out_reasons)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  WbIncidentType types;
  WbIncidentChannel channels;
  WbIncidentTarget targets;
  Condition conditions;
  WbUrgency urgency = WB_URGENCY_NORMAL;

  g_return_val_if_fail (WB_IS_INCIDENT (incident), WB_URGENCY_NORMAL);

  types = wb_incident_get_types (incident);
  channels = wb_incident_get_channels (incident);
  targets = wb_incident_get_targets (incident);
  conditions = conditions_of (incident);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if ((types & rules[i].types) != rules[i].types
          || (rules[i].channels != 0 && (channels & rules[i].channels) == 0)
          || (rules[i].targets != 0 && (targets & rules[i].targets) == 0)
          || (conditions & rules[i].conditions) != rules[i].conditions)
        continue;

      urgency = MAX (urgency, rules[i].urgency);
      g_ptr_array_add (reasons, g_strdup (_(rules[i].reason)));
    }

  if (reasons->len == 0)
    g_ptr_array_add (reasons,
                     g_strdup (_("No violence, nothing at the home address and nothing aimed "
                                 "at relatives.")));

  if (out_reasons != NULL)
    *out_reasons = g_steal_pointer (&reasons);

  return urgency;
}

/**
 * wb_triage_override_check:
 * @suggested: the urgency wb_triage_suggest() gave
 * @chosen: the urgency the user chose
 * @reason: (nullable): why, in the user's words
 * @error: return location for a %WB_CORE_ERROR_INVALID error
 *
 * Choosing another urgency than suggested, higher or lower, needs a reason,
 * so that whoever reads the case later knows why.
 *
 * Returns: whether @chosen may be saved with @reason
 */
gboolean
wb_triage_override_check (WbUrgency    suggested,
                          WbUrgency    chosen,
                          const char  *reason,
                          GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) chosen > WB_URGENCY_ACUTE)
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                           _("Choose an urgency."));
      return FALSE;
    }

  if (reason != NULL
      && (!wb_text_is_clean (reason, TRUE)
          || g_utf8_strlen (reason, -1) > WB_TEXT_MAX_CHARS))
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                           _("The reason holds characters that are not allowed or is too "
                             "long."));
      return FALSE;
    }

  if (chosen == suggested)
    return TRUE;

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                           _("Explain why you chose a different urgency than suggested."));
      return FALSE;
    }

  return TRUE;
}
