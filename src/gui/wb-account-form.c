/* wb-account-form.c: the form to add an account or change a passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-account-form.h"
#include "wb-passphrase.h"
#include "wb-validation.h"
#include "wb-vault.h"

struct _WbAccountForm
{
  GtkBox            parent_instance;

  WbAccountFormMode mode;

  AdwWindowTitle   *title;
  GtkWidget        *account_fields;
  GtkEntry         *name_entry;
  GtkEntry         *display_name_entry;
  GtkDropDown      *role_dropdown;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *confirm_entry;
  GtkLevelBar      *strength_bar;
  GtkLabel         *strength_label;
  GtkLabel         *name_error;
  GtkLabel         *passphrase_error;
  GtkLabel         *confirm_error;
  GtkLabel         *error_label;
  GtkButton        *save_button;
  GtkSpinner       *spinner;

  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (WbAccountForm, wb_account_form, GTK_TYPE_BOX)

enum {
  SUBMITTED,
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
validate (WbAccountForm *self,
          gboolean       show_all)
{
  const char *name = text_of (self->name_entry);
  const char *pw = text_of (self->passphrase_entry);
  const char *confirm = text_of (self->confirm_entry);
  g_autoptr(GError) pw_error = NULL;
  const char *name_msg = NULL;
  const char *confirm_msg = NULL;
  gboolean pw_ok;

  if (self->mode == WB_ACCOUNT_FORM_ADD)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (name));

      if (stripped[0] == '\0')
        name_msg = _("Enter a name to sign in with.");
      else if (!wb_login_name_is_valid (stripped))
        name_msg = _("Use letters, digits, dots, hyphens or underscores, at most 200 characters.");
    }

  pw_ok = wb_passphrase_check (pw, &pw_error);
  if (pw_ok && g_strcmp0 (pw, confirm) != 0)
    confirm_msg = _("The two passphrases differ.");

  show_error (self->name_error, (show_all || name[0]) ? name_msg : NULL);
  show_error (self->passphrase_error, (show_all || pw[0]) && !pw_ok ? pw_error->message : NULL);
  show_error (self->confirm_error, (show_all || confirm[0]) ? confirm_msg : NULL);

  return name_msg == NULL && pw_ok && confirm_msg == NULL;
}

static void
update (WbAccountForm *self)
{
  const char *pw = text_of (self->passphrase_entry);
  g_autofree char *hint = NULL;
  guint strength = 0;

  if (pw[0] != '\0')
    strength = wb_passphrase_strength (pw, &hint);
  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_text (self->strength_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->strength_label), hint != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), validate (self, FALSE) && !self->busy);
}

const char *
wb_account_form_get_name (WbAccountForm *self)
{
  return text_of (self->name_entry);
}

const char *
wb_account_form_get_display (WbAccountForm *self)
{
  return text_of (self->display_name_entry);
}

/* The position in the drop-down is the WbVaultRole value. */
guint
wb_account_form_get_role (WbAccountForm *self)
{
  return gtk_drop_down_get_selected (self->role_dropdown);
}

const char *
wb_account_form_get_passphrase (WbAccountForm *self)
{
  return text_of (self->passphrase_entry);
}

void
wb_account_form_set_busy (WbAccountForm *self,
                          gboolean       busy)
{
  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_widget_set_sensitive (self->account_fields, !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_entry), !self->busy);
  update (self);
}

void
wb_account_form_set_error (WbAccountForm *self,
                           const char    *message)
{
  show_error (self->error_label, message);
}

/* Callbacks */

static void
field_changed_cb (WbAccountForm *self)
{
  show_error (self->error_label, NULL);
  update (self);
}

static void
save_clicked_cb (WbAccountForm *self)
{
  if (self->busy || !validate (self, TRUE))
    return;
  wb_account_form_set_busy (self, TRUE);
  g_signal_emit (self, signals[SUBMITTED], 0);
}

/* GObject */

static void
wb_account_form_class_init (WbAccountFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-account-form.ui");
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, title);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, account_fields);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, display_name_entry);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, strength_label);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, passphrase_error);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, WbAccountForm, spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
wb_account_form_init (WbAccountForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  gtk_level_bar_set_max_value (self->strength_bar, WB_PASSPHRASE_STRENGTH_MAX);
}

GtkWidget *
wb_account_form_new (WbAccountFormMode mode)
{
  WbAccountForm *self = g_object_new (WB_TYPE_ACCOUNT_FORM, NULL);

  self->mode = mode;
  /* Most new accounts are contact persons. */
  gtk_drop_down_set_selected (self->role_dropdown, WB_VAULT_ROLE_CONTACTPERSOON);
  gtk_widget_set_visible (self->account_fields, mode == WB_ACCOUNT_FORM_ADD);
  adw_window_title_set_title (self->title, mode == WB_ACCOUNT_FORM_ADD
                                           ? _("Add Account") : _("Change Passphrase"));
  gtk_button_set_label (self->save_button, mode == WB_ACCOUNT_FORM_ADD
                                           ? _("_Add Account") : _("_Change Passphrase"));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self->save_button));
  update (self);

  return GTK_WIDGET (self);
}
