/* wb-preferences-window.c: Voorkeuren, bound to GSettings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-accounts-page.h"
#include "wb-backup-page.h"
#include "wb-preferences-window.h"
#include "wb-retention-page.h"

struct _WbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSpinButton        *auto_lock_spin;
  GtkSwitch            *reminders_switch;
  GtkSwitch            *start_at_login_switch;
  GtkSwitch            *names_in_popups_switch;
  GtkSpinButton        *snooze_spin;
};

G_DEFINE_FINAL_TYPE (WbPreferencesWindow, wb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
wb_preferences_window_dispose (GObject *object)
{
  WbPreferencesWindow *self = WB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wb_preferences_window_parent_class)->dispose (object);
}

static void
wb_preferences_window_class_init (WbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WbPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, WbPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, WbPreferencesWindow, start_at_login_switch);
  gtk_widget_class_bind_template_child (widget_class, WbPreferencesWindow, names_in_popups_switch);
  gtk_widget_class_bind_template_child (widget_class, WbPreferencesWindow, snooze_spin);
}

static void
wb_preferences_window_init (WbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The Accounts page shows only while the vault is unlocked. */
WbPreferencesWindow *
wb_preferences_window_new (GtkWindow *parent,
                           GSettings *settings,
                           WbStore   *store)
{
  WbPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  if (store != NULL && !wb_store_get_locked (store))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (wb_accounts_page_new (store)));
  if (store != NULL && !wb_store_get_locked (store))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (wb_backup_page_new (store, settings)));
  if (store != NULL && !wb_store_get_locked (store))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (wb_retention_page_new (settings, store)));

  g_settings_bind (settings, "auto-lock-minutes",
                   gtk_spin_button_get_adjustment (self->auto_lock_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "start-at-login", self->start_at_login_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "names-in-popups", self->names_in_popups_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-snooze-minutes",
                   gtk_spin_button_get_adjustment (self->snooze_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  return self;
}
