/* wb-outcome-dialog.c: asks what came of a follow-up, then marks it done.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the Nazorg page and by the "Done" action of a reminder popup:
 * the outcome goes into the case timeline, so it is asked for, never
 * assumed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-followup-actions.h"
#include "wb-outcome-dialog.h"

/* Callbacks */

static void
completed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (wb_followup_complete_finish (WB_STORE (object), result, &error))
    return;

  dialog = adw_message_dialog_new (parent, _("The Follow-Up Was Not Marked Done"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
outcome_changed_cb (AdwMessageDialog *dialog,
                    GtkEditable      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "done", *text != '\0');
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkEditable      *entry)
{
  WbStore *store = g_object_get_data (G_OBJECT (dialog), "wb-store");
  const char *id = g_object_get_data (G_OBJECT (dialog), "wb-follow-up-id");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (!g_str_equal (response, "done"))
    return;
  wb_followup_complete_async (store, id, gtk_editable_get_text (entry), NULL, NULL,
                              completed_cb, parent != NULL ? g_object_ref (parent) : NULL);
}

/**
 * wb_outcome_dialog_present:
 * @parent: (nullable): the window to put the dialog on
 * @case_reference: (nullable): the case reference, to say which case
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
wb_outcome_dialog_present (GtkWindow  *parent,
                           WbStore    *store,
                           const char *follow_up_id,
                           const char *case_reference)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_val_if_fail (WB_IS_STORE (store), NULL);
  g_return_val_if_fail (follow_up_id != NULL, NULL);

  if (case_reference != NULL && *case_reference != '\0')
    /* Translators: %s is a case reference such as WB-2024-0042. */
    body = g_strdup_printf (_("What came of the follow-up for case %s? The outcome goes into the "
                              "timeline of the case."), case_reference);
  else
    body = g_strdup (_("What came of the follow-up? The outcome goes into the timeline of the case."));

  dialog = adw_message_dialog_new (parent, _("Mark Follow-Up Done"), body);
  g_object_set_data_full (G_OBJECT (dialog), "wb-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "wb-follow-up-id", g_strdup (follow_up_id), g_free);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "done", _("_Mark Done"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "done",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "done");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "done", FALSE);
  wb_a11y_fix_mnemonic_names (dialog);

  g_signal_connect_object (entry, "changed", G_CALLBACK (outcome_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), entry);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return dialog;
}
