/* wb-followup-actions.h: what a user does to a follow-up, written through the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-aftercare-plan.h"
#include "wb-store.h"

G_BEGIN_DECLS

GPtrArray *wb_followup_plan_records      (const WbAftercarePlan  *plan,
                                          const char             *case_id,
                                          const char             *assignee,
                                          GDateTime              *start_local,
                                          GError                **error);
void       wb_followup_apply_plan_async  (WbStore                *store,
                                          const WbAftercarePlan  *plan,
                                          const char             *case_id,
                                          const char             *assignee,
                                          GDateTime              *start_local,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean   wb_followup_apply_plan_finish (WbStore                *store,
                                          GAsyncResult           *result,
                                          GError                **error);

void       wb_followup_load_async        (WbStore                *store,
                                          const char             *follow_up_id,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
WbFollowUp *wb_followup_load_finish      (WbStore                *store,
                                          GAsyncResult           *result,
                                          GError                **error);

void       wb_followup_snooze_async      (WbStore                *store,
                                          const char             *follow_up_id,
                                          GDateTime              *until,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean   wb_followup_snooze_finish     (WbStore                *store,
                                          GAsyncResult           *result,
                                          GError                **error);

void       wb_followup_complete_async    (WbStore                *store,
                                          const char             *follow_up_id,
                                          const char             *outcome,
                                          GDateTime              *when,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean   wb_followup_complete_finish   (WbStore                *store,
                                          GAsyncResult           *result,
                                          GError                **error);

G_END_DECLS
