/* wb-aftercare-plan.c: aftercare plan templates that turn into dated follow-ups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-aftercare-plan.h"
#include "wb-due.h"

#define MAX_STEPS 6

struct _WbAftercarePlan
{
  const char      *id;
  const char      *context;
  const char      *name;
  WbAftercareStep  steps[MAX_STEPS];
  guint            n_steps;
};

/* The templates the team works with; the ids are stored, the names shown. */
static const WbAftercarePlan plans[] = {
  {
    WB_AFTERCARE_PLAN_STANDARD,
    "aftercare plan",
    /* Translators: the name of an aftercare plan; Dutch: Standaard nazorg */
    NC_("aftercare plan", "Standard aftercare"),
    {
      { 1, WB_AFTERCARE_UNIT_WEEKS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT },
      { 4, WB_AFTERCARE_UNIT_WEEKS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT },
      { 3, WB_AFTERCARE_UNIT_MONTHS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT },
      { 6, WB_AFTERCARE_UNIT_MONTHS, WB_FOLLOW_UP_KIND_EVALUATION },
    },
    4,
  },
  {
    WB_AFTERCARE_PLAN_SHORT,
    "aftercare plan",
    /* Translators: the name of an aftercare plan; Dutch: Kort */
    NC_("aftercare plan", "Short aftercare"),
    {
      { 1, WB_AFTERCARE_UNIT_WEEKS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT },
      { 1, WB_AFTERCARE_UNIT_MONTHS, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT },
      { 3, WB_AFTERCARE_UNIT_MONTHS, WB_FOLLOW_UP_KIND_EVALUATION },
    },
    3,
  },
};

/**
 * wb_aftercare_plan_list:
 *
 * Returns: (transfer container) (element-type WbAftercarePlan): the plans,
 *   the standard one first
 */
GPtrArray *
wb_aftercare_plan_list (void)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    g_ptr_array_add (list, (gpointer) &plans[i]);

  return list;
}

/**
 * wb_aftercare_plan_lookup:
 * @id: (nullable): a plan id such as %WB_AFTERCARE_PLAN_STANDARD
 *
 * Returns: (transfer none) (nullable): the plan, or %NULL
 */
const WbAftercarePlan *
wb_aftercare_plan_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    if (g_strcmp0 (plans[i].id, id) == 0)
      return &plans[i];

  return NULL;
}

const char *
wb_aftercare_plan_get_id (const WbAftercarePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->id;
}

/**
 * wb_aftercare_plan_get_name:
 * @plan: a plan
 *
 * Returns: the translated name
 */
const char *
wb_aftercare_plan_get_name (const WbAftercarePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, plan->context, plan->name);
}

guint
wb_aftercare_plan_get_n_steps (const WbAftercarePlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_steps;
}

/**
 * wb_aftercare_plan_get_step:
 * @plan: a plan
 * @index: less than wb_aftercare_plan_get_n_steps()
 *
 * Returns: (transfer none): the step
 */
const WbAftercareStep *
wb_aftercare_plan_get_step (const WbAftercarePlan *plan,
                            guint                  index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->n_steps, NULL);

  return &plan->steps[index];
}

/**
 * wb_aftercare_step_describe:
 * @step: a step
 *
 * Returns: (transfer full): the delay in words, such as “3 months”
 */
char *
wb_aftercare_step_describe (const WbAftercareStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  switch (step->unit)
    {
    case WB_AFTERCARE_UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: a delay after the start of aftercare */
                                           "%u day", "%u days", step->amount),
                              step->amount);
    case WB_AFTERCARE_UNIT_WEEKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: a delay after the start of aftercare */
                                           "%u week", "%u weeks", step->amount),
                              step->amount);
    case WB_AFTERCARE_UNIT_MONTHS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: a delay after the start of aftercare */
                                           "%u month", "%u months", step->amount),
                              step->amount);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * wb_aftercare_plan_get_summary:
 * @plan: a plan
 *
 * Returns: (transfer full): the delays of the steps, such as
 *   “1 week, 4 weeks, 3 months, 6 months”
 */
char *
wb_aftercare_plan_get_summary (const WbAftercarePlan *plan)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->n_steps; i++)
    {
      g_autofree char *step = wb_aftercare_step_describe (&plan->steps[i]);

      if (i > 0)
        /* Translators: separates the delays in the summary of an aftercare plan */
        g_string_append (out, _(", "));
      g_string_append (out, step);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * wb_aftercare_step_get_due:
 * @step: a step
 * @start_local: the start of aftercare
 * @tz: (nullable): the zone of the wall clock; %NULL for wb_due_get_time_zone()
 *
 * Counts in calendar terms on the wall clock of @tz: a week after Monday
 * 10:00 is Monday 10:00, also when summer time starts or ends in between,
 * and a month after 31 January is the last day of February. A wall time
 * that does not exist because the clock is put forward that night becomes
 * 03:00, the first moment after the gap.
 *
 * Returns: (transfer full): when the step is due, in @tz
 */
GDateTime *
wb_aftercare_step_get_due (const WbAftercareStep *step,
                           GDateTime             *start_local,
                           GTimeZone             *tz)
{
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (start_local != NULL, NULL);

  if (tz == NULL)
    tz = wb_due_get_time_zone ();

  local = g_date_time_to_timezone (start_local, tz);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));

  switch (step->unit)
    {
    case WB_AFTERCARE_UNIT_DAYS:
      g_date_add_days (&date, step->amount);
      break;
    case WB_AFTERCARE_UNIT_WEEKS:
      g_date_add_days (&date, 7 * step->amount);
      break;
    case WB_AFTERCARE_UNIT_MONTHS:
      g_date_add_months (&date, step->amount);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return g_date_time_new (tz,
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local),
                          g_date_time_get_seconds (local));
}

/**
 * wb_aftercare_plan_apply:
 * @plan: a plan
 * @case_id: the id of the case the follow-ups are for
 * @start_local: the start of aftercare, usually now
 * @tz: (nullable): the zone of the wall clock; %NULL for wb_due_get_time_zone()
 *
 * Returns: (transfer full) (element-type WbFollowUp): one open follow-up
 *   for the reporter per step, in order, due as wb_aftercare_step_get_due()
 *   says
 */
GPtrArray *
wb_aftercare_plan_apply (const WbAftercarePlan *plan,
                         const char            *case_id,
                         GDateTime             *start_local,
                         GTimeZone             *tz)
{
  GPtrArray *follow_ups;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (start_local != NULL, NULL);

  follow_ups = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < plan->n_steps; i++)
    {
      g_autoptr(GDateTime) due = wb_aftercare_step_get_due (&plan->steps[i], start_local, tz);
      WbFollowUp *follow_up = wb_follow_up_new ();

      wb_follow_up_set_case_id (follow_up, case_id);
      wb_follow_up_set_due (follow_up, due);
      wb_follow_up_set_kind (follow_up, plan->steps[i].kind);
      wb_follow_up_set_target (follow_up, WB_FOLLOW_UP_TARGET_REPORTER);
      wb_follow_up_set_state (follow_up, WB_FOLLOW_UP_STATE_OPEN);
      g_ptr_array_add (follow_ups, follow_up);
    }

  return follow_ups;
}
