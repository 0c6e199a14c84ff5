/* test-window.c: the main window builds from its templates and reaches each area.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-application.h"
#include "wb-window.h"

static WbApplication *app;

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static WbWindow *
new_window (void)
{
  WbWindow *window = wb_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_window_builds_from_template (void)
{
  WbWindow *window = new_window ();

  g_assert_true (WB_IS_WINDOW (window));
  g_assert_cmpstr (wb_window_get_area (window), ==, "inbox");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Weerbaar");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_each_area_is_reachable_by_its_action (void)
{
  const char *areas[] = { "intake", "partners", "followups", "inbox" };
  WbWindow *window = new_window ();

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *area = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area",
                                                 "s", areas[i]));
      g_assert_cmpstr (wb_window_get_area (window), ==, areas[i]);
      g_object_get (window, "area", &area, NULL);
      g_assert_cmpstr (area, ==, areas[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify_cb (guint *counter)
{
  (*counter)++;
}

static void
test_area_property_notifies_only_on_change (void)
{
  WbWindow *window = new_window ();
  guint notified = 0;

  g_signal_connect_swapped (window, "notify::area", G_CALLBACK (count_notify_cb), &notified);

  wb_window_show_area (window, "partners");
  wb_window_show_area (window, "partners");
  g_assert_cmpuint (notified, ==, 1);
  wb_window_show_area (window, "inbox");
  g_assert_cmpuint (notified, ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
about_window_is_open (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          *(AdwAboutWindow **) data = ADW_ABOUT_WINDOW (w);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_about_window_opens (void)
{
  WbWindow *window = new_window ();
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin_until (about_window_is_open, &about);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Weerbaar");
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "070-3738314"));
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window_is_installed (void)
{
  WbWindow *window = new_window ();

  /* GtkApplication loads gtk/help-overlay.ui from the resource base path. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_is_kept_in_settings (void)
{
  GSettings *settings = wb_application_get_settings (app);
  WbWindow *window;
  int w, h;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
  g_assert_cmpint (w, ==, 900);
  g_assert_cmpint (h, ==, 650);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
has_spin_with_value (GtkWidget *widget,
                     double     value)
{
  if (GTK_IS_SPIN_BUTTON (widget) && gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)) == value)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_spin_with_value (c, value))
      return TRUE;
  return FALSE;
}

static void
test_preferences_are_bound_to_settings (void)
{
  GSettings *settings = wb_application_get_settings (app);
  GListModel *toplevels;
  gboolean found = FALSE;

  g_settings_set_uint (settings, "auto-lock-minutes", 7);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (w))
        {
          found = TRUE;
          g_assert_true (has_spin_with_value (GTK_WIDGET (w), 7));
          gtk_window_destroy (GTK_WINDOW (w));
          break;
        }
    }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = wb_application_new ();
  /* Never meet a running app or the e2e tests on the bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/gui/window/builds-from-template", test_window_builds_from_template);
  g_test_add_func ("/gui/window/each-area-is-reachable-by-its-action",
                   test_each_area_is_reachable_by_its_action);
  g_test_add_func ("/gui/window/area-notifies-only-on-change",
                   test_area_property_notifies_only_on_change);
  g_test_add_func ("/gui/window/size-is-kept-in-settings", test_window_size_is_kept_in_settings);
  g_test_add_func ("/gui/window/shortcuts-window-is-installed", test_shortcuts_window_is_installed);
  g_test_add_func ("/gui/app/about-window-opens", test_about_window_opens);
  g_test_add_func ("/gui/app/preferences-open", test_preferences_are_bound_to_settings);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
