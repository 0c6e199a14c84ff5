/* wb-window.c: the main window: a sidebar with the four areas and their pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "wb-a11y.h"
#include "wb-followups-page.h"
#include "wb-inbox-page.h"
#include "wb-intake-page.h"
#include "wb-partners-page.h"
#include "wb-recover-page.h"
#include "wb-recovery-page.h"
#include "wb-setup-page.h"
#include "wb-store-error.h"
#include "wb-unlock-page.h"
#include "wb-window.h"

struct _WbWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  WbStore              *store;
  /* TRUE from vault creation until the recovery key was put away. */
  gboolean              showing_recovery;
  gboolean              make_recovery_key;
  /* The unlock page offered the recovery key and the user took it. */
  gboolean              recovering;
  char                 *recover_name;

  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  WbSetupPage          *setup_page;
  WbRecoveryPage       *recovery_page;
  WbUnlockPage         *unlock_page;
  WbRecoverPage        *recover_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *area_stack;
  AdwWindowTitle       *content_title;
  WbInboxPage          *inbox_page;
  GtkWidget            *inbox_row;
  GtkLabel             *inbox_count_label;
  GtkLabel             *inbox_overdue_label;
  /* Pages of main_stack held out of the window until first shown. */
  GtkWidget            *detached[2];
};

G_DEFINE_FINAL_TYPE (WbWindow, wb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_AREA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The areas in sidebar order; the stack pages and rows carry the same names. */
static const char * const areas[] = { "inbox", "intake", "partners", "followups" };

static int
area_index (const char *area)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i], area) == 0)
      return i;
  return -1;
}

const char *
wb_window_get_area (WbWindow *self)
{
  g_return_val_if_fail (WB_IS_WINDOW (self), NULL);

  /* Until the pages are built, the inbox is the area they will open on. */
  if (self->inbox_page == NULL)
    return areas[0];
  return gtk_stack_get_visible_child_name (self->area_stack);
}

static void inbox_counts_changed_cb (WbWindow *self);

/* The four area pages (and the case page inside the inbox) take most of
 * the window's construction time, and none is needed before an unlock:
 * they are built when the main page or an area is first shown. Each page
 * finds the store and its window actions itself when it is rooted. */
static void
ensure_areas (WbWindow *self)
{
  if (self->inbox_page != NULL)
    return;

  self->inbox_page = g_object_new (WB_TYPE_INBOX_PAGE, NULL);
  g_signal_connect_object (self->inbox_page, "notify::n-open",
                           G_CALLBACK (inbox_counts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_page, "notify::n-overdue",
                           G_CALLBACK (inbox_counts_changed_cb), self, G_CONNECT_SWAPPED);
  /* Same order as the sidebar rows (areas[]); the first is shown. */
  gtk_stack_add_titled (self->area_stack, GTK_WIDGET (self->inbox_page), "inbox", _("Cases"));
  gtk_stack_add_titled (self->area_stack, wb_intake_page_new (), "intake", _("New Report"));
  gtk_stack_add_titled (self->area_stack, wb_partners_page_new (), "partners",
                        _("Partner Network"));
  gtk_stack_add_titled (self->area_stack, wb_followups_page_new (), "followups", _("Aftercare"));
  if (self->store != NULL)
    wb_inbox_page_set_store (self->inbox_page, self->store);
  inbox_counts_changed_cb (self);
}

void
wb_window_show_area (WbWindow   *self,
                     const char *area)
{
  GtkListBoxRow *row;
  GtkStackPage *page;
  gboolean changed;
  int index;

  g_return_if_fail (WB_IS_WINDOW (self));

  index = area_index (area);
  g_return_if_fail (index >= 0);

  ensure_areas (self);

  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  changed = g_strcmp0 (wb_window_get_area (self), area) != 0;
  gtk_stack_set_visible_child_name (self->area_stack, area);
  page = gtk_stack_get_page (self->area_stack, gtk_stack_get_visible_child (self->area_stack));
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
}

static void create_requested_cb   (WbWindow      *self,
                                   const char    *name,
                                   const char    *display_name,
                                   const char    *passphrase,
                                   gboolean       make_recovery_key,
                                   WbSetupPage   *page);
static void recovery_done_cb      (WbWindow      *self,
                                   WbRecoveryPage *page);
static void recover_requested_cb  (WbWindow      *self,
                                   const char    *key,
                                   const char    *name,
                                   const char    *passphrase,
                                   WbRecoverPage *page);
static void recover_cancelled_cb  (WbWindow      *self,
                                   WbRecoverPage *page);

/* The pages for a new vault and for a lost passphrase are built when they
 * are first needed: most starts only show the unlock page. Hidden until
 * update_page() shows them. */
static GtkWidget *
add_lazy_page (WbWindow   *self,
               GType       type,
               const char *name)
{
  GtkWidget *page = g_object_new (type, NULL);

  gtk_widget_set_visible (page, FALSE);
  gtk_stack_add_named (self->main_stack, page, name);
  return page;
}

static WbSetupPage *
get_setup_page (WbWindow *self)
{
  if (self->setup_page == NULL)
    {
      self->setup_page = WB_SETUP_PAGE (add_lazy_page (self, WB_TYPE_SETUP_PAGE, "setup"));
      g_signal_connect_object (self->setup_page, "create-requested",
                               G_CALLBACK (create_requested_cb), self, G_CONNECT_SWAPPED);
    }
  return self->setup_page;
}

static WbRecoveryPage *
get_recovery_page (WbWindow *self)
{
  if (self->recovery_page == NULL)
    {
      self->recovery_page = WB_RECOVERY_PAGE (add_lazy_page (self, WB_TYPE_RECOVERY_PAGE, "recovery"));
      g_signal_connect_object (self->recovery_page, "done",
                               G_CALLBACK (recovery_done_cb), self, G_CONNECT_SWAPPED);
    }
  return self->recovery_page;
}

static WbRecoverPage *
get_recover_page (WbWindow *self)
{
  if (self->recover_page == NULL)
    {
      self->recover_page = WB_RECOVER_PAGE (add_lazy_page (self, WB_TYPE_RECOVER_PAGE, "recover"));
      g_signal_connect_object (self->recover_page, "recover-requested",
                               G_CALLBACK (recover_requested_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->recover_page, "cancelled",
                               G_CALLBACK (recover_cancelled_cb), self, G_CONNECT_SWAPPED);
    }
  return self->recover_page;
}

/* A page that is not shown still costs its style, accessibility and
 * icons at the first frame, even hidden: the error page and the main page
 * (sidebar and areas) stay out of the window until first shown. */
static const char * const detached_names[] = { "error", "main" };

static void
detach_pages (WbWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (detached_names); i++)
    {
      GtkWidget *child = gtk_stack_get_child_by_name (self->main_stack, detached_names[i]);

      self->detached[i] = g_object_ref (child);
      gtk_stack_remove (self->main_stack, child);
    }
}

static void
attach_page (WbWindow   *self,
             const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (detached_names); i++)
    if (self->detached[i] != NULL && g_str_equal (name, detached_names[i]))
      {
        gtk_widget_set_visible (self->detached[i], FALSE);
        gtk_stack_add_named (self->main_stack, self->detached[i], name);
        g_clear_object (&self->detached[i]);
      }
}

/* Which page the window shows follows from the state of the store. */
static void
update_page (WbWindow *self)
{
  WbApplication *app = WB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *page;

  if (app == NULL)
    return;

  if (!wb_application_get_store_ready (app))
    page = "loading";
  else if (wb_application_get_store_error (app) != NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       wb_application_get_store_error (app)->message);
      page = "error";
    }
  else if (self->showing_recovery)
    page = "recovery";
  else if (!wb_store_get_initialized (self->store))
    page = "setup";
  /* Through the whole recovery (unlock by key, new passphrase, lock, sign
   * in) the page stays: the app never shows cases without an account. */
  else if (self->recovering)
    page = "recover";
  else if (wb_store_get_locked (self->store))
    page = "unlock";
  else
    page = "main";

  if (g_str_equal (page, "unlock"))
    wb_unlock_page_set_ask_account (self->unlock_page, wb_store_get_n_accounts (self->store) != 1);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), page) == 0)
    return;
  if (g_str_equal (page, "main") && self->inbox_page == NULL)
    wb_window_show_area (self, areas[0]);

  attach_page (self, page);
  if (g_str_equal (page, "setup"))
    get_setup_page (self);
  else if (g_str_equal (page, "recovery"))
    get_recovery_page (self);
  else if (g_str_equal (page, "recover"))
    get_recover_page (self);

  /* Only the current page is visible: assistive technologies then find
   * no field of a page the user cannot see. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->main_stack, page), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->main_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != gtk_stack_get_visible_child (self->main_stack))
      gtk_widget_set_visible (child, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", g_str_equal (page, "main"));

  if (g_str_equal (page, "setup"))
    wb_setup_page_focus (get_setup_page (self));
  else if (g_str_equal (page, "unlock"))
    wb_unlock_page_reset (self->unlock_page);
  else if (g_str_equal (page, "main"))
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

/* Windows that may show case content do not survive a lock. */
static void
close_other_windows (WbWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GList) windows = NULL;

  if (app == NULL)
    return;
  windows = g_list_copy (gtk_application_get_windows (app));
  for (GList *l = windows; l; l = l->next)
    if (l->data != (gpointer) self)
      gtk_window_destroy (GTK_WINDOW (l->data));
}

/* Callbacks */

static void
store_locked_cb (WbWindow *self)
{
  if (wb_store_get_locked (self->store))
    {
      close_other_windows (self);
      self->showing_recovery = FALSE;
      if (self->recovery_page != NULL)
        wb_recovery_page_clear (self->recovery_page);
    }
  update_page (self);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data);

static void
recovery_key_made_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  key = wb_store_make_recovery_key_finish (WB_STORE (object), result, &error);
  wb_setup_page_reset (get_setup_page (self));
  if (key == NULL)
    {
      /* The vault stands; only the key failed. Say so and go on. */
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("No Recovery Key Was Made"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      wb_a11y_fix_mnemonic_names (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      self->showing_recovery = FALSE;
      update_page (self);
      return;
    }
  wb_recovery_page_set_key (get_recovery_page (self), key);
  sodium_memzero (key, strlen (key));
  g_free (key);
  self->showing_recovery = TRUE;
  update_page (self);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wb_store_create_finish (WB_STORE (object), result, &error))
    {
      wb_setup_page_set_busy (get_setup_page (self), FALSE);
      wb_setup_page_set_error (get_setup_page (self), error->message);
      return;
    }

  if (self->make_recovery_key)
    {
      wb_store_make_recovery_key_async (self->store, NULL, recovery_key_made_cb,
                                        g_object_ref (self));
      return;
    }
  wb_setup_page_reset (get_setup_page (self));
  update_page (self);
}

static void
create_requested_cb (WbWindow    *self,
                     const char  *name,
                     const char  *display_name,
                     const char  *passphrase,
                     gboolean     make_recovery_key,
                     WbSetupPage *page)
{
  self->make_recovery_key = make_recovery_key;
  wb_store_create_async (self->store, name, display_name, passphrase, NULL, NULL,
                         created_cb, g_object_ref (self));
}

static void
recovery_done_cb (WbWindow       *self,
                  WbRecoveryPage *page)
{
  self->showing_recovery = FALSE;
  update_page (self);
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(WbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  wb_unlock_page_set_busy (self->unlock_page, FALSE);
  if (!wb_store_unlock_finish (WB_STORE (object), result, &error))
    {
      wb_unlock_page_set_error (self->unlock_page, error->message);
      return;
    }
  update_page (self);
}

static void
unlock_requested_cb (WbWindow     *self,
                     const char   *account,
                     const char   *passphrase,
                     WbUnlockPage *page)
{
  wb_store_unlock_async (self->store, account, passphrase, FALSE, NULL,
                         unlocked_cb, g_object_ref (self));
}

static void
recovery_requested_cb (WbWindow     *self,
                       WbUnlockPage *page)
{
  self->recovering = TRUE;
  wb_recover_page_reset (get_recover_page (self));
  update_page (self);
  wb_recover_page_focus (get_recover_page (self));
}

static void
recover_cancelled_cb (WbWindow      *self,
                      WbRecoverPage *page)
{
  self->recovering = FALSE;
  update_page (self);
}

/* Leaving the recovery page in any way wipes what was typed on it. */
static void
leave_recovery (WbWindow *self)
{
  self->recovering = FALSE;
  g_clear_pointer (&self->recover_name, g_free);
  if (self->recover_page != NULL)
    wb_recover_page_reset (self->recover_page);
}

static void
recover_failed (WbWindow     *self,
                const GError *error)
{
  wb_recover_page_set_busy (get_recover_page (self), FALSE);
  wb_recover_page_set_error (get_recover_page (self), error->message);
}

/* Step 3: sign in as the account with its new passphrase. */
static void
recovered_unlocked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(WbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wb_store_unlock_finish (WB_STORE (object), result, &error))
    {
      recover_failed (self, error);
      return;
    }
  leave_recovery (self);
  update_page (self);
}

/* Step 2: the recovery unlock has no account; lock again, then sign in. */
static void
recovery_reset_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = wb_store_reset_passphrase_finish (WB_STORE (object), result, &error);

  wb_store_lock_async (self->store, NULL, NULL, NULL);
  if (!ok)
    {
      recover_failed (self, error);
      return;
    }
  wb_store_unlock_async (self->store, self->recover_name,
                         g_object_get_data (G_OBJECT (self), "wb-recover-passphrase"),
                         FALSE, NULL, recovered_unlocked_cb, g_object_ref (self));
  g_object_set_data (G_OBJECT (self), "wb-recover-passphrase", NULL);
}

static void
recovery_unlocked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wb_store_unlock_recovery_finish (WB_STORE (object), result, &error))
    {
      g_object_set_data (G_OBJECT (self), "wb-recover-passphrase", NULL);
      recover_failed (self, error);
      return;
    }
  wb_store_reset_passphrase_async (self->store, self->recover_name,
                                   g_object_get_data (G_OBJECT (self), "wb-recover-passphrase"),
                                   NULL, recovery_reset_cb, g_object_ref (self));
}

static void
wipe_secret (gpointer data)
{
  sodium_memzero (data, strlen (data));
  sodium_free (data);
}

static void
recover_requested_cb (WbWindow      *self,
                      const char    *key,
                      const char    *name,
                      const char    *passphrase,
                      WbRecoverPage *page)
{
  gsize len = strlen (passphrase);
  char *copy = sodium_malloc (len + 1);

  /* Held only for the three steps, in guarded memory. */
  memcpy (copy, passphrase, len + 1);
  g_object_set_data_full (G_OBJECT (self), "wb-recover-passphrase", copy, wipe_secret);
  g_free (self->recover_name);
  self->recover_name = g_strdup (name);
  wb_store_unlock_recovery_async (self->store, key, NULL, recovery_unlocked_cb,
                                  g_object_ref (self));
}

/* The counts beside "Cases" in the sidebar, and what a screen reader says of them. */
static void
inbox_counts_changed_cb (WbWindow *self)
{
  guint n_open = wb_inbox_page_get_n_open (self->inbox_page);
  guint n_overdue = wb_inbox_page_get_n_overdue (self->inbox_page);
  g_autofree char *open = g_strdup_printf ("%u", n_open);
  g_autofree char *overdue = g_strdup_printf ("%u", n_overdue);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->inbox_count_label, open);
  gtk_widget_set_visible (GTK_WIDGET (self->inbox_count_label), n_open > 0);
  gtk_label_set_text (self->inbox_overdue_label, overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->inbox_overdue_label), n_overdue > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->inbox_overdue_label),
                               g_dngettext (GETTEXT_PACKAGE, "Overdue follow-up",
                                            "Overdue follow-ups", n_overdue));
  /* Translators: beside "Cases" in the sidebar, e.g. "12 open, 3 overdue" */
  description = g_strdup_printf (_("%u open, %u overdue"), n_open, n_overdue);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inbox_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/**
 * wb_window_open_case:
 * @case_id: the case's record id, 32 hex characters
 *
 * Shows the case page of the case in the inbox area.
 */
void
wb_window_open_case (WbWindow   *self,
                     const char *case_id)
{
  g_return_if_fail (WB_IS_WINDOW (self));
  g_return_if_fail (case_id != NULL);

  if (wb_store_get_locked (self->store))
    return;
  wb_window_show_area (self, "inbox");
  wb_inbox_page_open_case (self->inbox_page, case_id);
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  wb_window_open_case (WB_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WbWindow *self = WB_WINDOW (widget);

  /* Queued first: the store's worker writes the sealed draft, then locks. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-draft", NULL);
  wb_store_lock_async (self->store, NULL, NULL, NULL);
}

static void
sidebar_row_selected_cb (WbWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *sidebar)
{
  if (row == NULL)
    return;

  wb_window_show_area (self, areas[gtk_list_box_row_get_index (row)]);
}

/* In a browse-mode list the selection follows the focus, so Tab through the
 * sidebar would switch areas row by row. Tab and Shift+Tab leave the list
 * for the area instead; the arrow keys move between areas. */
static gboolean
sidebar_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        WbWindow              *self)
{
  GtkWidget *content = gtk_stack_get_visible_child (self->area_stack);

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if (content == NULL)
    return FALSE;
  return gtk_widget_child_focus (content, (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab
                                          ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

static void
sidebar_row_activated_cb (WbWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *sidebar)
{
  /* On a narrow window activating the selected row must still go forward. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  WbWindow *self = WB_WINDOW (widget);
  const char *area = g_variant_get_string (param, NULL);

  if (area_index (area) < 0)
    {
      g_warning ("Unknown area “%s”", area);
      return;
    }
  wb_window_show_area (self, area);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WbWindow *self = WB_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GObject */

static gboolean
wb_window_close_request (GtkWindow *window)
{
  WbWindow *self = WB_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-draft", NULL);

  return GTK_WINDOW_CLASS (wb_window_parent_class)->close_request (window);
}

static void
wb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WbWindow *self = WB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_string (value, wb_window_get_area (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WbWindow *self = WB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_AREA:
      wb_window_show_area (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_window_dispose (GObject *object)
{
  WbWindow *self = WB_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->recover_name, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->detached); i++)
    g_clear_object (&self->detached[i]);

  G_OBJECT_CLASS (wb_window_parent_class)->dispose (object);
}

static void
wb_window_class_init (WbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = wb_window_get_property;
  object_class->set_property = wb_window_set_property;
  object_class->dispose = wb_window_dispose;
  window_class->close_request = wb_window_close_request;

  properties[PROP_AREA] =
    g_param_spec_string ("area", NULL, NULL,
                         "inbox",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, area_stack);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, inbox_row);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, inbox_count_label);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, inbox_overdue_label);
  gtk_widget_class_install_action (widget_class, "win.open-case", "s", open_case_action);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlock_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, recovery_requested_cb);

  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-area", "s", "inbox");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-area", "s", "intake");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-area", "s", "partners");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-area", "s", "followups");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.show-area", "s", "intake");
}

static void
wb_window_init (WbWindow *self)
{
  g_type_ensure (WB_TYPE_UNLOCK_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  detach_pages (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", FALSE);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
  }
}

WbWindow *
wb_window_new (WbApplication *application)
{
  WbWindow *self;
  GSettings *settings;

  g_return_val_if_fail (WB_IS_APPLICATION (application), NULL);

  self = g_object_new (WB_TYPE_WINDOW, "application", application, NULL);
  settings = wb_application_get_settings (application);
  self->settings = g_object_ref (settings);
  self->store = g_object_ref (wb_application_get_store (application));

  g_signal_connect_object (application, "notify::store-ready",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::locked",
                           G_CALLBACK (store_locked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::initialized",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::n-accounts",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  wb_lock_monitor_watch_widget (wb_application_get_lock_monitor (application), GTK_WIDGET (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  update_page (self);

  return self;
}
