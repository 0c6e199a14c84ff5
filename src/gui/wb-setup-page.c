/* wb-setup-page.c: first run: create the vault and its first account.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-passphrase.h"
#include "wb-setup-page.h"

#define MAX_NAME_CHARS 200

struct _WbSetupPage
{
  AdwBin            parent_instance;

  GtkEntry         *name_entry;
  GtkEntry         *display_name_entry;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *confirm_entry;
  GtkLevelBar      *strength_bar;
  GtkLabel         *strength_label;
  GtkLabel         *name_error;
  GtkLabel         *passphrase_error;
  GtkLabel         *confirm_error;
  GtkLabel         *error_label;
  GtkCheckButton   *recovery_check;
  GtkSpinner       *spinner;

  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (WbSetupPage, wb_setup_page, ADW_TYPE_BIN)

enum {
  CREATE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_field_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* Checks every field and shows each error beside its field. Errors for a
 * field the user has not typed in yet stay hidden until they try to go on. */
static gboolean
validate (WbSetupPage *self,
          gboolean     show_all)
{
  const char *name = text_of (self->name_entry);
  const char *pw = text_of (self->passphrase_entry);
  const char *confirm = text_of (self->confirm_entry);
  g_autoptr(GError) pw_error = NULL;
  g_autofree char *name_stripped = g_strstrip (g_strdup (name));
  const char *name_msg = NULL;
  const char *confirm_msg = NULL;
  gboolean pw_ok;

  if (name_stripped[0] == '\0')
    name_msg = _("Enter a name to sign in with.");
  else if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    name_msg = _("The name is too long; use at most 200 characters.");

  pw_ok = wb_passphrase_check (pw, &pw_error);
  if (pw_ok && g_strcmp0 (pw, confirm) != 0)
    confirm_msg = _("The two passphrases differ.");

  show_field_error (self->name_error, (show_all || name[0]) ? name_msg : NULL);
  show_field_error (self->passphrase_error,
                    (show_all || pw[0]) && !pw_ok ? pw_error->message : NULL);
  show_field_error (self->confirm_error, (show_all || confirm[0]) ? confirm_msg : NULL);

  return name_msg == NULL && pw_ok && confirm_msg == NULL;
}

static void
update (WbSetupPage *self)
{
  const char *pw = text_of (self->passphrase_entry);
  g_autofree char *hint = NULL;
  guint strength = 0;
  gboolean valid;

  if (pw[0] != '\0')
    strength = wb_passphrase_strength (pw, &hint);
  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_text (self->strength_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->strength_label), hint != NULL && pw[0] != '\0');

  valid = validate (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.create", valid && !self->busy);
}

void
wb_setup_page_set_busy (WbSetupPage *self,
                        gboolean     busy)
{
  g_return_if_fail (WB_IS_SETUP_PAGE (self));

  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->display_name_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_entry), !self->busy);
  update (self);
}

void
wb_setup_page_set_error (WbSetupPage *self,
                         const char  *message)
{
  g_return_if_fail (WB_IS_SETUP_PAGE (self));

  show_field_error (self->error_label, message);
}

void
wb_setup_page_focus (WbSetupPage *self)
{
  g_return_if_fail (WB_IS_SETUP_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

void
wb_setup_page_reset (WbSetupPage *self)
{
  g_return_if_fail (WB_IS_SETUP_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
  show_field_error (self->error_label, NULL);
  wb_setup_page_set_busy (self, FALSE);
}

/* Callbacks */

static void
field_changed_cb (WbSetupPage *self)
{
  show_field_error (self->error_label, NULL);
  update (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbSetupPage *self = WB_SETUP_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *display_name = NULL;

  if (!validate (self, TRUE))
    return;

  name = g_strstrip (g_strdup (text_of (self->name_entry)));
  display_name = g_strstrip (g_strdup (text_of (self->display_name_entry)));
  if (display_name[0] == '\0')
    {
      g_free (display_name);
      display_name = g_strdup (name);
    }

  wb_setup_page_set_busy (self, TRUE);
  g_signal_emit (self, signals[CREATE_REQUESTED], 0,
                 name, display_name, text_of (self->passphrase_entry),
                 gtk_check_button_get_active (self->recovery_check));
}

static void
entry_activate_cb (WbSetupPage *self)
{
  if (!validate (self, TRUE))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "setup.create", NULL);
}

/* GObject */

static void
wb_setup_page_class_init (WbSetupPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* WbSetupPage::create-requested (name, display name, passphrase, make recovery key) */
  signals[CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, display_name_entry);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, name_error);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, passphrase_error);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, recovery_check);
  gtk_widget_class_bind_template_child (widget_class, WbSetupPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "setup.create", NULL, create_action);
}

static void
wb_setup_page_init (WbSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  gtk_level_bar_set_max_value (self->strength_bar, WB_PASSPHRASE_STRENGTH_MAX);
  update (self);
}
