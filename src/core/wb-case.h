/* wb-case.h: a support case: reference, status, urgency and who handles it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_CASE (wb_case_get_type ())

G_DECLARE_FINAL_TYPE (WbCase, wb_case, WB, CASE, GObject)

WbCase        *wb_case_new              (void);
const char    *wb_case_get_id           (WbCase *self);
const char    *wb_case_get_reference    (WbCase *self);
void           wb_case_set_reference    (WbCase     *self,
                                         const char *reference);
WbCaseStatus   wb_case_get_status       (WbCase *self);
void           wb_case_set_status       (WbCase       *self,
                                         WbCaseStatus  status);
WbUrgency      wb_case_get_urgency      (WbCase *self);
void           wb_case_set_urgency      (WbCase    *self,
                                         WbUrgency  urgency);
WbAssociation  wb_case_get_association  (WbCase *self);
void           wb_case_set_association  (WbCase        *self,
                                         WbAssociation  association);
const char    *wb_case_get_assignee     (WbCase *self);
void           wb_case_set_assignee     (WbCase     *self,
                                         const char *assignee);
GDateTime     *wb_case_get_created      (WbCase *self);
void           wb_case_set_created      (WbCase    *self,
                                         GDateTime *created);
GDateTime     *wb_case_get_updated      (WbCase *self);
void           wb_case_set_updated      (WbCase    *self,
                                         GDateTime *updated);
GDateTime     *wb_case_get_retain_until (WbCase *self);
void           wb_case_set_retain_until (WbCase    *self,
                                         GDateTime *retain_until);
void           wb_case_touch            (WbCase *self);
GBytes        *wb_case_serialize        (WbCase *self);
WbCase        *wb_case_deserialize      (GBytes  *bytes,
                                         GError **error);
gboolean       wb_case_validate         (WbCase    *self,
                                         GPtrArray *issues);
gboolean       wb_case_check            (WbCase  *self,
                                         GError **error);

G_END_DECLS
