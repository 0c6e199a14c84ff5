/* wb-recover-page.c: a lost passphrase: the recovery key sets a new one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-passphrase.h"
#include "wb-recover-page.h"

struct _WbRecoverPage
{
  AdwBin            parent_instance;

  GtkEntry         *key_entry;
  GtkEntry         *name_entry;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *confirm_entry;
  GtkLabel         *passphrase_error;
  GtkLabel         *confirm_error;
  GtkLabel         *error_label;
  GtkSpinner       *spinner;

  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (WbRecoverPage, wb_recover_page, ADW_TYPE_BIN)

enum {
  RECOVER_REQUESTED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static gboolean
validate (WbRecoverPage *self,
          gboolean       show_all)
{
  const char *pw = text_of (self->passphrase_entry);
  const char *confirm = text_of (self->confirm_entry);
  g_autoptr(GError) pw_error = NULL;
  const char *confirm_msg = NULL;
  g_autofree char *key = g_strstrip (g_strdup (text_of (self->key_entry)));
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_entry)));
  gboolean pw_ok;

  pw_ok = wb_passphrase_check (pw, &pw_error);
  if (pw_ok && g_strcmp0 (pw, confirm) != 0)
    confirm_msg = _("The two passphrases differ.");

  show_error (self->passphrase_error, (show_all || pw[0]) && !pw_ok ? pw_error->message : NULL);
  show_error (self->confirm_error, (show_all || confirm[0]) ? confirm_msg : NULL);

  return key[0] != '\0' && name[0] != '\0' && pw_ok && confirm_msg == NULL;
}

static void
update (WbRecoverPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recover.reset",
                                 !self->busy && validate (self, FALSE));
}

void
wb_recover_page_set_busy (WbRecoverPage *self,
                          gboolean       busy)
{
  g_return_if_fail (WB_IS_RECOVER_PAGE (self));

  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_entry), !self->busy);
  update (self);
}

void
wb_recover_page_set_error (WbRecoverPage *self,
                           const char    *message)
{
  g_return_if_fail (WB_IS_RECOVER_PAGE (self));

  show_error (self->error_label, message);
}

/* Nothing typed here may outlive the page: it is a key to every case. */
void
wb_recover_page_reset (WbRecoverPage *self)
{
  g_return_if_fail (WB_IS_RECOVER_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->key_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
  show_error (self->error_label, NULL);
  wb_recover_page_set_busy (self, FALSE);
}

void
wb_recover_page_focus (WbRecoverPage *self)
{
  g_return_if_fail (WB_IS_RECOVER_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->key_entry));
}

/* Callbacks */

static void
field_changed_cb (WbRecoverPage *self)
{
  show_error (self->error_label, NULL);
  update (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WbRecoverPage *self = WB_RECOVER_PAGE (widget);
  g_autofree char *key = g_strstrip (g_strdup (text_of (self->key_entry)));
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_entry)));

  if (self->busy || !validate (self, TRUE))
    return;
  wb_recover_page_set_busy (self, TRUE);
  g_signal_emit (self, signals[RECOVER_REQUESTED], 0, key, name, text_of (self->passphrase_entry));
}

static void
entry_activate_cb (WbRecoverPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "recover.reset", NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbRecoverPage *self = WB_RECOVER_PAGE (widget);

  wb_recover_page_reset (self);
  g_signal_emit (self, signals[CANCELLED], 0);
}

/* GObject */

static void
wb_recover_page_class_init (WbRecoverPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* WbRecoverPage::recover-requested (recovery key, login name, new passphrase) */
  signals[RECOVER_REQUESTED] =
    g_signal_new ("recover-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-recover-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, key_entry);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, passphrase_error);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WbRecoverPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "recover.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "recover.cancel", NULL, cancel_action);
}

static void
wb_recover_page_init (WbRecoverPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  update (self);
}
