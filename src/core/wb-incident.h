/* wb-incident.h: what happened: kinds, channels, target, period and what was done about it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_INCIDENT (wb_incident_get_type ())

G_DECLARE_FINAL_TYPE (WbIncident, wb_incident, WB, INCIDENT, GObject)

WbIncident        *wb_incident_new                   (void);
const char        *wb_incident_get_id                (WbIncident *self);
const char        *wb_incident_get_case_id           (WbIncident *self);
void               wb_incident_set_case_id           (WbIncident *self,
                                                      const char *case_id);
WbIncidentType     wb_incident_get_types             (WbIncident *self);
void               wb_incident_set_types             (WbIncident     *self,
                                                      WbIncidentType  types);
WbIncidentChannel  wb_incident_get_channels          (WbIncident *self);
void               wb_incident_set_channels          (WbIncident        *self,
                                                      WbIncidentChannel  channels);
WbIncidentTarget   wb_incident_get_targets           (WbIncident *self);
void               wb_incident_set_targets           (WbIncident       *self,
                                                      WbIncidentTarget  targets);
GDateTime         *wb_incident_get_start             (WbIncident *self);
void               wb_incident_set_start             (WbIncident *self,
                                                      GDateTime  *start);
GDateTime         *wb_incident_get_end               (WbIncident *self);
void               wb_incident_set_end               (WbIncident *self,
                                                      GDateTime  *end);
gboolean           wb_incident_get_ongoing           (WbIncident *self);
void               wb_incident_set_ongoing           (WbIncident *self,
                                                      gboolean    ongoing);
const char        *wb_incident_get_description       (WbIncident *self);
void               wb_incident_set_description       (WbIncident *self,
                                                      const char *description);
gboolean           wb_incident_get_perpetrator_known (WbIncident *self);
void               wb_incident_set_perpetrator_known (WbIncident *self,
                                                      gboolean    perpetrator_known);
gboolean           wb_incident_get_police_informed   (WbIncident *self);
void               wb_incident_set_police_informed   (WbIncident *self,
                                                      gboolean    police_informed);
WbPoliceReport     wb_incident_get_police_report     (WbIncident *self);
void               wb_incident_set_police_report     (WbIncident     *self,
                                                      WbPoliceReport  police_report);
gboolean           wb_incident_get_family_involved   (WbIncident *self);
void               wb_incident_set_family_involved   (WbIncident *self,
                                                      gboolean    family_involved);
GBytes            *wb_incident_serialize             (WbIncident *self);
WbIncident        *wb_incident_deserialize           (GBytes  *bytes,
                                                      GError **error);
gboolean           wb_incident_validate              (WbIncident *self,
                                                      GPtrArray  *issues);
gboolean           wb_incident_validate_dates        (WbIncident *self,
                                                      GDateTime  *now,
                                                      GPtrArray  *issues);
gboolean           wb_incident_check                 (WbIncident  *self,
                                                      GError     **error);

G_END_DECLS
