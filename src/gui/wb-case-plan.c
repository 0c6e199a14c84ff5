/* wb-case-plan.c: "Apply Aftercare Plan" on the case page: the plan's follow-ups and a timeline note, in one transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-case-index.h"
#include "wb-case-page-private.h"
#include "wb-followup-actions.h"

static void
apply_plan (WbCasePage            *self,
            const WbAftercarePlan *plan)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WbTimelineEntry) entry = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  /* The case's contact person takes the follow-ups, as the intake does. */
  records = wb_followup_plan_records (plan, self->case_id,
                                      wb_case_get_assignee (self->kase), NULL, &error);
  if (records == NULL)
    {
      wb_case_page_tell (self, _("The Aftercare Plan Was Not Applied"), error->message);
      return;
    }

  /* Translators: a note in the case timeline; %s is the name of an aftercare plan */
  text = g_strdup_printf (_("Aftercare plan “%s” applied."), wb_aftercare_plan_get_name (plan));
  entry = wb_case_page_new_entry (self, WB_TIMELINE_KIND_NOTE, text);
  bytes = wb_timeline_entry_serialize (entry);
  wb_case_page_add_record (records, WB_KIND_TIMELINE, wb_timeline_entry_get_id (entry),
                           g_steal_pointer (&bytes));
  wb_case_page_write (self, records);
}

static void
plan_chosen_cb (AdwMessageDialog *dialog,
                const char       *response,
                WbCasePage       *self)
{
  const WbAftercarePlan *plan = wb_aftercare_plan_lookup (response);

  if (plan == NULL || self->kase == NULL)
    return;
  apply_plan (self, plan);
}

static void
apply_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  g_autoptr(GPtrArray) plans = wb_aftercare_plan_list ();
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->kase == NULL)
    return;

  g_string_append (body, _("The plan adds its follow-ups to this case, counted from today, "
                           "for the case's contact person."));
  for (guint i = 0; i < plans->len; i++)
    {
      const WbAftercarePlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *summary = wb_aftercare_plan_get_summary (plan);

      g_string_append_printf (body, "\n\n%s: %s", wb_aftercare_plan_get_name (plan), summary);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Apply Aftercare Plan"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < plans->len; i++)
    {
      const WbAftercarePlan *plan = g_ptr_array_index (plans, i);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog),
                                       wb_aftercare_plan_get_id (plan),
                                       wb_aftercare_plan_get_name (plan));
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (plan_chosen_cb), self, 0);
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
wb_case_page_class_init_plan (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.apply-plan", NULL, apply_plan_action);
}
