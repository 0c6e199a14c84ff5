/* wb-enums.h: the enumerations and flags of the domain, with translated labels.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a case stands. */
typedef enum
{
  WB_CASE_STATUS_NEW = 0,
  WB_CASE_STATUS_IN_PROGRESS = 1,
  WB_CASE_STATUS_REFERRED = 2,
  WB_CASE_STATUS_AFTERCARE = 3,
  WB_CASE_STATUS_CLOSED = 4,
} WbCaseStatus;

#define WB_TYPE_CASE_STATUS (wb_case_status_get_type ())
GType       wb_case_status_get_type (void) G_GNUC_CONST;
const char *wb_case_status_to_label (WbCaseStatus value);

/* How soon the team must act; ordered by severity. */
typedef enum
{
  WB_URGENCY_NORMAL = 0,
  WB_URGENCY_HIGH = 1,
  WB_URGENCY_ACUTE = 2,
} WbUrgency;

#define WB_TYPE_URGENCY (wb_urgency_get_type ())
GType       wb_urgency_get_type (void) G_GNUC_CONST;
const char *wb_urgency_to_label (WbUrgency value);

/* The association that received the report. */
typedef enum
{
  WB_ASSOCIATION_NONE = 0,
  WB_ASSOCIATION_NGB = 1,
  WB_ASSOCIATION_WETHOUDERS = 2,
  WB_ASSOCIATION_NVVR = 3,
} WbAssociation;

#define WB_TYPE_ASSOCIATION (wb_association_get_type ())
GType       wb_association_get_type (void) G_GNUC_CONST;
const char *wb_association_to_label (WbAssociation value);

/* The public role of a person. */
typedef enum
{
  WB_PERSON_ROLE_MAYOR = 0,
  WB_PERSON_ROLE_ALDERMAN = 1,
  WB_PERSON_ROLE_COUNCILLOR = 2,
  WB_PERSON_ROLE_FORMER_MAYOR = 3,
  WB_PERSON_ROLE_FORMER_ALDERMAN = 4,
  WB_PERSON_ROLE_FORMER_COUNCILLOR = 5,
  WB_PERSON_ROLE_RELATIVE = 6,
  WB_PERSON_ROLE_OTHER = 7,
} WbPersonRole;

#define WB_TYPE_PERSON_ROLE (wb_person_role_get_type ())
GType       wb_person_role_get_type (void) G_GNUC_CONST;
const char *wb_person_role_to_label (WbPersonRole value);

/* How a person relates to the case. */
typedef enum
{
  WB_PERSON_RELATION_REPORTER = 0,
  WB_PERSON_RELATION_PARTNER = 1,
  WB_PERSON_RELATION_FAMILY = 2,
} WbPersonRelation;

#define WB_TYPE_PERSON_RELATION (wb_person_relation_get_type ())
GType       wb_person_relation_get_type (void) G_GNUC_CONST;
const char *wb_person_relation_to_label (WbPersonRelation value);

/* How a person wants to be called back. */
typedef enum
{
  WB_CALLBACK_CHANNEL_PHONE = 0,
  WB_CALLBACK_CHANNEL_TEXT_MESSAGE = 1,
  WB_CALLBACK_CHANNEL_EMAIL = 2,
} WbCallbackChannel;

#define WB_TYPE_CALLBACK_CHANNEL (wb_callback_channel_get_type ())
GType       wb_callback_channel_get_type (void) G_GNUC_CONST;
const char *wb_callback_channel_to_label (WbCallbackChannel value);

/* What happened. */
typedef enum
{
  WB_INCIDENT_TYPE_VERBAL_AGGRESSION = 1 << 0,
  WB_INCIDENT_TYPE_INTIMIDATION = 1 << 1,
  WB_INCIDENT_TYPE_THREAT = 1 << 2,
  WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE = 1 << 3,
  WB_INCIDENT_TYPE_STALKING = 1 << 4,
  WB_INCIDENT_TYPE_DOXING = 1 << 5,
  WB_INCIDENT_TYPE_ONLINE_HATE = 1 << 6,
  WB_INCIDENT_TYPE_OTHER = 1 << 7,
} WbIncidentType;

#define WB_TYPE_INCIDENT_TYPE (wb_incident_type_get_type ())
GType       wb_incident_type_get_type (void) G_GNUC_CONST;
const char *wb_incident_type_to_label (WbIncidentType value);

/* Where or through what it happened. */
typedef enum
{
  WB_INCIDENT_CHANNEL_ONLINE = 1 << 0,
  WB_INCIDENT_CHANNEL_MAIL = 1 << 1,
  WB_INCIDENT_CHANNEL_PHONE = 1 << 2,
  WB_INCIDENT_CHANNEL_AT_HOME = 1 << 3,
  WB_INCIDENT_CHANNEL_DURING_MEETING = 1 << 4,
  WB_INCIDENT_CHANNEL_PUBLIC_SPACE = 1 << 5,
} WbIncidentChannel;

#define WB_TYPE_INCIDENT_CHANNEL (wb_incident_channel_get_type ())
GType       wb_incident_channel_get_type (void) G_GNUC_CONST;
const char *wb_incident_channel_to_label (WbIncidentChannel value);

/* At whom it was aimed. */
typedef enum
{
  WB_INCIDENT_TARGET_OFFICE = 1 << 0,
  WB_INCIDENT_TARGET_PERSON = 1 << 1,
  WB_INCIDENT_TARGET_RELATIVES = 1 << 2,
} WbIncidentTarget;

#define WB_TYPE_INCIDENT_TARGET (wb_incident_target_get_type ())
GType       wb_incident_target_get_type (void) G_GNUC_CONST;
const char *wb_incident_target_to_label (WbIncidentTarget value);

/* Whether a police report (aangifte) was made. */
typedef enum
{
  WB_POLICE_REPORT_NONE = 0,
  WB_POLICE_REPORT_PLANNED = 1,
  WB_POLICE_REPORT_FILED = 2,
} WbPoliceReport;

#define WB_TYPE_POLICE_REPORT (wb_police_report_get_type ())
GType       wb_police_report_get_type (void) G_GNUC_CONST;
const char *wb_police_report_to_label (WbPoliceReport value);

/* What support the reporter asks for. */
typedef enum
{
  WB_NEED_SECURITY = 1 << 0,
  WB_NEED_LEGAL = 1 << 1,
  WB_NEED_AFTERCARE_SELF = 1 << 2,
  WB_NEED_AFTERCARE_PARTNER = 1 << 3,
  WB_NEED_AFTERCARE_FAMILY = 1 << 4,
  WB_NEED_PEER_SUPPORT = 1 << 5,
  WB_NEED_COMMUNICATION = 1 << 6,
  WB_NEED_OTHER = 1 << 7,
} WbNeed;

#define WB_TYPE_NEED (wb_need_get_type ())
GType       wb_need_get_type (void) G_GNUC_CONST;
const char *wb_need_to_label (WbNeed value);

/* The kind of a timeline entry. */
typedef enum
{
  WB_TIMELINE_KIND_NOTE = 0,
  WB_TIMELINE_KIND_CONTACT = 1,
  WB_TIMELINE_KIND_ADVICE = 2,
  WB_TIMELINE_KIND_REFERRAL = 3,
  WB_TIMELINE_KIND_STATUS_CHANGE = 4,
  WB_TIMELINE_KIND_FOLLOW_UP_DONE = 5,
} WbTimelineKind;

#define WB_TYPE_TIMELINE_KIND (wb_timeline_kind_get_type ())
GType       wb_timeline_kind_get_type (void) G_GNUC_CONST;
const char *wb_timeline_kind_to_label (WbTimelineKind value);

/* How a contact took place. */
typedef enum
{
  WB_CONTACT_CHANNEL_NONE = 0,
  WB_CONTACT_CHANNEL_PHONE = 1,
  WB_CONTACT_CHANNEL_MEETING = 2,
  WB_CONTACT_CHANNEL_EMAIL = 3,
} WbContactChannel;

#define WB_TYPE_CONTACT_CHANNEL (wb_contact_channel_get_type ())
GType       wb_contact_channel_get_type (void) G_GNUC_CONST;
const char *wb_contact_channel_to_label (WbContactChannel value);

/* What a partner offers. */
typedef enum
{
  WB_PARTNER_KIND_PEER_MAYOR = 0,
  WB_PARTNER_KIND_PEER_ALDERMAN = 1,
  WB_PARTNER_KIND_PEER_COUNCILLOR = 2,
  WB_PARTNER_KIND_EXPERIENCE_EXPERT = 3,
  WB_PARTNER_KIND_SECURITY_EXPERT = 4,
  WB_PARTNER_KIND_LEGAL = 5,
  WB_PARTNER_KIND_AFTERCARE = 6,
  WB_PARTNER_KIND_POLICE = 7,
  WB_PARTNER_KIND_COMMUNICATION = 8,
  WB_PARTNER_KIND_OTHER = 9,
} WbPartnerKind;

#define WB_TYPE_PARTNER_KIND (wb_partner_kind_get_type ())
GType       wb_partner_kind_get_type (void) G_GNUC_CONST;
const char *wb_partner_kind_to_label (WbPartnerKind value);

/* What a follow-up is for. */
typedef enum
{
  WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT = 0,
  WB_FOLLOW_UP_KIND_CHECK_IN_RELATIVES = 1,
  WB_FOLLOW_UP_KIND_EVALUATION = 2,
  WB_FOLLOW_UP_KIND_CHECK_REFERRAL = 3,
  WB_FOLLOW_UP_KIND_OTHER = 4,
} WbFollowUpKind;

#define WB_TYPE_FOLLOW_UP_KIND (wb_follow_up_kind_get_type ())
GType       wb_follow_up_kind_get_type (void) G_GNUC_CONST;
const char *wb_follow_up_kind_to_label (WbFollowUpKind value);

/* For whom a follow-up is. */
typedef enum
{
  WB_FOLLOW_UP_TARGET_REPORTER = 0,
  WB_FOLLOW_UP_TARGET_PARTNER = 1,
  WB_FOLLOW_UP_TARGET_FAMILY = 2,
} WbFollowUpTarget;

#define WB_TYPE_FOLLOW_UP_TARGET (wb_follow_up_target_get_type ())
GType       wb_follow_up_target_get_type (void) G_GNUC_CONST;
const char *wb_follow_up_target_to_label (WbFollowUpTarget value);

/* Where a follow-up stands. */
typedef enum
{
  WB_FOLLOW_UP_STATE_OPEN = 0,
  WB_FOLLOW_UP_STATE_DONE = 1,
  WB_FOLLOW_UP_STATE_SNOOZED = 2,
  WB_FOLLOW_UP_STATE_CANCELLED = 3,
} WbFollowUpState;

#define WB_TYPE_FOLLOW_UP_STATE (wb_follow_up_state_get_type ())
GType       wb_follow_up_state_get_type (void) G_GNUC_CONST;
const char *wb_follow_up_state_to_label (WbFollowUpState value);

/* What an account may do. */
typedef enum
{
  WB_ACCOUNT_ROLE_ADMIN = 0,
  WB_ACCOUNT_ROLE_STAFF = 1,
  WB_ACCOUNT_ROLE_CONTACT_PERSON = 2,
} WbAccountRole;

#define WB_TYPE_ACCOUNT_ROLE (wb_account_role_get_type ())
GType       wb_account_role_get_type (void) G_GNUC_CONST;
const char *wb_account_role_to_label (WbAccountRole value);

const char *wb_enum_to_label       (GType       type,
                                    guint       value);
char       *wb_flags_to_label      (GType       flags_type,
                                    guint       value);
gboolean    wb_enum_from_nick      (GType       type,
                                    const char *nick,
                                    guint      *value);

G_END_DECLS
