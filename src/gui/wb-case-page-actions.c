/* wb-case-page-actions.c: what a user does on a case page: status, contact person, urgency, close, notes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every action changes the page's objects, then writes the records it
 * touched in one transaction (wb_case_page_write()), so a status change and
 * its timeline entry are stored together or not at all.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "wb-a11y.h"
#include "wb-case-page-private.h"
#include "wb-inzage-export.h"

/* The kinds of the new-entry form, in drop-down order. */
static const WbContactChannel entry_channels[] = {
  WB_CONTACT_CHANNEL_NONE,        /* a note */
  WB_CONTACT_CHANNEL_PHONE,
  WB_CONTACT_CHANNEL_MEETING,
  WB_CONTACT_CHANNEL_EMAIL,
};

static void
put_case (WbCasePage *self,
          GPtrArray  *records)
{
  wb_case_touch (self->kase);
  wb_case_page_add_record (records, "case", wb_case_get_id (self->kase),
                           wb_case_serialize (self->kase));
}

static void
put_entry (WbCasePage      *self,
           GPtrArray       *records,
           WbTimelineEntry *e)
{
  wb_case_page_add_record (records, "timeline", wb_timeline_entry_get_id (e),
                           wb_timeline_entry_serialize (e));
}

static GPtrArray *
records_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
}

/* Writes the changed case, @records already gathered and a status-change
 * entry saying @text, in one transaction; the timeline shows the entry at once. */
static void
write_change (WbCasePage *self,
              GPtrArray  *records,
              const char *text)
{
  g_autoptr(WbTimelineEntry) e = wb_case_page_new_entry (self, WB_TIMELINE_KIND_STATUS_CHANGE, text);

  put_case (self, records);
  put_entry (self, records, e);
  g_ptr_array_add (self->timeline, g_object_ref (e));
  wb_case_page_write (self, records);
}

static GtkWindow *
parent_window (WbCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
dialog_new (WbCasePage *self,
            const char *heading,
            const char *body,
            const char *apply_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                                         heading, body));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "apply", apply_label);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
present (AdwMessageDialog *dialog)
{
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
labelled (const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

/* Only offers "apply" while the entry holds text. */
static void
require_text_cb (GtkEditable      *editable,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "apply", *text != '\0');
}

static void
require_text (AdwMessageDialog *dialog,
              GtkWidget        *entry)
{
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (require_text_cb), dialog, 0);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* Status */

static const WbCaseStatus open_statuses[] = {
  WB_CASE_STATUS_NEW, WB_CASE_STATUS_IN_PROGRESS, WB_CASE_STATUS_REFERRED,
  WB_CASE_STATUS_AFTERCARE,
};

void
wb_case_page_change_status (WbCasePage   *self,
                            WbCaseStatus  status,
                            const char   *reason)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  WbCaseStatus old;

  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (self->kase != NULL);
  g_return_if_fail (reason != NULL);

  old = wb_case_get_status (self->kase);
  if (old == status)
    return;
  /* Translators: a status change in the timeline: old status, new status, the reason given */
  text = g_strdup_printf (_("%s → %s: %s"), wb_case_status_to_label (old),
                          wb_case_status_to_label (status), reason);
  records = records_new ();
  wb_case_set_status (self->kase, status);
  write_change (self, records, text);
}

typedef struct
{
  WbCasePage  *self;
  GtkDropDown *dropdown;
  GtkWidget   *entry;
  GtkWidget   *cancel_check;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *d = data;

  g_object_unref (d->self);
  g_free (d);
}

static DialogData *
dialog_data_new (WbCasePage       *self,
                 AdwMessageDialog *dialog)
{
  DialogData *d = g_new0 (DialogData, 1);

  d->self = g_object_ref (self);
  g_object_set_data_full (G_OBJECT (dialog), "wb-dialog-data", d, dialog_data_free);
  return d;
}

static gboolean
still_same_case (DialogData *d)
{
  /* The vault may have locked, or another case opened, while the dialog was up. */
  return d->self->kase != NULL;
}

static void
status_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *d)
{
  g_autofree char *reason = entry_text (d->entry);
  guint pos = gtk_drop_down_get_selected (d->dropdown);

  if (!g_str_equal (response, "apply") || !still_same_case (d) || *reason == '\0' ||
      pos >= G_N_ELEMENTS (open_statuses))
    return;
  wb_case_page_change_status (d->self, open_statuses[pos], reason);
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  AdwMessageDialog *dialog;
  DialogData *d;
  GtkWidget *box;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (self->kase == NULL)
    return;
  dialog = dialog_new (self, _("Change Status"),
                       _("The change and its reason are kept in the timeline."),
                       _("C_hange Status"));
  d = dialog_data_new (self, dialog);
  for (guint i = 0; i < G_N_ELEMENTS (open_statuses); i++)
    gtk_string_list_append (labels, wb_case_status_to_label (open_statuses[i]));
  d->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (open_statuses); i++)
    if (open_statuses[i] == wb_case_get_status (self->kase))
      gtk_drop_down_set_selected (d->dropdown, (i + 1) % G_N_ELEMENTS (open_statuses));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New status"), -1);
  d->entry = gtk_entry_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->dropdown));
  gtk_box_append (GTK_BOX (box), labelled (_("_Reason"), d->entry));
  adw_message_dialog_set_extra_child (dialog, box);
  require_text (dialog, d->entry);
  g_signal_connect (dialog, "response", G_CALLBACK (status_response_cb), d);
  present (dialog);
  gtk_widget_grab_focus (d->entry);
}

/* Contact person */

static void
assign_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *d)
{
  WbCasePage *self = d->self;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  const WbVaultAccount *account;
  guint pos = gtk_drop_down_get_selected (d->dropdown);

  if (!g_str_equal (response, "apply") || !still_same_case (d) || self->accounts == NULL ||
      pos >= self->accounts->len)
    return;
  account = g_ptr_array_index (self->accounts, pos);
  id = wb_record_id_to_string (&account->id);
  if (g_strcmp0 (id, wb_case_get_assignee (self->kase)) == 0)
    return;
  /* Translators: %s is the name of the new contact person */
  text = g_strdup_printf (_("Contact person: %s"), account->display_name);
  records = records_new ();
  wb_case_set_assignee (self->kase, id);
  write_change (self, records, text);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint current = GTK_INVALID_LIST_POSITION;
  AdwMessageDialog *dialog;
  DialogData *d;

  if (self->kase == NULL || self->accounts == NULL)
    return;
  dialog = dialog_new (self, _("Assign Contact Person"), NULL, _("_Assign"));
  d = dialog_data_new (self, dialog);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      const WbVaultAccount *a = g_ptr_array_index (self->accounts, i);
      g_autofree char *id = wb_record_id_to_string (&a->id);

      gtk_string_list_append (names, a->display_name);
      if (g_strcmp0 (id, wb_case_get_assignee (self->kase)) == 0)
        current = i;
    }
  d->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  if (current != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (d->dropdown, current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contact person"), -1);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (d->dropdown));
  g_signal_connect (dialog, "response", G_CALLBACK (assign_response_cb), d);
  present (dialog);
}

/* Urgency */

static void
urgency_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DialogData       *d)
{
  WbCasePage *self = d->self;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *reason = entry_text (d->entry);
  g_autofree char *text = NULL;
  WbUrgency urgency = gtk_drop_down_get_selected (d->dropdown);

  if (!g_str_equal (response, "apply") || !still_same_case (d) || urgency > WB_URGENCY_ACUTE ||
      urgency == wb_case_get_urgency (self->kase))
    return;
  /* Translators: an urgency change in the timeline: old, new, the reason given */
  text = g_strdup_printf (_("Urgency %s → %s: %s"),
                          wb_urgency_to_label (wb_case_get_urgency (self->kase)),
                          wb_urgency_to_label (urgency), reason);
  records = records_new ();
  wb_case_set_urgency (self->kase, urgency);
  write_change (self, records, text);
}

static void
change_urgency_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  DialogData *d;
  GtkWidget *box;

  if (self->kase == NULL)
    return;
  dialog = dialog_new (self, _("Change Urgency"), NULL, _("C_hange Urgency"));
  d = dialog_data_new (self, dialog);
  for (int u = WB_URGENCY_NORMAL; u <= WB_URGENCY_ACUTE; u++)
    gtk_string_list_append (labels, wb_urgency_to_label (u));
  d->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_drop_down_set_selected (d->dropdown, wb_case_get_urgency (self->kase));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Urgency"), -1);
  d->entry = gtk_entry_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->dropdown));
  gtk_box_append (GTK_BOX (box), labelled (_("_Reason"), d->entry));
  adw_message_dialog_set_extra_child (dialog, box);
  require_text (dialog, d->entry);
  g_signal_connect (dialog, "response", G_CALLBACK (urgency_response_cb), d);
  present (dialog);
}

/* Close and reopen */

/**
 * wb_case_page_close_case:
 * @summary: the closing summary for the timeline
 * @cancel_follow_ups: cancel the open and snoozed follow-ups, or keep them
 *
 * Closes the case: the case, its timeline entry and the follow-ups it
 * cancels go in one transaction.
 */
void
wb_case_page_close_case (WbCasePage *self,
                         const char *summary,
                         gboolean    cancel_follow_ups)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (self->kase != NULL);
  g_return_if_fail (summary != NULL);

  records = records_new ();
  for (guint i = 0; cancel_follow_ups && i < self->followups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (self->followups, i);
      WbFollowUpState state = wb_follow_up_get_state (f);

      if (state != WB_FOLLOW_UP_STATE_OPEN && state != WB_FOLLOW_UP_STATE_SNOOZED)
        continue;
      wb_follow_up_set_state (f, WB_FOLLOW_UP_STATE_CANCELLED);
      wb_case_page_add_record (records, "followup", wb_follow_up_get_id (f),
                               wb_follow_up_serialize (f));
    }
  /* Translators: the timeline entry of closing a case; %s is the closing summary */
  text = g_strdup_printf (_("Closed: %s"), summary);
  wb_case_set_status (self->kase, WB_CASE_STATUS_CLOSED);
  write_change (self, records, text);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DialogData       *d)
{
  g_autofree char *summary = entry_text (d->entry);

  if (!g_str_equal (response, "apply") || !still_same_case (d) || *summary == '\0')
    return;
  wb_case_page_close_case (d->self, summary,
                           gtk_check_button_get_active (GTK_CHECK_BUTTON (d->cancel_check)));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box, *keep;
  DialogData *d;

  if (self->kase == NULL)
    return;
  dialog = dialog_new (self, _("Close Case"),
                       _("Write a closing summary for the timeline."), _("_Close Case"));
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_DESTRUCTIVE);
  d = dialog_data_new (self, dialog);
  d->entry = gtk_entry_new ();
  d->cancel_check = gtk_check_button_new_with_mnemonic (_("Ca_ncel open follow-ups"));
  keep = gtk_check_button_new_with_mnemonic (_("_Keep open follow-ups"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (keep), GTK_CHECK_BUTTON (d->cancel_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (d->cancel_check), TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled (_("_Summary"), d->entry));
  gtk_box_append (GTK_BOX (box), d->cancel_check);
  gtk_box_append (GTK_BOX (box), keep);
  adw_message_dialog_set_extra_child (dialog, box);
  require_text (dialog, d->entry);
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), d);
  present (dialog);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);

  if (self->kase == NULL || wb_case_get_status (self->kase) != WB_CASE_STATUS_CLOSED)
    return;
  wb_case_page_change_status (self, WB_CASE_STATUS_IN_PROGRESS, _("Reopened"));
}

/* Timeline */

void
wb_case_page_add_entry (WbCasePage       *self,
                        WbTimelineKind    kind,
                        WbContactChannel  channel,
                        GDateTime        *when,
                        const char       *text)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(WbTimelineEntry) e = NULL;

  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (self->kase != NULL);
  g_return_if_fail (text != NULL);

  e = wb_case_page_new_entry (self, kind, text);
  wb_timeline_entry_set_contact_channel (e, channel);
  if (when)
    wb_timeline_entry_set_time (e, when);
  records = records_new ();
  put_entry (self, records, e);
  /* The case's last activity is its updated time too. */
  put_case (self, records);
  g_ptr_array_add (self->timeline, g_object_ref (e));
  wb_case_page_write (self, records);
}

/* "DD-MM-YYYY" as noon on that day, local time; empty means now. */
static gboolean
parse_date (const char  *text,
            GDateTime  **out)
{
  int d, m, y;
  char rest;

  *out = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (sscanf (text, "%d-%d-%d%c", &d, &m, &y, &rest) != 3)
    return FALSE;
  *out = g_date_time_new_local (y, m, d, 12, 0, 0);
  return *out != NULL;
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry_text);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) when = NULL;
  guint pos = gtk_drop_down_get_selected (self->entry_kind_dropdown);
  WbContactChannel channel = pos < G_N_ELEMENTS (entry_channels) ? entry_channels[pos]
                                                                 : WB_CONTACT_CHANNEL_NONE;

  if (self->kase == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    {
      gtk_label_set_text (self->entry_error, _("Write a summary first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->entry_text));
      return;
    }
  if (channel != WB_CONTACT_CHANNEL_NONE &&
      !parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry_date)), &when))
    {
      gtk_label_set_text (self->entry_error, _("Write the date as DD-MM-YYYY, or leave it empty for today."));
      gtk_widget_grab_focus (GTK_WIDGET (self->entry_date));
      return;
    }
  gtk_label_set_text (self->entry_error, "");
  wb_case_page_add_entry (self,
                          channel == WB_CONTACT_CHANNEL_NONE ? WB_TIMELINE_KIND_NOTE
                                                             : WB_TIMELINE_KIND_CONTACT,
                          channel, when, text);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry_date), "");
}

static void
entry_kind_changed_cb (WbCasePage *self)
{
  gboolean contact = gtk_drop_down_get_selected (self->entry_kind_dropdown) > 0;

  gtk_widget_set_visible (self->entry_date_label, contact);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_date), contact);
}

void
wb_case_page_edit_entry (WbCasePage *self,
                         const char *entry_id,
                         const char *text)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *actor = NULL;

  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (entry_id != NULL && text != NULL);

  actor = wb_case_page_dup_actor_id (self);
  for (guint i = 0; i < self->timeline->len; i++)
    {
      WbTimelineEntry *e = g_ptr_array_index (self->timeline, i);

      if (!g_str_equal (wb_timeline_entry_get_id (e), entry_id))
        continue;
      if (!wb_timeline_entry_edit (e, text, actor, NULL))
        return;
      records = records_new ();
      put_entry (self, records, e);
      put_case (self, records);
      wb_case_page_write (self, records);
      return;
    }
}

typedef struct
{
  WbCasePage  *self;
  char        *entry_id;
  GtkTextView *view;
} EditData;

static void
edit_data_free (gpointer data)
{
  EditData *d = data;

  g_object_unref (d->self);
  g_free (d->entry_id);
  g_free (d);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditData         *d)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (d->view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "apply") || d->self->kase == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text != '\0')
    wb_case_page_edit_entry (d->self, d->entry_id, text);
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *frame;
  EditData *d;

  for (guint i = 0; i < self->timeline->len; i++)
    {
      WbTimelineEntry *e = g_ptr_array_index (self->timeline, i);

      if (!g_str_equal (wb_timeline_entry_get_id (e), id))
        continue;
      dialog = dialog_new (self, _("Edit Entry"),
                           _("The earlier text stays visible in the timeline."), _("_Save"));
      d = g_new0 (EditData, 1);
      d->self = g_object_ref (self);
      d->entry_id = g_strdup (id);
      d->view = GTK_TEXT_VIEW (gtk_text_view_new ());
      g_object_set_data_full (G_OBJECT (dialog), "wb-dialog-data", d, edit_data_free);
      gtk_text_view_set_wrap_mode (d->view, GTK_WRAP_WORD_CHAR);
      gtk_widget_set_size_request (GTK_WIDGET (d->view), 360, 120);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (d->view),
                                wb_timeline_entry_get_text (e), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (d->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Text"), -1);
      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (d->view));
      adw_message_dialog_set_extra_child (dialog, frame);
      g_signal_connect (dialog, "response", G_CALLBACK (edit_response_cb), d);
      present (dialog);
      return;
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  wb_case_page_emit_closed (WB_CASE_PAGE (widget));
}

void
wb_case_page_init_entry_form (WbCasePage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, wb_timeline_kind_to_label (WB_TIMELINE_KIND_NOTE));
  for (guint i = 1; i < G_N_ELEMENTS (entry_channels); i++)
    gtk_string_list_append (kinds, wb_contact_channel_to_label (entry_channels[i]));
  gtk_drop_down_set_model (self->entry_kind_dropdown, G_LIST_MODEL (kinds));
  entry_kind_changed_cb (self);
}

void
wb_case_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, entry_kind_changed_cb);
  gtk_widget_class_install_action (widget_class, "case.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "case.change-status", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "case.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "case.change-urgency", NULL,
                                   change_urgency_action);
  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "case.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "case.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "case.edit-entry", "s", edit_entry_action);
  wb_case_page_class_init_inzage (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "case.back", NULL);
}
