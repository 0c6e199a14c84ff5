/* wb-unlock-page.c: the page that asks for an account and its passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-unlock-page.h"

struct _WbUnlockPage
{
  AdwBin       parent_instance;

  GtkWidget   *account_box;
  GtkEntry    *account_entry;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel    *error_label;
  GtkButton   *unlock_button;
  GtkSpinner  *spinner;

  gboolean     busy;
  gboolean     ask_account;
};

G_DEFINE_FINAL_TYPE (WbUnlockPage, wb_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_ASK_ACCOUNT,
  N_PROPS
};

enum {
  UNLOCK_REQUESTED,
  RECOVERY_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_sensitivity (WbUnlockPage *self)
{
  const char *pw = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *account = gtk_editable_get_text (GTK_EDITABLE (self->account_entry));
  gboolean ready = !self->busy && pw[0] != '\0' && (!self->ask_account || account[0] != '\0');

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !self->busy);
}

void
wb_unlock_page_set_busy (WbUnlockPage *self,
                         gboolean      busy)
{
  g_return_if_fail (WB_IS_UNLOCK_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
wb_unlock_page_get_busy (WbUnlockPage *self)
{
  g_return_val_if_fail (WB_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}

void
wb_unlock_page_set_error (WbUnlockPage *self,
                          const char   *message)
{
  g_return_if_fail (WB_IS_UNLOCK_PAGE (self));

  /* Clear first: typing hides the message, and clearing is no typing. */
  if (message != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
    }
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
wb_unlock_page_set_ask_account (WbUnlockPage *self,
                                gboolean      ask_account)
{
  g_return_if_fail (WB_IS_UNLOCK_PAGE (self));

  ask_account = !!ask_account;
  if (self->ask_account == ask_account)
    return;
  self->ask_account = ask_account;
  gtk_widget_set_visible (self->account_box, ask_account);
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASK_ACCOUNT]);
}

/* Called on lock: nothing typed before may survive into the next unlock. */
void
wb_unlock_page_reset (WbUnlockPage *self)
{
  g_return_if_fail (WB_IS_UNLOCK_PAGE (self));

  wb_unlock_page_set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_grab_focus (self->ask_account ? GTK_WIDGET (self->account_entry)
                                           : GTK_WIDGET (self->passphrase_entry));
}

/* Callbacks */

static void
entry_changed_cb (WbUnlockPage *self)
{
  const char *pw = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  /* The old message no longer applies once the user types again. */
  if (pw[0] != '\0')
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_sensitivity (self);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbUnlockPage *self = WB_UNLOCK_PAGE (widget);
  const char *account = gtk_editable_get_text (GTK_EDITABLE (self->account_entry));
  const char *pw = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  wb_unlock_page_set_busy (self, TRUE);
  g_signal_emit (self, signals[UNLOCK_REQUESTED], 0,
                 self->ask_account ? account : NULL, pw);
}

static void
use_recovery_key_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_signal_emit (widget, signals[RECOVERY_REQUESTED], 0);
}

static void
entry_activate_cb (WbUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

/* GObject */

static void
wb_unlock_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WbUnlockPage *self = WB_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_ASK_ACCOUNT:
      g_value_set_boolean (value, self->ask_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_unlock_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WbUnlockPage *self = WB_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      wb_unlock_page_set_busy (self, g_value_get_boolean (value));
      break;
    case PROP_ASK_ACCOUNT:
      wb_unlock_page_set_ask_account (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_unlock_page_class_init (WbUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wb_unlock_page_get_property;
  object_class->set_property = wb_unlock_page_set_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASK_ACCOUNT] =
    g_param_spec_boolean ("ask-account", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* WbUnlockPage::unlock-requested (account or NULL, passphrase) */
  signals[UNLOCK_REQUESTED] =
    g_signal_new ("unlock-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  signals[RECOVERY_REQUESTED] =
    g_signal_new ("recovery-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbUnlockPage, account_box);
  gtk_widget_class_bind_template_child (widget_class, WbUnlockPage, account_entry);
  gtk_widget_class_bind_template_child (widget_class, WbUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, WbUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WbUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, WbUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "unlock.use-recovery-key", NULL,
                                   use_recovery_key_action);
}

static void
wb_unlock_page_init (WbUnlockPage *self)
{
  self->ask_account = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  update_sensitivity (self);
}
