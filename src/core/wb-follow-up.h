/* wb-follow-up.h: a planned follow-up of a case, which a reminder announces when due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_FOLLOW_UP (wb_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (WbFollowUp, wb_follow_up, WB, FOLLOW_UP, GObject)

WbFollowUp       *wb_follow_up_new          (void);
const char       *wb_follow_up_get_id       (WbFollowUp *self);
const char       *wb_follow_up_get_case_id  (WbFollowUp *self);
void              wb_follow_up_set_case_id  (WbFollowUp *self,
                                             const char *case_id);
GDateTime        *wb_follow_up_get_due      (WbFollowUp *self);
void              wb_follow_up_set_due      (WbFollowUp *self,
                                             GDateTime  *due);
WbFollowUpKind    wb_follow_up_get_kind     (WbFollowUp *self);
void              wb_follow_up_set_kind     (WbFollowUp     *self,
                                             WbFollowUpKind  kind);
WbFollowUpTarget  wb_follow_up_get_target   (WbFollowUp *self);
void              wb_follow_up_set_target   (WbFollowUp       *self,
                                             WbFollowUpTarget  target);
const char       *wb_follow_up_get_assignee (WbFollowUp *self);
void              wb_follow_up_set_assignee (WbFollowUp *self,
                                             const char *assignee);
const char       *wb_follow_up_get_note     (WbFollowUp *self);
void              wb_follow_up_set_note     (WbFollowUp *self,
                                             const char *note);
WbFollowUpState   wb_follow_up_get_state    (WbFollowUp *self);
void              wb_follow_up_set_state    (WbFollowUp      *self,
                                             WbFollowUpState  state);
const char       *wb_follow_up_get_outcome  (WbFollowUp *self);
void              wb_follow_up_set_outcome  (WbFollowUp *self,
                                             const char *outcome);
GBytes           *wb_follow_up_serialize    (WbFollowUp *self);
WbFollowUp       *wb_follow_up_deserialize  (GBytes  *bytes,
                                             GError **error);
gboolean          wb_follow_up_validate     (WbFollowUp *self,
                                             GPtrArray  *issues);
gboolean          wb_follow_up_check        (WbFollowUp  *self,
                                             GError     **error);

G_END_DECLS
