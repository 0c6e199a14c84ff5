/* wb-application.c: the Weerbaar application object: single instance, app actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "wb-application.h"
#include "wb-auto-backup.h"
#include "wb-build-env.h"
#include "wb-db.h"
#include "wb-followups-page.h"
#include "wb-lock-monitor.h"
#include "wb-outcome-dialog.h"
#include "wb-preferences-window.h"
#include "wb-reminder-service.h"
#include "wb-window.h"

struct _WbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  WbStore        *store;
  WbLockMonitor  *lock_monitor;
  GError         *store_error;
  gboolean        store_ready;
  /* Set by --background: the first activation then shows no window. */
  gboolean        start_in_background;
  WbReminderService *reminders;
  WbAutoBackup   *auto_backup;
  /* The hold that keeps the process alive for reminders without a window. */
  gboolean        held_for_reminders;
  gboolean        autostart_synced;
};

G_DEFINE_FINAL_TYPE (WbApplication, wb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

WbApplication *
wb_application_new (void)
{
  return g_object_new (WB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Same resources for the .Devel profile. */
                       "resource-base-path", "/nl/weerbaarbestuur/Weerbaar",
                       NULL);
}

GSettings *
wb_application_get_settings (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), NULL);

  return self->settings;
}

WbStore *
wb_application_get_store (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), NULL);

  return self->store;
}

WbLockMonitor *
wb_application_get_lock_monitor (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), NULL);

  return self->lock_monitor;
}

/* TRUE once the database was opened, or failed to open: then
 * wb_application_get_store_error() says why. */
gboolean
wb_application_get_store_ready (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), FALSE);

  return self->store_ready;
}

const GError *
wb_application_get_store_error (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/* Callbacks */

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WbApplication) self = user_data;

  if (!wb_store_open_finish (WB_STORE (object), result, &self->store_error))
    g_warning ("Could not open the database: %s", self->store_error->message);

  self->store_ready = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_READY]);
}

static void
store_locked_changed_cb (WbApplication *self)
{
  wb_lock_monitor_set_armed (self->lock_monitor, !wb_store_get_locked (self->store));
}

/* Each window first queues a sealed draft of an intake in progress: the
 * store's one worker runs jobs in order, so it is written before the lock. */
static void
save_drafts (WbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    gtk_widget_activate_action (l->data, "win.save-draft", NULL);
}

static void
lock_requested_cb (WbApplication *self,
                   int            reason)
{
  save_drafts (self);
  wb_store_lock_async (self->store, NULL, NULL, NULL);
}

static void
drained_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The main loop has stopped: wait for the jobs still queued (a draft saved
 * by a closing window) behind a last lock, which also wipes the keys. */
static void
wb_application_shutdown (GApplication *app)
{
  WbApplication *self = WB_APPLICATION (app);
  gboolean drained = FALSE;

  if (self->store != NULL)
    {
      save_drafts (self);
      wb_store_lock_async (self->store, NULL, drained_cb, &drained);
      while (!drained)
        g_main_context_iteration (NULL, TRUE);
    }

  G_APPLICATION_CLASS (wb_application_parent_class)->shutdown (app);
}

static void
auto_lock_changed_cb (WbApplication *self)
{
  wb_lock_monitor_set_idle_timeout (self->lock_monitor,
                                    60 * g_settings_get_uint (self->settings, "auto-lock-minutes"));
}

static GtkWindow *
get_main_window (WbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (WB_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Reminders */

static void
reminders_enabled_changed_cb (WbApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  if (enabled == self->held_for_reminders)
    return;
  self->held_for_reminders = enabled;
  /* Without a window, releasing the last hold ends the process. */
  if (enabled)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static char *
autostart_source (void)
{
  g_autofree char *name = g_strconcat (APP_ID, "-autostart.desktop", NULL);

  if (wb_build_env_is_uninstalled ())
    return g_build_filename (WB_BUILD_ROOT, "data", name, NULL);
  return g_build_filename (PKGDATADIR, name, NULL);
}

/* The user's autostart entry follows "start-at-login"; starting at login
 * only serves reminders, so it goes too when they are off. */
static void
sync_autostart (WbApplication *self)
{
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);
  g_autofree char *target_path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GError) error = NULL;
  gboolean wanted = g_settings_get_boolean (self->settings, "start-at-login")
                    && g_settings_get_boolean (self->settings, "reminders-enabled");

  self->autostart_synced = TRUE;
  if (wanted)
    {
      g_autofree char *source_path = autostart_source ();
      g_autoptr(GFile) source = g_file_new_for_path (source_path);
      g_autofree char *want = NULL;
      g_autofree char *have = NULL;
      gsize want_len = 0, have_len = 0;

      /* Replacing the file syncs it to disk, which held up every start
       * before the first frame: only when it is missing or differs. */
      if (g_file_get_contents (source_path, &want, &want_len, NULL)
          && g_file_get_contents (target_path, &have, &have_len, NULL)
          && want_len == have_len && memcmp (want, have, want_len) == 0)
        return;
      if (g_mkdir_with_parents (dir, 0700) != 0
          || !g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        g_message ("Could not add the autostart entry: %s",
                   error != NULL ? error->message : g_strerror (errno));
    }
  else if (!g_file_delete (target, NULL, &error)
           && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_message ("Could not remove the autostart entry: %s", error->message);
}

static void
autostart_changed_cb (WbApplication *self)
{
  if (self->autostart_synced)
    sync_autostart (self);
}

static GtkWindow *ensure_main_window (WbApplication *self);

static void
reminder_present_cb (WbApplication *self,
                     const char    *activation_token)
{
  GtkWindow *window = ensure_main_window (self);

  if (activation_token != NULL)
    gtk_window_set_startup_id (window, activation_token);
  gtk_window_present (window);
}

static void
reminder_open_case_cb (WbApplication *self,
                       const char    *case_id)
{
  GtkWindow *window = ensure_main_window (self);

  /* The window opens cases through "win.open-case"; without it the inbox. */
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.open-case", "s", case_id))
    wb_window_show_area (WB_WINDOW (window), "inbox");
  gtk_window_present (window);
}

static void
reminder_outcome_requested_cb (WbApplication *self,
                               const char    *follow_up_id,
                               const char    *case_reference)
{
  GtkWindow *window = ensure_main_window (self);

  gtk_window_present (window);
  wb_outcome_dialog_present (window, self->store, follow_up_id, case_reference);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  WbApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  WbApplication *self = user_data;
  const char *developers[] = { _("The Weerbaar developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_main_window (self),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Weerbaar"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Ondersteuningsteam Weerbaar Bestuur"),
                        "developers", developers,
                        "comments",
                        _("For the Ondersteuningsteam Weerbaar Bestuur: the confidential support team "
                          "of the associations of mayors (NGB), aldermen (Wethoudersvereniging) and "
                          "council members (NVvR). Mayors, aldermen and council members who face "
                          "intimidation, threats, aggression or violence can call the team on "
                          "070-3738314. A contact person thinks along, advises and engages a regional "
                          "network of peers and experts in security, legal aid and aftercare.\n\n"
                          "Weerbaar keeps the team's cases in an encrypted database on this computer."),
                        "website", "https://www.weerbaarbestuur.nl/",
                        "support-url", "tel:+31703738314",
                        "copyright", "© 2026 Ondersteuningsteam Weerbaar Bestuur",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  WbApplication *self = user_data;
  WbPreferencesWindow *prefs;

  prefs = wb_preferences_window_new (get_main_window (self), self->settings, self->store);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

/* GApplication */

static int
wb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  WbApplication *self = WB_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("weerbaar %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* Already running (the window or an earlier autostart): nothing to do. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      self->start_in_background = TRUE;
    }

  return G_APPLICATION_CLASS (wb_application_parent_class)->handle_local_options (app, options);
}

/* No system bus (a container, a test): suspend and session locks are then
 * not seen, as before; idle and screen lock still are. */
static void
system_bus_got_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WbApplication) self = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);

  if (bus != NULL && self->lock_monitor != NULL)
    wb_lock_monitor_set_system_bus (self->lock_monitor, bus);
}

static void
wb_application_startup (GApplication *app)
{
  WbApplication *self = WB_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (wb_application_parent_class)->startup (app);

  self->settings = g_settings_new (BASE_APP_ID);

  {
    g_autofree char *path = wb_store_default_path ();

    self->store = wb_store_new (path);
    /* The session bus is the application's own connection; the system bus
     * (logind) arrives asynchronously, so connecting to it never holds up
     * the first frame. */
    self->lock_monitor = wb_lock_monitor_new (g_application_get_dbus_connection (app), NULL);
    g_bus_get (G_BUS_TYPE_SYSTEM, NULL, system_bus_got_cb, g_object_ref (self));
  }
  g_signal_connect_object (self->store, "notify::locked",
                           G_CALLBACK (store_locked_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lock_monitor, "lock-requested",
                           G_CALLBACK (lock_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-lock-minutes",
                           G_CALLBACK (auto_lock_changed_cb), self, G_CONNECT_SWAPPED);
  auto_lock_changed_cb (self);

  g_type_ensure (WB_TYPE_FOLLOWUPS_PAGE);
  self->reminders = wb_reminder_service_new (self->store, self->settings);
  self->auto_backup = wb_auto_backup_new (self->store, self->settings);
  g_signal_connect_object (self->reminders, "present",
                           G_CALLBACK (reminder_present_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "open-case",
                           G_CALLBACK (reminder_open_case_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "outcome-requested",
                           G_CALLBACK (reminder_outcome_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reminders-enabled",
                           G_CALLBACK (reminders_enabled_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reminders-enabled",
                           G_CALLBACK (autostart_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::start-at-login",
                           G_CALLBACK (autostart_changed_cb), self, G_CONNECT_SWAPPED);
  /* Closing the window then leaves the process running for the popups. */
  reminders_enabled_changed_cb (self);

  wb_store_open_async (self->store, NULL, store_opened_cb, g_object_ref (self));

  /* Uninstalled, the app icon lives in the source tree only. */
  if (wb_build_env_is_uninstalled ())
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    WB_SOURCE_ROOT "/data/icons");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
}

static void
wb_application_activate (GApplication *app)
{
  WbApplication *self = WB_APPLICATION (app);
  GtkWindow *window;

  if (!self->autostart_synced)
    sync_autostart (self);

  /* Started at login for reminders: the reminders' hold keeps the process
   * alive without a window (with reminders off it ends here). Any later
   * activation (running `weerbaar` again) shows the window. */
  if (self->start_in_background)
    {
      self->start_in_background = FALSE;
      return;
    }

  window = ensure_main_window (self);
  gtk_window_present (window);
}

static GtkWindow *
ensure_main_window (WbApplication *self)
{
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (wb_window_new (self));
  return window;
}

static void
wb_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WbApplication *self = WB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE_READY:
      g_value_set_boolean (value, self->store_ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_application_finalize (GObject *object)
{
  WbApplication *self = WB_APPLICATION (object);

  g_clear_object (&self->auto_backup);
  g_clear_object (&self->reminders);
  g_clear_object (&self->lock_monitor);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wb_application_parent_class)->finalize (object);
}

static void
wb_application_class_init (WbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = wb_application_finalize;
  object_class->get_property = wb_application_get_property;

  properties[PROP_STORE_READY] =
    g_param_spec_boolean ("store-ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->handle_local_options = wb_application_handle_local_options;
  app_class->startup = wb_application_startup;
  app_class->activate = wb_application_activate;
  app_class->shutdown = wb_application_shutdown;
}

static void
wb_application_init (WbApplication *self)
{
  const GOptionEntry options[] = {
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, to show reminders"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
