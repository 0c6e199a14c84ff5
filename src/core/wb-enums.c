/* wb-enums.c: the enumerations and flags of the domain, with translated labels.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nicks are what the serialized records store: never change one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-enums.h"

G_DEFINE_ENUM_TYPE (WbCaseStatus, wb_case_status,
  G_DEFINE_ENUM_VALUE (WB_CASE_STATUS_NEW, "new"),
  G_DEFINE_ENUM_VALUE (WB_CASE_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (WB_CASE_STATUS_REFERRED, "referred"),
  G_DEFINE_ENUM_VALUE (WB_CASE_STATUS_AFTERCARE, "aftercare"),
  G_DEFINE_ENUM_VALUE (WB_CASE_STATUS_CLOSED, "closed"))

/**
 * wb_case_status_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_case_status_to_label (WbCaseStatus value)
{
  switch (value)
    {
    case WB_CASE_STATUS_NEW:
      return C_("case status", "New");
    case WB_CASE_STATUS_IN_PROGRESS:
      /* Translators: Dutch: in behandeling */
      return C_("case status", "In progress");
    case WB_CASE_STATUS_REFERRED:
      /* Translators: Dutch: doorverwezen, handed on to a partner */
      return C_("case status", "Referred");
    case WB_CASE_STATUS_AFTERCARE:
      /* Translators: Dutch: nazorg */
      return C_("case status", "Aftercare");
    case WB_CASE_STATUS_CLOSED:
      return C_("case status", "Closed");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbUrgency, wb_urgency,
  G_DEFINE_ENUM_VALUE (WB_URGENCY_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (WB_URGENCY_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (WB_URGENCY_ACUTE, "acute"))

/**
 * wb_urgency_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_urgency_to_label (WbUrgency value)
{
  switch (value)
    {
    case WB_URGENCY_NORMAL:
      return C_("urgency", "Normal");
    case WB_URGENCY_HIGH:
      return C_("urgency", "High");
    case WB_URGENCY_ACUTE:
      /* Translators: Dutch: acuut, act today */
      return C_("urgency", "Acute");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbAssociation, wb_association,
  G_DEFINE_ENUM_VALUE (WB_ASSOCIATION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (WB_ASSOCIATION_NGB, "ngb"),
  G_DEFINE_ENUM_VALUE (WB_ASSOCIATION_WETHOUDERS, "wethouders"),
  G_DEFINE_ENUM_VALUE (WB_ASSOCIATION_NVVR, "nvvr"))

/**
 * wb_association_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_association_to_label (WbAssociation value)
{
  switch (value)
    {
    case WB_ASSOCIATION_NONE:
      return C_("association", "Not chosen");
    case WB_ASSOCIATION_NGB:
      /* Translators: A proper name; keep it in Dutch */
      return C_("association", "Nederlands Genootschap van Burgemeesters");
    case WB_ASSOCIATION_WETHOUDERS:
      /* Translators: A proper name; keep it in Dutch */
      return C_("association", "Wethoudersvereniging");
    case WB_ASSOCIATION_NVVR:
      /* Translators: A proper name; keep it in Dutch */
      return C_("association", "Nederlandse Vereniging voor Raadsleden");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbPersonRole, wb_person_role,
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_MAYOR, "mayor"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_ALDERMAN, "alderman"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_COUNCILLOR, "councillor"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_FORMER_MAYOR, "former-mayor"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_FORMER_ALDERMAN, "former-alderman"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_FORMER_COUNCILLOR, "former-councillor"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_RELATIVE, "relative"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_ROLE_OTHER, "other"))

/**
 * wb_person_role_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_person_role_to_label (WbPersonRole value)
{
  switch (value)
    {
    case WB_PERSON_ROLE_MAYOR:
      /* Translators: Dutch: burgemeester */
      return C_("person role", "Mayor");
    case WB_PERSON_ROLE_ALDERMAN:
      /* Translators: Dutch: wethouder */
      return C_("person role", "Alderman");
    case WB_PERSON_ROLE_COUNCILLOR:
      /* Translators: Dutch: raadslid */
      return C_("person role", "Council member");
    case WB_PERSON_ROLE_FORMER_MAYOR:
      return C_("person role", "Former mayor");
    case WB_PERSON_ROLE_FORMER_ALDERMAN:
      return C_("person role", "Former alderman");
    case WB_PERSON_ROLE_FORMER_COUNCILLOR:
      return C_("person role", "Former council member");
    case WB_PERSON_ROLE_RELATIVE:
      return C_("person role", "Partner or family member");
    case WB_PERSON_ROLE_OTHER:
      return C_("person role", "Other");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbPersonRelation, wb_person_relation,
  G_DEFINE_ENUM_VALUE (WB_PERSON_RELATION_REPORTER, "reporter"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_RELATION_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (WB_PERSON_RELATION_FAMILY, "family"))

/**
 * wb_person_relation_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_person_relation_to_label (WbPersonRelation value)
{
  switch (value)
    {
    case WB_PERSON_RELATION_REPORTER:
      /* Translators: Dutch: melder, the person who reported */
      return C_("person relation", "Reporter");
    case WB_PERSON_RELATION_PARTNER:
      return C_("person relation", "Partner");
    case WB_PERSON_RELATION_FAMILY:
      /* Translators: Dutch: gezinslid */
      return C_("person relation", "Family member");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbCallbackChannel, wb_callback_channel,
  G_DEFINE_ENUM_VALUE (WB_CALLBACK_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (WB_CALLBACK_CHANNEL_TEXT_MESSAGE, "text-message"),
  G_DEFINE_ENUM_VALUE (WB_CALLBACK_CHANNEL_EMAIL, "email"))

/**
 * wb_callback_channel_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_callback_channel_to_label (WbCallbackChannel value)
{
  switch (value)
    {
    case WB_CALLBACK_CHANNEL_PHONE:
      return C_("callback channel", "Phone call");
    case WB_CALLBACK_CHANNEL_TEXT_MESSAGE:
      return C_("callback channel", "Text message");
    case WB_CALLBACK_CHANNEL_EMAIL:
      return C_("callback channel", "E-mail");
    default:
      return NULL;
    }
}

G_DEFINE_FLAGS_TYPE (WbIncidentType, wb_incident_type,
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_VERBAL_AGGRESSION, "verbal-aggression"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_INTIMIDATION, "intimidation"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_THREAT, "threat"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE, "physical-violence"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_STALKING, "stalking"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_DOXING, "doxing"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_ONLINE_HATE, "online-hate"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TYPE_OTHER, "other"))

/**
 * wb_incident_type_to_label:
 * @value: a single flag
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown or combined value
 */
const char *
wb_incident_type_to_label (WbIncidentType value)
{
  switch (value)
    {
    case WB_INCIDENT_TYPE_VERBAL_AGGRESSION:
      return C_("incident type", "Verbal aggression");
    case WB_INCIDENT_TYPE_INTIMIDATION:
      return C_("incident type", "Intimidation");
    case WB_INCIDENT_TYPE_THREAT:
      /* Translators: Dutch: bedreiging */
      return C_("incident type", "Threat");
    case WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE:
      return C_("incident type", "Physical violence");
    case WB_INCIDENT_TYPE_STALKING:
      /* Translators: Dutch: belaging */
      return C_("incident type", "Stalking");
    case WB_INCIDENT_TYPE_DOXING:
      /* Translators: Publishing private details such as a home address */
      return C_("incident type", "Doxing");
    case WB_INCIDENT_TYPE_ONLINE_HATE:
      return C_("incident type", "Online hate");
    case WB_INCIDENT_TYPE_OTHER:
      return C_("incident type", "Other");
    default:
      return NULL;
    }
}

G_DEFINE_FLAGS_TYPE (WbIncidentChannel, wb_incident_channel,
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_CHANNEL_ONLINE, "online"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_CHANNEL_MAIL, "mail"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_CHANNEL_AT_HOME, "at-home"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_CHANNEL_DURING_MEETING, "during-meeting"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_CHANNEL_PUBLIC_SPACE, "public-space"))

/**
 * wb_incident_channel_to_label:
 * @value: a single flag
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown or combined value
 */
const char *
wb_incident_channel_to_label (WbIncidentChannel value)
{
  switch (value)
    {
    case WB_INCIDENT_CHANNEL_ONLINE:
      return C_("incident channel", "Social media or online");
    case WB_INCIDENT_CHANNEL_MAIL:
      return C_("incident channel", "E-mail or post");
    case WB_INCIDENT_CHANNEL_PHONE:
      return C_("incident channel", "Telephone");
    case WB_INCIDENT_CHANNEL_AT_HOME:
      return C_("incident channel", "At home");
    case WB_INCIDENT_CHANNEL_DURING_MEETING:
      return C_("incident channel", "During a meeting");
    case WB_INCIDENT_CHANNEL_PUBLIC_SPACE:
      /* Translators: Dutch: openbare ruimte */
      return C_("incident channel", "In public");
    default:
      return NULL;
    }
}

G_DEFINE_FLAGS_TYPE (WbIncidentTarget, wb_incident_target,
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TARGET_OFFICE, "office"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TARGET_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (WB_INCIDENT_TARGET_RELATIVES, "relatives"))

/**
 * wb_incident_target_to_label:
 * @value: a single flag
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown or combined value
 */
const char *
wb_incident_target_to_label (WbIncidentTarget value)
{
  switch (value)
    {
    case WB_INCIDENT_TARGET_OFFICE:
      /* Translators: Aimed at the public office (het ambt) */
      return C_("incident target", "The office");
    case WB_INCIDENT_TARGET_PERSON:
      /* Translators: Aimed at the person themselves */
      return C_("incident target", "The person");
    case WB_INCIDENT_TARGET_RELATIVES:
      /* Translators: Dutch: naasten */
      return C_("incident target", "Family and loved ones");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbPoliceReport, wb_police_report,
  G_DEFINE_ENUM_VALUE (WB_POLICE_REPORT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (WB_POLICE_REPORT_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (WB_POLICE_REPORT_FILED, "filed"))

/**
 * wb_police_report_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_police_report_to_label (WbPoliceReport value)
{
  switch (value)
    {
    case WB_POLICE_REPORT_NONE:
      /* Translators: Dutch: geen aangifte */
      return C_("police report", "No report");
    case WB_POLICE_REPORT_PLANNED:
      /* Translators: Dutch: aangifte gepland */
      return C_("police report", "Report planned");
    case WB_POLICE_REPORT_FILED:
      /* Translators: Dutch: aangifte gedaan */
      return C_("police report", "Report filed");
    default:
      return NULL;
    }
}

G_DEFINE_FLAGS_TYPE (WbNeed, wb_need,
  G_DEFINE_ENUM_VALUE (WB_NEED_SECURITY, "security"),
  G_DEFINE_ENUM_VALUE (WB_NEED_LEGAL, "legal"),
  G_DEFINE_ENUM_VALUE (WB_NEED_AFTERCARE_SELF, "aftercare-self"),
  G_DEFINE_ENUM_VALUE (WB_NEED_AFTERCARE_PARTNER, "aftercare-partner"),
  G_DEFINE_ENUM_VALUE (WB_NEED_AFTERCARE_FAMILY, "aftercare-family"),
  G_DEFINE_ENUM_VALUE (WB_NEED_PEER_SUPPORT, "peer-support"),
  G_DEFINE_ENUM_VALUE (WB_NEED_COMMUNICATION, "communication"),
  G_DEFINE_ENUM_VALUE (WB_NEED_OTHER, "other"))

/**
 * wb_need_to_label:
 * @value: a single flag
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown or combined value
 */
const char *
wb_need_to_label (WbNeed value)
{
  switch (value)
    {
    case WB_NEED_SECURITY:
      /* Translators: Dutch: beveiliging */
      return C_("need", "Security");
    case WB_NEED_LEGAL:
      return C_("need", "Legal help");
    case WB_NEED_AFTERCARE_SELF:
      return C_("need", "Aftercare for themselves");
    case WB_NEED_AFTERCARE_PARTNER:
      return C_("need", "Aftercare for the partner");
    case WB_NEED_AFTERCARE_FAMILY:
      return C_("need", "Aftercare for the family");
    case WB_NEED_PEER_SUPPORT:
      /* Translators: Dutch: collegiale steun */
      return C_("need", "Support from a peer");
    case WB_NEED_COMMUNICATION:
      return C_("need", "Communication and media");
    case WB_NEED_OTHER:
      return C_("need", "Other");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbTimelineKind, wb_timeline_kind,
  G_DEFINE_ENUM_VALUE (WB_TIMELINE_KIND_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (WB_TIMELINE_KIND_CONTACT, "contact"),
  G_DEFINE_ENUM_VALUE (WB_TIMELINE_KIND_ADVICE, "advice"),
  G_DEFINE_ENUM_VALUE (WB_TIMELINE_KIND_REFERRAL, "referral"),
  G_DEFINE_ENUM_VALUE (WB_TIMELINE_KIND_STATUS_CHANGE, "status-change"),
  G_DEFINE_ENUM_VALUE (WB_TIMELINE_KIND_FOLLOW_UP_DONE, "follow-up-done"))

/**
 * wb_timeline_kind_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_timeline_kind_to_label (WbTimelineKind value)
{
  switch (value)
    {
    case WB_TIMELINE_KIND_NOTE:
      return C_("timeline kind", "Note");
    case WB_TIMELINE_KIND_CONTACT:
      return C_("timeline kind", "Contact");
    case WB_TIMELINE_KIND_ADVICE:
      return C_("timeline kind", "Advice");
    case WB_TIMELINE_KIND_REFERRAL:
      /* Translators: Dutch: doorverwijzing */
      return C_("timeline kind", "Referral");
    case WB_TIMELINE_KIND_STATUS_CHANGE:
      return C_("timeline kind", "Status change");
    case WB_TIMELINE_KIND_FOLLOW_UP_DONE:
      return C_("timeline kind", "Follow-up done");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbContactChannel, wb_contact_channel,
  G_DEFINE_ENUM_VALUE (WB_CONTACT_CHANNEL_NONE, "none"),
  G_DEFINE_ENUM_VALUE (WB_CONTACT_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (WB_CONTACT_CHANNEL_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (WB_CONTACT_CHANNEL_EMAIL, "email"))

/**
 * wb_contact_channel_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_contact_channel_to_label (WbContactChannel value)
{
  switch (value)
    {
    case WB_CONTACT_CHANNEL_NONE:
      return C_("contact channel", "Not applicable");
    case WB_CONTACT_CHANNEL_PHONE:
      return C_("contact channel", "Phone");
    case WB_CONTACT_CHANNEL_MEETING:
      /* Translators: Dutch: gesprek */
      return C_("contact channel", "Meeting in person");
    case WB_CONTACT_CHANNEL_EMAIL:
      return C_("contact channel", "E-mail");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbPartnerKind, wb_partner_kind,
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_PEER_MAYOR, "peer-mayor"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_PEER_ALDERMAN, "peer-alderman"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_PEER_COUNCILLOR, "peer-councillor"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_EXPERIENCE_EXPERT, "experience-expert"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_SECURITY_EXPERT, "security-expert"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_LEGAL, "legal"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_AFTERCARE, "aftercare"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_POLICE, "police"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_COMMUNICATION, "communication"),
  G_DEFINE_ENUM_VALUE (WB_PARTNER_KIND_OTHER, "other"))

/**
 * wb_partner_kind_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_partner_kind_to_label (WbPartnerKind value)
{
  switch (value)
    {
    case WB_PARTNER_KIND_PEER_MAYOR:
      /* Translators: A fellow mayor who supports (vakgenoot) */
      return C_("partner kind", "Peer mayor");
    case WB_PARTNER_KIND_PEER_ALDERMAN:
      /* Translators: A fellow alderman who supports (vakgenoot) */
      return C_("partner kind", "Peer alderman");
    case WB_PARTNER_KIND_PEER_COUNCILLOR:
      /* Translators: A fellow council member who supports (vakgenoot) */
      return C_("partner kind", "Peer council member");
    case WB_PARTNER_KIND_EXPERIENCE_EXPERT:
      /* Translators: Dutch: ervaringsdeskundige */
      return C_("partner kind", "Expert by experience");
    case WB_PARTNER_KIND_SECURITY_EXPERT:
      return C_("partner kind", "Security expert");
    case WB_PARTNER_KIND_LEGAL:
      return C_("partner kind", "Legal help or lawyer");
    case WB_PARTNER_KIND_AFTERCARE:
      return C_("partner kind", "Aftercare or psychosocial help");
    case WB_PARTNER_KIND_POLICE:
      return C_("partner kind", "Police or public prosecutor contact");
    case WB_PARTNER_KIND_COMMUNICATION:
      return C_("partner kind", "Communication and media");
    case WB_PARTNER_KIND_OTHER:
      return C_("partner kind", "Other");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbFollowUpKind, wb_follow_up_kind,
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT, "aftercare-contact"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_KIND_CHECK_IN_RELATIVES, "check-in-relatives"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_KIND_EVALUATION, "evaluation"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_KIND_CHECK_REFERRAL, "check-referral"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_KIND_OTHER, "other"))

/**
 * wb_follow_up_kind_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_follow_up_kind_to_label (WbFollowUpKind value)
{
  switch (value)
    {
    case WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT:
      /* Translators: Dutch: nazorgcontact */
      return C_("follow-up kind", "Aftercare contact");
    case WB_FOLLOW_UP_KIND_CHECK_IN_RELATIVES:
      return C_("follow-up kind", "Check in with partner or family");
    case WB_FOLLOW_UP_KIND_EVALUATION:
      return C_("follow-up kind", "Evaluation");
    case WB_FOLLOW_UP_KIND_CHECK_REFERRAL:
      /* Translators: Dutch: doorverwijzing nagaan */
      return C_("follow-up kind", "Check the referral");
    case WB_FOLLOW_UP_KIND_OTHER:
      return C_("follow-up kind", "Other");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbFollowUpTarget, wb_follow_up_target,
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_TARGET_REPORTER, "reporter"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_TARGET_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_TARGET_FAMILY, "family"))

/**
 * wb_follow_up_target_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_follow_up_target_to_label (WbFollowUpTarget value)
{
  switch (value)
    {
    case WB_FOLLOW_UP_TARGET_REPORTER:
      /* Translators: Dutch: melder */
      return C_("follow-up target", "Reporter");
    case WB_FOLLOW_UP_TARGET_PARTNER:
      return C_("follow-up target", "Partner");
    case WB_FOLLOW_UP_TARGET_FAMILY:
      /* Translators: Dutch: gezin */
      return C_("follow-up target", "Family");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbFollowUpState, wb_follow_up_state,
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_STATE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_STATE_SNOOZED, "snoozed"),
  G_DEFINE_ENUM_VALUE (WB_FOLLOW_UP_STATE_CANCELLED, "cancelled"))

/**
 * wb_follow_up_state_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_follow_up_state_to_label (WbFollowUpState value)
{
  switch (value)
    {
    case WB_FOLLOW_UP_STATE_OPEN:
      return C_("follow-up state", "Open");
    case WB_FOLLOW_UP_STATE_DONE:
      return C_("follow-up state", "Done");
    case WB_FOLLOW_UP_STATE_SNOOZED:
      /* Translators: Put off until later */
      return C_("follow-up state", "Snoozed");
    case WB_FOLLOW_UP_STATE_CANCELLED:
      return C_("follow-up state", "Cancelled");
    default:
      return NULL;
    }
}

G_DEFINE_ENUM_TYPE (WbAccountRole, wb_account_role,
  G_DEFINE_ENUM_VALUE (WB_ACCOUNT_ROLE_ADMIN, "admin"),
  G_DEFINE_ENUM_VALUE (WB_ACCOUNT_ROLE_STAFF, "staff"),
  G_DEFINE_ENUM_VALUE (WB_ACCOUNT_ROLE_CONTACT_PERSON, "contact-person"))

/**
 * wb_account_role_to_label:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for
 *   an unknown value
 */
const char *
wb_account_role_to_label (WbAccountRole value)
{
  switch (value)
    {
    case WB_ACCOUNT_ROLE_ADMIN:
      /* Translators: Dutch: beheerder */
      return C_("account role", "Administrator");
    case WB_ACCOUNT_ROLE_STAFF:
      /* Translators: Dutch: medewerker */
      return C_("account role", "Staff member");
    case WB_ACCOUNT_ROLE_CONTACT_PERSON:
      /* Translators: Dutch: contactpersoon */
      return C_("account role", "Contact person");
    default:
      return NULL;
    }
}

static gboolean
label_of (GType        type,
          guint        value,
          const char **label)
{
  if (type == WB_TYPE_CASE_STATUS)
    {
      *label = wb_case_status_to_label ((WbCaseStatus) value);
      return TRUE;
    }
  if (type == WB_TYPE_URGENCY)
    {
      *label = wb_urgency_to_label ((WbUrgency) value);
      return TRUE;
    }
  if (type == WB_TYPE_ASSOCIATION)
    {
      *label = wb_association_to_label ((WbAssociation) value);
      return TRUE;
    }
  if (type == WB_TYPE_PERSON_ROLE)
    {
      *label = wb_person_role_to_label ((WbPersonRole) value);
      return TRUE;
    }
  if (type == WB_TYPE_PERSON_RELATION)
    {
      *label = wb_person_relation_to_label ((WbPersonRelation) value);
      return TRUE;
    }
  if (type == WB_TYPE_CALLBACK_CHANNEL)
    {
      *label = wb_callback_channel_to_label ((WbCallbackChannel) value);
      return TRUE;
    }
  if (type == WB_TYPE_INCIDENT_TYPE)
    {
      *label = wb_incident_type_to_label ((WbIncidentType) value);
      return TRUE;
    }
  if (type == WB_TYPE_INCIDENT_CHANNEL)
    {
      *label = wb_incident_channel_to_label ((WbIncidentChannel) value);
      return TRUE;
    }
  if (type == WB_TYPE_INCIDENT_TARGET)
    {
      *label = wb_incident_target_to_label ((WbIncidentTarget) value);
      return TRUE;
    }
  if (type == WB_TYPE_POLICE_REPORT)
    {
      *label = wb_police_report_to_label ((WbPoliceReport) value);
      return TRUE;
    }
  if (type == WB_TYPE_NEED)
    {
      *label = wb_need_to_label ((WbNeed) value);
      return TRUE;
    }
  if (type == WB_TYPE_TIMELINE_KIND)
    {
      *label = wb_timeline_kind_to_label ((WbTimelineKind) value);
      return TRUE;
    }
  if (type == WB_TYPE_CONTACT_CHANNEL)
    {
      *label = wb_contact_channel_to_label ((WbContactChannel) value);
      return TRUE;
    }
  if (type == WB_TYPE_PARTNER_KIND)
    {
      *label = wb_partner_kind_to_label ((WbPartnerKind) value);
      return TRUE;
    }
  if (type == WB_TYPE_FOLLOW_UP_KIND)
    {
      *label = wb_follow_up_kind_to_label ((WbFollowUpKind) value);
      return TRUE;
    }
  if (type == WB_TYPE_FOLLOW_UP_TARGET)
    {
      *label = wb_follow_up_target_to_label ((WbFollowUpTarget) value);
      return TRUE;
    }
  if (type == WB_TYPE_FOLLOW_UP_STATE)
    {
      *label = wb_follow_up_state_to_label ((WbFollowUpState) value);
      return TRUE;
    }
  if (type == WB_TYPE_ACCOUNT_ROLE)
    {
      *label = wb_account_role_to_label ((WbAccountRole) value);
      return TRUE;
    }

  *label = NULL;
  return FALSE;
}

/**
 * wb_enum_to_label:
 * @type: one of the enum or flags types of this file
 * @value: a value of @type (a single flag for a flags type)
 *
 * Returns: (transfer none) (nullable): the translated label of @value
 */
const char *
wb_enum_to_label (GType type,
                  guint value)
{
  const char *label = NULL;

  g_return_val_if_fail (label_of (type, value, &label), NULL);

  return label;
}

/**
 * wb_flags_to_label:
 * @flags_type: one of the flags types of this file
 * @value: a combination of flags
 *
 * Returns: (transfer full): the translated labels of the flags in @value,
 *   in declaration order and separated by commas; empty for no flags
 */
char *
wb_flags_to_label (GType flags_type,
                   guint value)
{
  g_autoptr(GFlagsClass) klass = NULL;
  g_autoptr(GString) str = NULL;
  const char *unused;

  g_return_val_if_fail (G_TYPE_IS_FLAGS (flags_type), NULL);
  g_return_val_if_fail (label_of (flags_type, 0, &unused), NULL);

  str = g_string_new (NULL);
  klass = g_type_class_ref (flags_type);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if ((value & klass->values[i].value) == 0)
        continue;
      if (str->len > 0)
        /* Translators: separates the labels of a list, as in "Threat, Doxing" */
        g_string_append (str, _(", "));
      g_string_append (str, wb_enum_to_label (flags_type, klass->values[i].value));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/**
 * wb_enum_from_nick:
 * @type: an enum type
 * @nick: (nullable): a nick such as "in-progress"
 * @value: (out): the value
 *
 * Returns: whether @nick names a value of @type
 */
gboolean
wb_enum_from_nick (GType       type,
                   const char *nick,
                   guint      *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}
