/* test-app-reminders.c: the reminder settings take effect in the application (autostart entry).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-application.h"
#include "wb-test-store.h"

static char *tmp_dir;

static char *
autostart_path (void)
{
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_autostart_follows_settings (void)
{
  g_autoptr(WbApplication) app = wb_application_new ();
  g_autofree char *path = autostart_path ();
  g_autofree char *contents = NULL;
  GSettings *settings;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  settings = wb_application_get_settings (app);
  g_assert_true (g_settings_get_boolean (settings, "start-at-login"));
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));

  /* The first activation puts the entry in place, with --background. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_application_activate (G_APPLICATION (app));
  spin ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Exec=weerbaar --background"));

  g_settings_set_boolean (settings, "start-at-login", FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "start-at-login", TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Starting at login serves only the reminders. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  spin ();
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  int ret;

  /* Before GLib reads them: never touch the user's own autostart folder. */
  tmp_dir = g_dir_make_tmp ("weerbaar-app-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (tmp_dir, "config", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_unsetenv ("WEERBAAR_DB");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/app/autostart-follows-settings", test_autostart_follows_settings);
  ret = g_test_run ();

  wb_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
