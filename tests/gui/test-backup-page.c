/* test-backup-page.c: Voorkeuren → Back-up makes, schedules and restores backups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wb-accounts-page.h"
#include "wb-auto-backup.h"
#include "wb-backup-page.h"
#include "wb-backup.h"
#include "wb-core.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-store.h"

#define PASS "correct horse battery staple"
#define BACKUP_PASS "backup passphrase for the page test"
#define DAY (24 * 3600)

typedef struct
{
  char         *dir;
  char         *folder;
  WbStore      *store;
  GSettings    *settings;
  GtkWindow    *window;
  WbBackupPage *page;
} Fixture;

/* Helpers */

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type,
              guint      nth)
{
  guint seen = 0;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *w = g_queue_pop_head (&queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == nth)
        {
          g_queue_clear (&queue);
          return w;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return NULL;
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row;

  for (guint i = 0; (row = find_by_type (root, ADW_TYPE_ACTION_ROW, i)); i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return ADW_ACTION_ROW (row);
  return NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0))
      return ADW_MESSAGE_DIALOG (l->data);
  return NULL;
}

/* Clicks the button of @response, as a user does: it responds and closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkWidget *button;

  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  for (guint i = 0; (button = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, i)); i++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
      {
        g_signal_emit_by_name (button, "clicked");
        return;
      }
  g_assert_not_reached ();
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
put_cases (WbStore *store,
           guint    first,
           guint    n)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(WbCase) c = wb_case_new ();
      g_autofree char *reference = g_strdup_printf ("WB-TEST-%u", i);
      WbRecordId id;

      wb_case_set_reference (c, reference);
      wb_case_set_created (c, now);
      wb_case_set_updated (c, now);
      g_assert_true (wb_record_id_from_string (wb_case_get_id (c), &id));
      g_ptr_array_add (records, wb_store_record_new (WB_KIND_CASE, &id, wb_case_serialize (c)));
      g_bytes_unref (((WbStoreRecord *) g_ptr_array_index (records, records->len - 1))->plaintext);
    }
  wb_store_put_many_async (store, records, NULL, wb_test_result_cb, &saved);
  wb_store_put_many_finish (store, wb_test_wait_result (&saved), &error);
  g_assert_no_error (error);
}

static guint
count_cases (WbStore *store)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  wb_store_list_kind_async (store, WB_KIND_CASE, NULL, wb_test_result_cb, &listed);
  ids = wb_store_list_kind_finish (store, wb_test_wait_result (&listed), &error);
  g_assert_no_error (error);
  return ids->len;
}

/* File names in the folder, sorted. */
static GPtrArray *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), name) == 0)
      return TRUE;
  return FALSE;
}

static char *
make_recovery_key (WbStore *store)
{
  g_autoptr(GAsyncResult) made = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  wb_store_make_recovery_key_async (store, NULL, wb_test_result_cb, &made);
  key = wb_store_make_recovery_key_finish (store, wb_test_wait_result (&made), &error);
  g_assert_no_error (error);
  return key;
}

static void
write_file (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "not a backup of this test", -1, &error);
  g_assert_no_error (error);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("weerbaar-backup-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_build_filename (fixture->dir, "backups", NULL);
  path = g_build_filename (fixture->dir, "weerbaar.db", NULL);
  fixture->store = wb_test_store_new (path, "tester", "Test Bakker-5", PASS);
  put_cases (fixture->store, 1, 3);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "backup-folder", fixture->folder);
  g_settings_set_boolean (fixture->settings, "backup-automatic", FALSE);
  g_settings_set_int64 (fixture->settings, "backup-last", 0);
  g_settings_set_string (fixture->settings, "backup-last-error", "");
  g_settings_reset (fixture->settings, "backup-keep");

  fixture->window = GTK_WINDOW (adw_preferences_window_new ());
  fixture->page = WB_BACKUP_PAGE (wb_backup_page_new (fixture->store, fixture->settings));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (fixture->window), ADW_PREFERENCES_PAGE (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog (NULL)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->window)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  wb_test_rm_rf (fixture->dir);
  g_free (fixture->folder);
  g_free (fixture->dir);
}

/* Tests */

static void
test_make_backup_now (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *pass1, *pass2;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AdwActionRow *last_row = find_row (GTK_WIDGET (fixture->page), "Last Backup");
  WbBackupInfo info;
  struct stat st;

  g_assert_nonnull (last_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (last_row), ==, "No backup yet");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "backup.make", NULL);
  dialog = find_dialog ("Make a Backup");
  g_assert_nonnull (dialog);
  pass1 = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  pass2 = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 1);
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (pass1)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "make"));
  /* The passphrase rules of core apply; both must match. */
  set_text (pass1, "te kort");
  set_text (pass2, "te kort");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "make"));
  set_text (pass1, BACKUP_PASS);
  set_text (pass2, BACKUP_PASS "!");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "make"));
  set_text (pass2, BACKUP_PASS);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "make"));
  respond (dialog, "make");

  WAIT_UNTIL (!wb_backup_page_get_busy (fixture->page) &&
              g_settings_get_int64 (fixture->settings, "backup-last") > 0, 30000);
  g_assert_cmpstr (adw_action_row_get_subtitle (last_row), !=, "No backup yet");

  names = list_folder (fixture->folder);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (names, 0), "weerbaar-"));
  g_assert_false (wb_backup_is_auto_name (g_ptr_array_index (names, 0)));
  g_assert_cmpint (g_stat (fixture->folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  path = g_build_filename (fixture->folder, g_ptr_array_index (names, 0), NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  wb_backup_inspect (path, BACKUP_PASS, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.key_kind, ==, WB_BACKUP_KEY_PASSPHRASE);
  g_assert_cmpuint (info.n_cases, ==, 3);
}

static void
test_auto_backup_weekly_keeps_n (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(WbAutoBackup) auto_backup = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = make_recovery_key (fixture->store);
  g_autofree char *path = NULL;
  const char *made = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  WbBackupInfo info;
  struct stat st;
  guint n_auto = 0;

  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  write_file (fixture->folder, "weerbaar-auto-2020-01-01-120000.wbbackup");
  write_file (fixture->folder, "weerbaar-auto-2020-01-02-120000.wbbackup");
  write_file (fixture->folder, "weerbaar-auto-2020-01-03-120000.wbbackup");
  /* Not ours to prune: a manual backup, other files, a name off the pattern. */
  write_file (fixture->folder, "weerbaar-2019-12-31-120000.wbbackup");
  write_file (fixture->folder, "notes.txt");
  write_file (fixture->folder, "weerbaar-auto-old.wbbackup");

  g_settings_set_uint (fixture->settings, "backup-keep", 2);
  g_settings_set_int64 (fixture->settings, "backup-last", now - 8 * DAY);
  auto_backup = wb_auto_backup_new (fixture->store, fixture->settings);
  /* Turning it on starts the overdue backup at once. */
  g_settings_set_boolean (fixture->settings, "backup-automatic", TRUE);
  g_assert_true (wb_auto_backup_get_running (auto_backup));
  WAIT_UNTIL (!wb_auto_backup_get_running (auto_backup), 30000);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "backup-last"), >=, now);

  names = list_folder (fixture->folder);
  for (guint i = 0; i < names->len; i++)
    if (wb_backup_is_auto_name (g_ptr_array_index (names, i)))
      {
        n_auto++;
        if (!g_str_has_prefix (g_ptr_array_index (names, i), "weerbaar-auto-2020-"))
          made = g_ptr_array_index (names, i);
      }
  g_assert_cmpuint (n_auto, ==, 2);
  g_assert_nonnull (made);
  g_assert_true (has_name (names, "weerbaar-auto-2020-01-03-120000.wbbackup"));
  g_assert_false (has_name (names, "weerbaar-auto-2020-01-01-120000.wbbackup"));
  g_assert_true (has_name (names, "weerbaar-2019-12-31-120000.wbbackup"));
  g_assert_true (has_name (names, "notes.txt"));
  g_assert_true (has_name (names, "weerbaar-auto-old.wbbackup"));
  g_assert_cmpuint (names->len, ==, 5);

  path = g_build_filename (fixture->folder, made, NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Made without a secret; the recovery key opens it. */
  wb_backup_inspect (path, key, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.key_kind, ==, WB_BACKUP_KEY_RECOVERY_SLOT);
  g_assert_cmpuint (info.n_cases, ==, 3);

  /* A fresh backup is not repeated. */
  wb_auto_backup_check (auto_backup);
  g_assert_false (wb_auto_backup_get_running (auto_backup));
}

static void
test_auto_backup_failure_is_shown (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(WbAutoBackup) auto_backup = wb_auto_backup_new (fixture->store, fixture->settings);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *message = NULL;
  AdwActionRow *failed = find_row (GTK_WIDGET (fixture->page), "The Last Automatic Backup Failed");
  AdwActionRow *needs_key = find_row (GTK_WIDGET (fixture->page), "Automatic Backups Need a Recovery Key");

  g_assert_nonnull (failed);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (failed)));
  /* The page says why automatic backups cannot work yet. */
  WAIT_UNTIL (gtk_widget_is_visible (GTK_WIDGET (needs_key)), 10000);

  /* Without a recovery key the backup fails: logged without content, kept for the page. */
  g_test_expect_message ("Weerbaar", G_LOG_LEVEL_WARNING, "The automatic backup failed");
  g_settings_set_boolean (fixture->settings, "backup-automatic", TRUE);
  WAIT_UNTIL (!wb_auto_backup_get_running (auto_backup), 30000);
  g_test_assert_expected_messages ();
  message = g_settings_get_string (fixture->settings, "backup-last-error");
  g_assert_cmpstr (message, !=, "");
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "backup-last"), ==, 0);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (failed)));
  g_assert_cmpstr (adw_action_row_get_subtitle (failed), ==, message);
  names = list_folder (fixture->folder);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_restore_preview_before_replacing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GAsyncResult) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "three.wbbackup", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  wb_store_backup_async (fixture->store, file, WB_BACKUP_KEY_PASSPHRASE, BACKUP_PASS, NULL, NULL,
                         wb_test_result_cb, &written);
  wb_store_backup_finish (fixture->store, wb_test_wait_result (&written), &error);
  g_assert_no_error (error);
  put_cases (fixture->store, 4, 2);
  g_assert_cmpuint (count_cases (fixture->store), ==, 5);

  wb_backup_page_open_backup (fixture->page, file);
  /* The header says a backup passphrase protects it. */
  WAIT_UNTIL (find_dialog ("Open the Backup") != NULL, 10000);
  dialog = find_dialog ("Open the Backup");
  entry = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (entry)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  set_text (entry, BACKUP_PASS);
  respond (dialog, "open");

  WAIT_UNTIL (find_dialog ("Replace the Vault?") != NULL, 30000);
  dialog = find_dialog ("Replace the Vault?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 cases"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 account"));
  /* Nothing was replaced yet. */
  g_assert_false (wb_store_get_locked (fixture->store));
  g_assert_cmpuint (count_cases (fixture->store), ==, 5);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "replace"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  set_text (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0), "tester");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "replace"));
  set_text (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 1), PASS);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "replace"));
  /* The restore closes the preferences window. */
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  respond (dialog, "replace");
  WAIT_UNTIL (fixture->window == NULL && wb_store_get_locked (fixture->store), 30000);

  wb_store_unlock_async (fixture->store, "tester", PASS, TRUE, NULL, wb_test_result_cb, &unlocked);
  wb_store_unlock_finish (fixture->store, wb_test_wait_result (&unlocked), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_cases (fixture->store), ==, 3);
}

static void
test_recovery_key_from_the_page (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwActionRow *needs_key = find_row (GTK_WIDGET (fixture->page), "Automatic Backups Need a Recovery Key");
  g_autoptr(GAsyncResult) unlocked = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label, *check;
  WbBackupInfo info;

  WAIT_UNTIL (gtk_widget_is_visible (GTK_WIDGET (needs_key)), 10000);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "backup.make-recovery-key", NULL);
  WAIT_UNTIL (find_dialog ("Your Recovery Key") != NULL, 10000);
  dialog = find_dialog ("Your Recovery Key");
  label = find_by_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL, 0);
  key = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_assert_cmpuint (strlen (key), ==, 39);
  respond (dialog, "done");
  WAIT_UNTIL (!gtk_widget_is_visible (GTK_WIDGET (needs_key)), 10000);

  /* A backup sealed with the recovery key, through the make dialog. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "backup.make", NULL);
  dialog = find_dialog ("Make a Backup");
  check = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, 0);
  g_assert_true (gtk_widget_get_sensitive (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  respond (dialog, "make");
  WAIT_UNTIL (!wb_backup_page_get_busy (fixture->page) &&
              g_settings_get_int64 (fixture->settings, "backup-last") > 0, 30000);
  names = list_folder (fixture->folder);
  g_assert_cmpuint (names->len, ==, 1);
  path = g_build_filename (fixture->folder, g_ptr_array_index (names, 0), NULL);
  wb_backup_inspect (path, key, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.key_kind, ==, WB_BACKUP_KEY_RECOVERY_SLOT);

  /* Restoring it asks for the recovery key, and no account. */
  put_cases (fixture->store, 4, 1);
  file = g_file_new_for_path (path);
  wb_backup_page_open_backup (fixture->page, file);
  WAIT_UNTIL (find_dialog ("Open the Backup") != NULL, 10000);
  dialog = find_dialog ("Open the Backup");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "recovery key"));
  set_text (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0), key);
  respond (dialog, "open");
  WAIT_UNTIL (find_dialog ("Replace the Vault?") != NULL, 30000);
  dialog = find_dialog ("Replace the Vault?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 cases"));
  g_assert_null (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  respond (dialog, "replace");
  WAIT_UNTIL (fixture->window == NULL && wb_store_get_locked (fixture->store), 30000);

  wb_store_unlock_async (fixture->store, "tester", PASS, TRUE, NULL, wb_test_result_cb, &unlocked);
  wb_store_unlock_finish (fixture->store, wb_test_wait_result (&unlocked), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_cases (fixture->store), ==, 3);
}

/* Voorkeuren → Accounts offers a recovery key only while there is none. */
static void
test_accounts_page_offers_a_recovery_key (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *accounts = wb_accounts_page_new (fixture->store);
  AdwActionRow *row = find_row (accounts, "No Recovery Key");
  AdwMessageDialog *dialog;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (fixture->window), ADW_PREFERENCES_PAGE (accounts));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->window), ADW_PREFERENCES_PAGE (accounts));
  g_assert_nonnull (row);
  WAIT_UNTIL (gtk_widget_is_visible (GTK_WIDGET (row)), 10000);
  gtk_widget_activate_action (accounts, "accounts.make-recovery-key", NULL);
  WAIT_UNTIL (find_dialog ("Your Recovery Key") != NULL, 10000);
  dialog = find_dialog ("Your Recovery Key");
  respond (dialog, "done");
  WAIT_UNTIL (!gtk_widget_is_visible (GTK_WIDGET (row)), 10000);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_true (wb_store_crypto_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/backup-page/make-a-backup-now", test_make_backup_now);
  ADD ("/gui/backup-page/weekly-backup-keeps-the-last-n", test_auto_backup_weekly_keeps_n);
  ADD ("/gui/backup-page/failed-automatic-backup-is-shown", test_auto_backup_failure_is_shown);
  ADD ("/gui/backup-page/restore-shows-what-it-holds-first", test_restore_preview_before_replacing);
  ADD ("/gui/backup-page/recovery-key-made-used-and-restored", test_recovery_key_from_the_page);
  ADD ("/gui/backup-page/accounts-page-offers-a-recovery-key", test_accounts_page_offers_a_recovery_key);

#undef ADD

  return g_test_run ();
}
