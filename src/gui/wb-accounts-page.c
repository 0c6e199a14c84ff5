/* wb-accounts-page.c: Voorkeuren → Accounts: one's own passphrase, and all accounts for a beheerder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-account-form.h"
#include "wb-accounts-page.h"
#include "wb-backup-page.h"
#include "wb-backup.h"
#include "wb-enums.h"

struct _WbAccountsPage
{
  AdwPreferencesPage  parent_instance;

  WbStore            *store;
  GCancellable       *cancellable;
  WbAccountForm      *form;   /* the open subpage, if any */

  AdwActionRow       *me_row;
  AdwPreferencesGroup *accounts_group;
  AdwPreferencesGroup *recovery_group;   /* shown while there is no recovery key */
  GtkListBox         *accounts_list;
};

G_DEFINE_FINAL_TYPE (WbAccountsPage, wb_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

/* WbVaultRole and core's WbAccountRole share their values. */
G_STATIC_ASSERT ((int) WB_VAULT_ROLE_BEHEERDER == (int) WB_ACCOUNT_ROLE_ADMIN);
G_STATIC_ASSERT ((int) WB_VAULT_ROLE_CONTACTPERSOON == (int) WB_ACCOUNT_ROLE_CONTACT_PERSON);

static void reload (WbAccountsPage *self);

static char *
describe (const WbVaultAccount *account)
{
  /* Translators: "login name · role", e.g. "jdevries · Contact person" */
  return g_strdup_printf (_("%s · %s"), account->name,
                          wb_account_role_to_label ((WbAccountRole) account->role));
}

static AdwPreferencesWindow *
get_prefs_window (WbAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ADW_IS_PREFERENCES_WINDOW (root) ? ADW_PREFERENCES_WINDOW (root) : NULL;
}

static void
close_form (WbAccountsPage *self)
{
  AdwPreferencesWindow *window = get_prefs_window (self);

  if (self->form != NULL && window != NULL)
    adw_preferences_window_close_subpage (window);
  self->form = NULL;
}

static void
show_toast (WbAccountsPage *self,
            const char     *text)
{
  AdwPreferencesWindow *window = get_prefs_window (self);

  if (window != NULL)
    adw_preferences_window_add_toast (window, adw_toast_new (text));
}

/* Remove */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WbAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wb_store_remove_account_finish (WB_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  show_toast (self, _("The account was removed and every record was sealed with a new key."));
  reload (self);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WbAccountsPage   *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "account-name");

  if (g_strcmp0 (response, "remove") != 0)
    return;
  wb_store_remove_account_async (self->store, name, self->cancellable,
                                 removed_cb, g_object_ref (self));
}

static void
remove_clicked_cb (GtkButton      *button,
                   WbAccountsPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "account-name");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (get_prefs_window (self)),
                                   _("Remove Account?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a login name */
                                  _("“%s” will no longer be able to unlock Weerbaar. Every record "
                                    "is then sealed with a new key, which can take a moment."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* List */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WbAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  const WbVaultAccount *me = wb_store_get_actor (self->store);
  GtkWidget *child;

  accounts = wb_store_list_accounts_finish (WB_STORE (object), result, &error);
  if (accounts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))))
    gtk_list_box_remove (self->accounts_list, child);

  for (guint i = 0; i < accounts->len; i++)
    {
      const WbVaultAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *subtitle = describe (account);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (me == NULL || g_strcmp0 (me->name, account->name) != 0)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *label = g_strdup_printf (_("Remove %s"), account->display_name);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (button), "account-name",
                                  g_strdup (account->name), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->accounts_list, row);
    }
}

static void
has_recovery_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WbAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean has = wb_store_has_recovery_key_finish (WB_STORE (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), !has && error == NULL);
}

static void
reload (WbAccountsPage *self)
{
  const WbVaultAccount *me = wb_store_get_actor (self->store);
  gboolean admin = me != NULL && me->role == WB_VAULT_ROLE_BEHEERDER;

  if (me != NULL)
    {
      g_autofree char *subtitle = describe (me);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->me_row), me->display_name);
      adw_action_row_set_subtitle (self->me_row, subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->accounts_group), admin);
  if (admin)
    wb_store_list_accounts_async (self->store, self->cancellable, listed_cb, g_object_ref (self));
  if (admin)
    wb_store_has_recovery_key_async (self->store, self->cancellable, has_recovery_cb, g_object_ref (self));
}

static void
recovery_key_made_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WbAccountsPage) self = user_data;

  if (wb_recovery_key_make_and_show_finish (result, NULL))
    reload (self);
}

static void
make_recovery_key_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  WbAccountsPage *self = WB_ACCOUNTS_PAGE (widget);

  wb_recovery_key_make_and_show (GTK_WINDOW (get_prefs_window (self)), self->store, self->cancellable,
                                 recovery_key_made_cb, g_object_ref (self));
}

/* Forms */

static void
form_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WbAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean adding = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "adding"));
  gboolean ok;

  if (adding)
    ok = wb_store_add_account_finish (WB_STORE (object), result, &error);
  else
    ok = wb_store_change_passphrase_finish (WB_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!ok)
    {
      if (self->form != NULL)
        {
          wb_account_form_set_busy (self->form, FALSE);
          wb_account_form_set_error (self->form, error->message);
        }
      return;
    }

  close_form (self);
  show_toast (self, adding ? _("The account was added.") : _("Your passphrase was changed."));
  reload (self);
}

static void
form_submitted_cb (WbAccountForm  *form,
                   WbAccountsPage *self)
{
  gboolean adding = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (form), "adding"));
  g_autofree char *name = g_strstrip (g_strdup (wb_account_form_get_name (form)));
  g_autofree char *display = g_strstrip (g_strdup (wb_account_form_get_display (form)));

  g_object_set_data (G_OBJECT (self), "adding", GINT_TO_POINTER (adding));
  if (adding)
    wb_store_add_account_async (self->store, name, display[0] ? display : name,
                                (WbVaultRole) wb_account_form_get_role (form),
                                wb_account_form_get_passphrase (form),
                                self->cancellable, form_done_cb, g_object_ref (self));
  else
    wb_store_change_passphrase_async (self->store, wb_account_form_get_passphrase (form),
                                      self->cancellable, form_done_cb, g_object_ref (self));
}

static void
open_form (WbAccountsPage    *self,
           WbAccountFormMode  mode)
{
  AdwPreferencesWindow *window = get_prefs_window (self);
  GtkWidget *form = wb_account_form_new (mode);

  g_object_set_data (G_OBJECT (form), "adding", GINT_TO_POINTER (mode == WB_ACCOUNT_FORM_ADD));
  g_signal_connect_object (form, "submitted", G_CALLBACK (form_submitted_cb), self, 0);
  self->form = WB_ACCOUNT_FORM (form);
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &self->form);
  adw_preferences_window_present_subpage (window, form);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_form (WB_ACCOUNTS_PAGE (widget), WB_ACCOUNT_FORM_ADD);
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  open_form (WB_ACCOUNTS_PAGE (widget), WB_ACCOUNT_FORM_PASSPHRASE);
}

/* GObject */

static void
wb_accounts_page_dispose (GObject *object)
{
  WbAccountsPage *self = WB_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wb_accounts_page_parent_class)->dispose (object);
}

static void
wb_accounts_page_class_init (WbAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_accounts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbAccountsPage, me_row);
  gtk_widget_class_bind_template_child (widget_class, WbAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, WbAccountsPage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, WbAccountsPage, recovery_group);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "accounts.change-passphrase", NULL,
                                   change_passphrase_action);
  gtk_widget_class_install_action (widget_class, "accounts.make-recovery-key", NULL,
                                   make_recovery_key_action);
}

static void
wb_accounts_page_init (WbAccountsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
}

GtkWidget *
wb_accounts_page_new (WbStore *store)
{
  WbAccountsPage *self = g_object_new (WB_TYPE_ACCOUNTS_PAGE, NULL);

  self->store = g_object_ref (store);
  reload (self);

  return GTK_WIDGET (self);
}
