/* wb-aftercare-plan.h: aftercare plan templates that turn into dated follow-ups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-enums.h"
#include "wb-follow-up.h"

G_BEGIN_DECLS

typedef enum
{
  WB_AFTERCARE_UNIT_DAYS,
  WB_AFTERCARE_UNIT_WEEKS,
  WB_AFTERCARE_UNIT_MONTHS,
} WbAftercareUnit;

/**
 * WbAftercareStep:
 * @amount: how many @unit after the start
 * @unit: days, weeks or calendar months
 * @kind: what the follow-up is for
 *
 * One follow-up of a plan.
 */
typedef struct
{
  guint           amount;
  WbAftercareUnit unit;
  WbFollowUpKind  kind;
} WbAftercareStep;

/* Plans are built in and never freed. */
typedef struct _WbAftercarePlan WbAftercarePlan;

#define WB_AFTERCARE_PLAN_STANDARD "standard"
#define WB_AFTERCARE_PLAN_SHORT "short"

GPtrArray             *wb_aftercare_plan_list        (void);
const WbAftercarePlan *wb_aftercare_plan_lookup      (const char             *id);
const char            *wb_aftercare_plan_get_id      (const WbAftercarePlan  *plan);
const char            *wb_aftercare_plan_get_name    (const WbAftercarePlan  *plan);
char                  *wb_aftercare_plan_get_summary (const WbAftercarePlan  *plan);
guint                  wb_aftercare_plan_get_n_steps (const WbAftercarePlan  *plan);
const WbAftercareStep *wb_aftercare_plan_get_step    (const WbAftercarePlan  *plan,
                                                      guint                   index);
GPtrArray             *wb_aftercare_plan_apply       (const WbAftercarePlan  *plan,
                                                      const char             *case_id,
                                                      GDateTime              *start_local,
                                                      GTimeZone              *tz);

char                  *wb_aftercare_step_describe    (const WbAftercareStep  *step);
GDateTime             *wb_aftercare_step_get_due     (const WbAftercareStep  *step,
                                                      GDateTime              *start_local,
                                                      GTimeZone              *tz);

G_END_DECLS
