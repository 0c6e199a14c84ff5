/* wb-intake-drafts.c: the inbox's list of half-done intakes (Concepten), to resume or delete.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown only while the vault is unlocked and holds drafts. Resuming goes
 * through the window's "win.resume-draft" action, which the intake page
 * adds, so this list does not need to know the wizard.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-core.h"
#include "wb-intake-drafts.h"
#include "wb-retention.h"
#include "wb-store-drafts.h"

struct _WbIntakeDrafts
{
  GtkBox        parent_instance;

  GtkLabel     *title_label;
  GtkListBox   *list;

  WbStore      *store;
  GCancellable *cancellable;
  guint         n_drafts;
};

G_DEFINE_FINAL_TYPE (WbIntakeDrafts, wb_intake_drafts, GTK_TYPE_BOX)

static void reload (WbIntakeDrafts *self);

static void
clear (WbIntakeDrafts *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_drafts = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static char *
describe (WbIntakeDraft *draft)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (draft->started, wb_due_get_time_zone ());
  g_autofree char *started = g_date_time_format (local, "%d-%m-%Y %H:%M");
  const char *name = wb_intake_draft_get_reporter_name (draft);

  /* Translators: a draft intake in the inbox: the reporter's name (or
   * "No name yet"), when the intake was started, and the step it was left at */
  return g_strdup_printf (_("%s, started %s, at step %u of %u"),
                          name != NULL ? name : _("No name yet"), started,
                          draft->step + 1, WB_INTAKE_DRAFT_N_STEPS);
}

/* Deleting */

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WbIntakeDrafts) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wb_store_delete_draft_finish (WB_STORE (object), result, &error))
    g_debug ("A draft was not deleted: %s", error->message);
  reload (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WbIntakeDrafts   *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "wb-draft-id");

  if (g_str_equal (response, "delete") && self->store != NULL && !wb_store_get_locked (self->store))
    wb_store_delete_draft_async (self->store, id, self->cancellable, deleted_cb, g_object_ref (self));
}

static void
delete_clicked_cb (GtkButton      *button,
                   WbIntakeDrafts *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *description = g_object_get_data (G_OBJECT (button), "wb-description");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete This Draft?"), NULL);
  /* Translators: %s describes the draft: a name, when it was started, its step */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The draft intake (%s) is removed. This cannot be undone."),
                                  description);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Delete Draft"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wb-draft-id",
                          g_strdup (g_object_get_data (G_OBJECT (button), "wb-draft-id")), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resume_clicked_cb (GtkButton      *button,
                   WbIntakeDrafts *self)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.resume-draft", "s",
                              g_object_get_data (G_OBJECT (button), "wb-draft-id"));
}

/* Listing */

static GtkWidget *
row_button (const char     *label,
            const char     *id,
            const char     *description,
            GCallback       clicked,
            WbIntakeDrafts *self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (button), "wb-draft-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (button), "wb-description", g_strdup (description), g_free);
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  return button;
}

static void
add_row (WbIntakeDrafts *self,
         WbIntakeDraft  *draft)
{
  g_autofree char *description = describe (draft);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (description);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), label);
  if (wb_retention_draft_is_stale (draft->updated, now))
    {
      g_autofree char *note_text = NULL;
      GtkWidget *note;

      /* Translators: under an intake draft in the inbox; %u is a number of days (30) */
      note_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Not worked on for more than %u day: listed for removal in Preferences → Retention.",
                                                "Not worked on for more than %u days: listed for removal in Preferences → Retention.",
                                                WB_RETENTION_DRAFT_DAYS),
                                   WB_RETENTION_DRAFT_DAYS);
      note = gtk_label_new (note_text);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (text), note);
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), row_button (_("Resume"), draft->id, description,
                                             G_CALLBACK (resume_clicked_cb), self));
  gtk_box_append (GTK_BOX (box), row_button (_("Delete"), draft->id, description,
                                             G_CALLBACK (delete_clicked_cb), self));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->list, row);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WbIntakeDrafts) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = wb_store_list_drafts_finish (WB_STORE (object), result, &error);
  clear (self);
  if (drafts == NULL || self->store == NULL || wb_store_get_locked (self->store))
    return;
  for (guint i = 0; i < drafts->len; i++)
    add_row (self, g_ptr_array_index (drafts, i));
  self->n_drafts = drafts->len;
  gtk_widget_set_visible (GTK_WIDGET (self), drafts->len > 0);
}

static void
reload (WbIntakeDrafts *self)
{
  if (self->store == NULL || wb_store_get_locked (self->store))
    {
      clear (self);
      return;
    }
  wb_store_list_drafts_async (self->store, self->cancellable, listed_cb, g_object_ref (self));
}

static void
store_changed_cb (WbIntakeDrafts *self,
                  const char     *kind,
                  const char     *id)
{
  if (kind == NULL || g_str_equal (kind, WB_INTAKE_DRAFT_KIND))
    reload (self);
}

static void
store_locked_cb (WbIntakeDrafts *self)
{
  if (wb_store_get_locked (self->store))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  reload (self);
}

/* GObject */

static void
wb_intake_drafts_dispose (GObject *object)
{
  WbIntakeDrafts *self = WB_INTAKE_DRAFTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), WB_TYPE_INTAKE_DRAFTS);

  G_OBJECT_CLASS (wb_intake_drafts_parent_class)->dispose (object);
}

static void
wb_intake_drafts_class_init (WbIntakeDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_intake_drafts_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-intake-drafts.ui");
  gtk_widget_class_bind_template_child (widget_class, WbIntakeDrafts, title_label);
  gtk_widget_class_bind_template_child (widget_class, WbIntakeDrafts, list);
}

static void
wb_intake_drafts_init (WbIntakeDrafts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
wb_intake_drafts_set_store (WbIntakeDrafts *self,
                            WbStore        *store)
{
  g_return_if_fail (WB_IS_INTAKE_DRAFTS (self));
  g_return_if_fail (WB_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::locked", G_CALLBACK (store_locked_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

guint
wb_intake_drafts_get_n_drafts (WbIntakeDrafts *self)
{
  g_return_val_if_fail (WB_IS_INTAKE_DRAFTS (self), 0);

  return self->n_drafts;
}
