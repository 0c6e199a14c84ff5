/* wb-backup-page.c: Voorkeuren → Back-up: make, schedule and restore backups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step that touches the vault or runs Argon2id goes through the
 * store's worker. A restore first reads the header without a secret (it
 * says what protects the file), then opens the backup to show what it
 * holds, and only after a destructive confirmation replaces the vault; the
 * store then reopens it locked, so the window returns to the unlock page.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-a11y.h"
#include "wb-auto-backup.h"
#include "wb-backup-page.h"
#include "wb-backup.h"
#include "wb-passphrase.h"

struct _WbBackupPage
{
  AdwPreferencesPage    parent_instance;

  WbStore              *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              has_recovery;
  gboolean              busy;

  /* The restore in progress. */
  GFile                *restore_file;
  WbBackupKeyKind       restore_kind;
  char                 *restore_secret;

  AdwPreferencesGroup  *failure_group;
  AdwActionRow         *failure_row;
  AdwActionRow         *folder_row;
  AdwActionRow         *last_row;
  GtkSpinner           *spinner;
  AdwActionRow         *error_row;
  AdwActionRow         *no_recovery_row;
  GtkWidget            *make_key_button;
  GtkSwitch            *auto_switch;
  GtkSpinButton        *keep_spin;
};

G_DEFINE_FINAL_TYPE (WbBackupPage, wb_backup_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wipe_free (char *secret)
{
  if (secret)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

static GtkWindow *
get_window (WbBackupPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (WbBackupPage *self,
            const char   *text)
{
  GtkWindow *window = get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (text));
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_busy (WbBackupPage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.make", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.restore", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reasons in the user's words. The store's messages already say what is
 * wrong with a file; these add what to do about the common ones. */
static char *
explain (const GError *error)
{
  if (error->domain == WB_BACKUP_ERROR && error->code == WB_BACKUP_ERROR_NO_RECOVERY_KEY)
    return g_strdup (_("The vault has no recovery key. Make one on this page first."));
  if (error->domain == WB_BACKUP_ERROR && error->code == WB_BACKUP_ERROR_IO)
    /* Translators: %s is the system's message, naming the file and the reason. */
    return g_strdup_printf (_("%s Choose another folder, or check that the disk is connected and has room."),
                            error->message);
  return g_strdup (error->message);
}

/* State shown from the settings */

static void
update_last (WbBackupPage *self)
{
  gint64 last = g_settings_get_int64 (self->settings, "backup-last");
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (last <= 0 || (when = g_date_time_new_from_unix_local (last)) == NULL)
    {
      adw_action_row_set_subtitle (self->last_row, _("No backup yet"));
      return;
    }
  /* Translators: the date and time of the last backup, a g_date_time_format() format. */
  text = g_date_time_format (when, _("%-d %B %Y, %H:%M"));
  adw_action_row_set_subtitle (self->last_row, text);
}

static void
update_failure (WbBackupPage *self)
{
  g_autofree char *message = g_settings_get_string (self->settings, "backup-last-error");

  gtk_widget_set_visible (GTK_WIDGET (self->failure_group), message[0] != '\0');
  adw_action_row_set_subtitle (self->failure_row, message);
}

static void
update_folder (WbBackupPage *self)
{
  g_autofree char *folder = wb_backup_folder (self->settings);

  adw_action_row_set_subtitle (self->folder_row, folder);
}

static void
update_recovery (WbBackupPage *self)
{
  const WbVaultAccount *me = wb_store_get_actor (self->store);
  gboolean admin = me != NULL && me->role == WB_VAULT_ROLE_BEHEERDER;

  gtk_widget_set_visible (GTK_WIDGET (self->no_recovery_row), !self->has_recovery);
  gtk_widget_set_visible (self->make_key_button, admin);
  adw_action_row_set_subtitle (self->no_recovery_row,
                               admin
                               ? _("The vault has no recovery key yet. Make one, and keep it on paper in a safe place.")
                               : _("The vault has no recovery key yet. Ask a beheerder to make one here."));
  /* Switching them off stays possible. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->auto_switch),
                            self->has_recovery || gtk_switch_get_active (self->auto_switch));
}

static void
has_recovery_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WbBackupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean has = wb_store_has_recovery_key_finish (WB_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->has_recovery = has;
  update_recovery (self);
}

static void
refresh_recovery (WbBackupPage *self)
{
  wb_store_has_recovery_key_async (self->store, self->cancellable, has_recovery_cb, g_object_ref (self));
}

/* Folder */

/* Shows a modal file chooser that starts in the backup folder, if it exists. */
static void
show_chooser (WbBackupPage         *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept_label,
              GCallback             response_cb)
{
  g_autofree char *folder = wb_backup_folder (self->settings);
  g_autoptr(GFile) current = g_file_new_for_path (folder);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, get_window (self), action,
                                               accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect_object (self->chooser, "response", response_cb, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WbBackupPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        g_settings_set_string (self->settings, "backup-folder", path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_chooser (WB_BACKUP_PAGE (widget), _("Choose Backup Folder"),
                GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                G_CALLBACK (chooser_response_cb));
}

/* Making a backup */

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WbBackupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "backup-name");

  set_busy (self, FALSE);
  if (!wb_store_backup_finish (WB_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = explain (error);
      adw_action_row_set_subtitle (self->error_row, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_row), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  g_settings_set_int64 (self->settings, "backup-last", g_get_real_time () / G_USEC_PER_SEC);
  {
    /* Translators: %s is the file name of the new backup. */
    g_autofree char *text = g_strdup_printf (_("Backup written to “%s”."), name);
    show_toast (self, text);
  }
}

static void
start_backup (WbBackupPage    *self,
              WbBackupKeyKind  kind,
              const char      *secret)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *folder = wb_backup_folder (self->settings);
  g_autofree char *name = wb_backup_file_name (FALSE, now);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);

  g_object_set_data_full (G_OBJECT (self), "backup-name", g_steal_pointer (&name), g_free);
  set_busy (self, TRUE);
  wb_store_backup_async (self->store, dest, kind, secret, NULL, self->cancellable,
                         backup_done_cb, g_object_ref (self));
}

typedef struct
{
  GtkCheckButton *use_recovery;
  GtkEditable    *pass1;
  GtkEditable    *pass2;
  GtkLabel       *issue;
} MakeDialog;

static void
make_validate (AdwMessageDialog *dialog)
{
  MakeDialog *d = g_object_get_data (G_OBJECT (dialog), "make-dialog");
  gboolean recovery = gtk_check_button_get_active (d->use_recovery);
  const char *p1 = gtk_editable_get_text (d->pass1);
  const char *p2 = gtk_editable_get_text (d->pass2);
  g_autoptr(GError) error = NULL;
  const char *issue = "";
  gboolean ok = TRUE;

  gtk_widget_set_sensitive (GTK_WIDGET (d->pass1), !recovery);
  gtk_widget_set_sensitive (GTK_WIDGET (d->pass2), !recovery);
  if (!recovery)
    {
      if (!wb_passphrase_check (p1, &error))
        {
          ok = FALSE;
          issue = p1[0] != '\0' ? error->message : "";
        }
      else if (g_strcmp0 (p1, p2) != 0)
        {
          ok = FALSE;
          issue = p2[0] != '\0' ? _("The two passphrases differ.") : "";
        }
    }
  gtk_label_set_text (d->issue, issue);
  adw_message_dialog_set_response_enabled (dialog, "make", ok);
}

static void
make_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  WbBackupPage     *self)
{
  MakeDialog *d = g_object_get_data (G_OBJECT (dialog), "make-dialog");

  if (g_strcmp0 (response, "make") == 0)
    {
      if (gtk_check_button_get_active (d->use_recovery))
        start_backup (self, WB_BACKUP_KEY_RECOVERY_SLOT, NULL);
      else
        start_backup (self, WB_BACKUP_KEY_PASSPHRASE, gtk_editable_get_text (d->pass1));
    }
  gtk_editable_set_text (d->pass1, "");
  gtk_editable_set_text (d->pass2, "");
}

/* GTK 4.8: a GtkPasswordEntry in a message dialog leaves a handler behind
 * that crashes when another window is destroyed later, so the dialogs use
 * a plain entry that hides its text. */
static GtkWidget *
secret_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  return entry;
}

static GtkWidget *
labelled_entry (GtkBox     *box,
                const char *mnemonic,
                GtkWidget  *entry)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);
  return entry;
}

/* Adds "cancel" and @id to @dialog and shows it; a destructive choice is
 * never the default. @validate, if set, enables @id as the input allows. */
static void
present_choice (WbBackupPage           *self,
                GtkWidget              *dialog,
                const char             *id,
                const char             *label,
                AdwResponseAppearance   appearance,
                GCallback               response_cb,
                void                  (*validate) (AdwMessageDialog *dialog))
{
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    id, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  if (validate)
    validate (ADW_MESSAGE_DIALOG (dialog));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
make_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WbBackupPage *self = WB_BACKUP_PAGE (widget);
  MakeDialog *d = g_new0 (MakeDialog, 1);
  GtkWidget *dialog, *box, *pass1, *pass2, *issue, *check;

  dialog = adw_message_dialog_new (get_window (self), _("Make a Backup"),
                                   _("Choose a passphrase for this backup. Without it the backup cannot "
                                     "be restored, so keep it apart from the backup file."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  check = gtk_check_button_new_with_mnemonic (_("Seal With the Recovery _Key Instead"));
  gtk_widget_set_sensitive (check, self->has_recovery);
  gtk_box_append (GTK_BOX (box), check);
  pass1 = secret_entry_new ();
  labelled_entry (GTK_BOX (box), _("_Backup Passphrase"), pass1);
  pass2 = secret_entry_new ();
  labelled_entry (GTK_BOX (box), _("_Repeat Backup Passphrase"), pass2);
  issue = gtk_label_new ("");
  gtk_label_set_wrap (GTK_LABEL (issue), TRUE);
  gtk_label_set_xalign (GTK_LABEL (issue), 0);
  gtk_widget_add_css_class (issue, "error");
  gtk_box_append (GTK_BOX (box), issue);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  d->use_recovery = GTK_CHECK_BUTTON (check);
  d->pass1 = GTK_EDITABLE (pass1);
  d->pass2 = GTK_EDITABLE (pass2);
  d->issue = GTK_LABEL (issue);
  g_object_set_data_full (G_OBJECT (dialog), "make-dialog", d, g_free);

  g_signal_connect_swapped (pass1, "changed", G_CALLBACK (make_validate), dialog);
  g_signal_connect_swapped (pass2, "changed", G_CALLBACK (make_validate), dialog);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (make_validate), dialog);
  present_choice (self, dialog, "make", _("_Make Backup"), ADW_RESPONSE_SUGGESTED,
                  G_CALLBACK (make_response_cb), make_validate);
}

/* The recovery key */

static void
key_dialog_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GtkLabel         *label)
{
  gtk_label_set_text (label, "");
}

static void
recovery_key_made_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkWindow *parent = g_task_get_task_data (task);
  GError *error = NULL;
  char *key = wb_store_make_recovery_key_finish (WB_STORE (object), result, &error);
  GtkWidget *dialog, *label;

  if (key == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (parent, _("No Recovery Key Was Made"), error->message);
      g_task_return_error (task, error);
      return;
    }
  dialog = adw_message_dialog_new (parent, _("Your Recovery Key"),
                                   _("Write it down or print it, and keep it in a safe place away from "
                                     "this computer. It is shown only this once. It opens the vault and "
                                     "the automatic backups when every passphrase is lost."));
  label = gtk_label_new (key);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-3");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "done", _("I Have _Written It Down"));
  g_signal_connect (dialog, "response", G_CALLBACK (key_dialog_response_cb), label);
  explicit_bzero (key, strlen (key));
  g_free (key);
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_task_return_boolean (task, TRUE);
}

void
wb_recovery_key_make_and_show (GtkWindow           *parent,
                               WbStore             *store,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WB_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wb_recovery_key_make_and_show);
  if (parent)
    g_task_set_task_data (task, g_object_ref (parent), g_object_unref);
  wb_store_make_recovery_key_async (store, cancellable, recovery_key_made_cb, task);
}

gboolean
wb_recovery_key_make_and_show_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
page_key_made_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WbBackupPage) self = user_data;

  wb_recovery_key_make_and_show_finish (result, NULL);
  set_busy (self, FALSE);
  refresh_recovery (self);
}

static void
make_recovery_key_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WbBackupPage *self = WB_BACKUP_PAGE (widget);

  set_busy (self, TRUE);
  wb_recovery_key_make_and_show (get_window (self), self->store, self->cancellable, page_key_made_cb,
                                 g_object_ref (self));
}

/* Restoring */

static void
clear_restore (WbBackupPage *self)
{
  g_clear_object (&self->restore_file);
  g_clear_pointer (&self->restore_secret, wipe_free);
}

static char *
format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_seconds);

  /* Translators: the date and time of the last backup, a g_date_time_format() format. */
  return when ? g_date_time_format (when, _("%-d %B %Y, %H:%M")) : g_strdup ("?");
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(WbBackupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = get_window (self);
  GtkWindow *parent = window ? gtk_window_get_transient_for (window) : NULL;

  set_busy (self, FALSE);
  clear_restore (self);
  if (!wb_store_restore_finish (WB_STORE (object), result, &error))
    {
      g_autofree char *message = explain (error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The store reopens the old vault, locked: say so over the main window. */
      show_error (parent ? parent : window, _("The Backup Was Not Restored"), message);
    }
  /* Either way the vault is locked now and the window shows the unlock page. */
  if (window)
    gtk_window_close (window);
}

/* Ends an inspect of the chosen backup; on failure says why and forgets it. */
static WbBackupInfo *
inspect_finish (WbBackupPage *self,
                GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  WbBackupInfo *info = wb_store_inspect_backup_finish (self->store, result, &error);
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (info != NULL)
    return info;
  clear_restore (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  message = explain (error);
  show_error (get_window (self), _("The Backup Cannot Be Opened"), message);
  return NULL;
}

static void
replace_validate (AdwMessageDialog *dialog)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *pass = g_object_get_data (G_OBJECT (dialog), "pass");

  adw_message_dialog_set_response_enabled (dialog, "replace",
                                           name == NULL ||
                                           (gtk_editable_get_text (name)[0] != '\0' &&
                                            gtk_editable_get_text (pass)[0] != '\0'));
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     WbBackupPage     *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *pass = g_object_get_data (G_OBJECT (dialog), "pass");

  if (g_strcmp0 (response, "replace") != 0)
    clear_restore (self);
  else if (name == NULL)
    {
      /* Sealed with the recovery key: that key also opens the restored vault. */
      set_busy (self, TRUE);
      wb_store_restore_async (self->store, self->restore_file, self->restore_secret, NULL,
                              self->restore_secret, TRUE, NULL, restored_cb, g_object_ref (self));
    }
  else
    {
      set_busy (self, TRUE);
      /* Not cancellable: once started, the restore runs to its end. */
      wb_store_restore_async (self->store, self->restore_file, self->restore_secret,
                              gtk_editable_get_text (name), gtk_editable_get_text (pass), FALSE,
                              NULL, restored_cb, g_object_ref (self));
    }
  if (pass)
    gtk_editable_set_text (pass, "");
}

static void
ask_replace (WbBackupPage       *self,
             const WbBackupInfo *info)
{
  g_autofree char *date = format_date (info->created);
  g_autofree char *cases = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: part of "This backup of <date> holds <n cases> and <n accounts>." */
  cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", info->n_cases), info->n_cases);
  /* Translators: part of "This backup of <date> holds <n cases> and <n accounts>." */
  accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", info->n_accounts),
                              info->n_accounts);
  /* Translators: the first %s is a date, the second "3 cases", the third "2 accounts". */
  body = g_strdup_printf (_("This backup of %s holds %s and %s. Restoring it replaces everything in the "
                            "vault now; what was added or changed since is lost. Weerbaar then locks."),
                          date, cases, accounts);
  dialog = adw_message_dialog_new (get_window (self), _("Replace the Vault?"), body);
  if (self->restore_kind == WB_BACKUP_KEY_PASSPHRASE)
    {
      const WbVaultAccount *me = wb_store_get_actor (self->store);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *intro = gtk_label_new (_("Sign in with an account of the backup to check that it opens."));
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *pass = secret_entry_new ();

      gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
      gtk_label_set_xalign (GTK_LABEL (intro), 0);
      gtk_box_append (GTK_BOX (box), intro);
      if (me != NULL && me->name != NULL)
        gtk_editable_set_text (GTK_EDITABLE (name), me->name);
      labelled_entry (GTK_BOX (box), _("_Account"), name);
      labelled_entry (GTK_BOX (box), _("_Passphrase in the Backup"), pass);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
      g_object_set_data (G_OBJECT (dialog), "name", name);
      g_object_set_data (G_OBJECT (dialog), "pass", pass);
      g_signal_connect_swapped (name, "changed", G_CALLBACK (replace_validate), dialog);
      g_signal_connect_swapped (pass, "changed", G_CALLBACK (replace_validate), dialog);
    }
  present_choice (self, dialog, "replace", _("_Replace Vault"), ADW_RESPONSE_DESTRUCTIVE,
                  G_CALLBACK (replace_response_cb), replace_validate);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WbBackupPage) self = user_data;
  g_autofree WbBackupInfo *info = inspect_finish (self, result);

  if (info != NULL)
    ask_replace (self, info);
}

static void
secret_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WbBackupPage     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "secret");

  if (g_strcmp0 (response, "open") == 0 && self->restore_file != NULL)
    {
      g_clear_pointer (&self->restore_secret, wipe_free);
      self->restore_secret = g_strdup (gtk_editable_get_text (entry));
      set_busy (self, TRUE);
      wb_store_inspect_backup_async (self->store, self->restore_file, self->restore_secret,
                                     self->cancellable, opened_cb, g_object_ref (self));
    }
  else
    clear_restore (self);
  gtk_editable_set_text (entry, "");
}

static void
secret_validate (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "secret");

  adw_message_dialog_set_response_enabled (dialog, "open", gtk_editable_get_text (entry)[0] != '\0');
}

static void
ask_secret (WbBackupPage       *self,
            const WbBackupInfo *header)
{
  g_autofree char *date = format_date (header->created);
  g_autofree char *body = NULL;
  gboolean recovery = header->key_kind != WB_BACKUP_KEY_PASSPHRASE;
  GtkWidget *dialog, *box, *entry;

  self->restore_kind = header->key_kind;
  body = recovery
         /* Translators: %s is a date. */
         ? g_strdup_printf (_("This backup of %s is sealed with the recovery key. Enter that key to see what it holds."), date)
         /* Translators: %s is a date. */
         : g_strdup_printf (_("This backup of %s is protected with a backup passphrase. Enter it to see what the backup holds."), date);
  dialog = adw_message_dialog_new (get_window (self), _("Open the Backup"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = secret_entry_new ();
  labelled_entry (GTK_BOX (box), recovery ? _("_Recovery Key") : _("_Backup Passphrase"), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "secret", entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (secret_validate), dialog);
  present_choice (self, dialog, "open", _("_Open"), ADW_RESPONSE_SUGGESTED,
                  G_CALLBACK (secret_response_cb), secret_validate);
  gtk_widget_grab_focus (entry);
}

static void
header_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WbBackupPage) self = user_data;
  g_autofree WbBackupInfo *info = inspect_finish (self, result);

  if (info != NULL)
    ask_secret (self, info);
}

/* Starts the restore flow for @file, as choosing it in the file chooser does. */
void
wb_backup_page_open_backup (WbBackupPage *self,
                            GFile        *file)
{
  g_return_if_fail (WB_IS_BACKUP_PAGE (self) && G_IS_FILE (file));

  clear_restore (self);
  self->restore_file = g_object_ref (file);
  set_busy (self, TRUE);
  wb_store_inspect_backup_async (self->store, file, NULL, self->cancellable, header_read_cb,
                                 g_object_ref (self));
}

static void
restore_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             WbBackupPage    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    wb_backup_page_open_backup (self, file);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_chooser (WB_BACKUP_PAGE (widget), _("Choose a Backup to Restore"),
                GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                G_CALLBACK (restore_chooser_response_cb));
}

/* GObject */

gboolean
wb_backup_page_get_busy (WbBackupPage *self)
{
  g_return_val_if_fail (WB_IS_BACKUP_PAGE (self), FALSE);

  return self->busy;
}

static void
wb_backup_page_dispose (GObject *object)
{
  WbBackupPage *self = WB_BACKUP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  clear_restore (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wb_backup_page_parent_class)->dispose (object);
}

static void
wb_backup_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WbBackupPage *self = WB_BACKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_backup_page_class_init (WbBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_backup_page_dispose;
  object_class->get_property = wb_backup_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, failure_group);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, failure_row);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, last_row);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, error_row);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, no_recovery_row);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, make_key_button);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, WbBackupPage, keep_spin);

  gtk_widget_class_install_action (widget_class, "backup.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backup.make", NULL, make_action);
  gtk_widget_class_install_action (widget_class, "backup.make-recovery-key", NULL, make_recovery_key_action);
  gtk_widget_class_install_action (widget_class, "backup.restore", NULL, restore_action);
}

static void
wb_backup_page_init (WbBackupPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
}

GtkWidget *
wb_backup_page_new (WbStore   *store,
                    GSettings *settings)
{
  WbBackupPage *self;

  g_return_val_if_fail (WB_IS_STORE (store) && G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WB_TYPE_BACKUP_PAGE, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "backup-automatic", self->auto_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep", gtk_spin_button_get_adjustment (self->keep_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::backup-last", G_CALLBACK (update_last), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::backup-last-error", G_CALLBACK (update_failure), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::backup-folder", G_CALLBACK (update_folder), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auto_switch, "notify::active", G_CALLBACK (update_recovery), self,
                           G_CONNECT_SWAPPED);
  update_last (self);
  update_failure (self);
  update_folder (self);
  update_recovery (self);
  refresh_recovery (self);
  return GTK_WIDGET (self);
}
