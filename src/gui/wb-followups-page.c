/* wb-followups-page.c: the Nazorg area: follow-ups grouped by when they are due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the open and snoozed follow-ups from the store's schedule (with
 * their sealed records, so only while unlocked), grouped today, overdue,
 * this week and later, for the signed-in contact person or the whole team.
 * Rows are rebuilt from each listing: there are dozens, not thousands.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-application.h"
#include "wb-core.h"
#include "wb-followup-actions.h"
#include "wb-followups-page.h"
#include "wb-outcome-dialog.h"

typedef struct
{
  char             *id;
  char             *case_id;
  char             *reference;
  WbFollowUpKind    kind;
  WbFollowUpTarget  target;
  GDateTime        *due;
  char             *assignee;
  char             *case_assignee;
} Entry;

struct _WbFollowupsPage
{
  AdwBin          parent_instance;

  WbStore        *store;
  GPtrArray      *entries;
  GHashTable     *account_names;   /* account id → display name */
  guint           generation;
  guint           refresh_source;
  guint           n_shown;

  GtkToggleButton *mine_button;
  GtkToggleButton *all_button;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkBox         *groups_box;
};

G_DEFINE_FINAL_TYPE (WbFollowupsPage, wb_followups_page, ADW_TYPE_BIN)

/* The order of the groups on the page. */
static const WbDueClass group_order[] = {
  WB_DUE_TODAY, WB_DUE_OVERDUE, WB_DUE_THIS_WEEK, WB_DUE_LATER
};

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_free (entry->case_id);
  g_free (entry->reference);
  g_clear_pointer (&entry->due, g_date_time_unref);
  g_free (entry->assignee);
  g_free (entry->case_assignee);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;

  return g_date_time_compare (ea->due, eb->due);
}

static char *
actor_id (WbFollowupsPage *self)
{
  const WbVaultAccount *actor = self->store != NULL ? wb_store_get_actor (self->store) : NULL;

  return actor != NULL ? wb_record_id_to_string (&actor->id) : NULL;
}

static gboolean
is_mine (const Entry *entry,
         const char  *me)
{
  if (me == NULL)
    return TRUE;
  if (entry->assignee != NULL && *entry->assignee != '\0')
    return g_str_equal (entry->assignee, me);
  return entry->case_assignee != NULL && g_str_equal (entry->case_assignee, me);
}

static char *
assignee_text (WbFollowupsPage *self,
               const Entry     *entry,
               const char      *me)
{
  const char *name;

  if (entry->assignee == NULL || *entry->assignee == '\0')
    return g_strdup (_("Not assigned"));
  if (me != NULL && g_str_equal (entry->assignee, me))
    return g_strdup (_("Assigned to you"));
  name = g_hash_table_lookup (self->account_names, entry->assignee);
  /* Translators: %s is the name of a contact person. */
  return name != NULL ? g_strdup_printf (_("Assigned to %s"), name)
                      : g_strdup (_("Assigned to a removed account"));
}

static GtkWidget *
make_row (WbFollowupsPage *self,
          const Entry     *entry,
          const char      *me)
{
  GTimeZone *tz = wb_due_get_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (entry->due, tz);
  /* Translators: how a due moment is shown, a g_date_time_format() string:
   * "%-d %B %Y, %H:%M" is "3 March 2025, 14:30". */
  g_autofree char *due = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  g_autofree char *assigned = assignee_text (self, entry, me);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  const char *reference = entry->reference != NULL ? entry->reference : _("Unknown case");
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *snooze;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) hour = NULL;
  g_autoptr(GMenuItem) tomorrow = NULL;

  /* Translators: a follow-up row: %1$s is a case reference, %2$s the kind
   * of follow-up ("Aftercare contact"). */
  title = g_strdup_printf (_("%1$s: %2$s"), reference, wb_follow_up_kind_to_label (entry->kind));
  /* Translators: %1$s is for whom ("Reporter"), %2$s a due moment, %3$s
   * who is assigned ("Assigned to you"). */
  subtitle = g_strdup_printf (_("For: %1$s · due %2$s · %3$s"),
                              wb_follow_up_target_to_label (entry->target), due, assigned);
  label = g_strdup_printf ("%s, %s", title, subtitle);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Mark Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark Done"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "followups.done");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entry->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  hour = g_menu_item_new (_("Later (1 hour)"), NULL);
  g_menu_item_set_action_and_target (hour, "followups.snooze-hour", "s", entry->id);
  g_menu_append_item (menu, hour);
  tomorrow = g_menu_item_new (_("Tomorrow"), NULL);
  g_menu_item_set_action_and_target (tomorrow, "followups.snooze-tomorrow", "s", entry->id);
  g_menu_append_item (menu, tomorrow);
  snooze = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (snooze), "alarm-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (snooze), G_MENU_MODEL (menu));
  gtk_widget_set_valign (snooze, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (snooze, "flat");
  gtk_widget_set_tooltip_text (snooze, _("Snooze"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (snooze),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Snooze"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), snooze);

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open Case"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Case"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "followups.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entry->case_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild (WbFollowupsPage *self)
{
  GTimeZone *tz = wb_due_get_time_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autofree char *me = actor_id (self);
  gboolean mine = gtk_toggle_button_get_active (self->mine_button);
  GtkWidget *child;
  GtkWidget *groups[G_N_ELEMENTS (group_order)] = { NULL };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  self->n_shown = 0;
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);
      WbDueClass due_class;
      guint g;

      if (mine && !is_mine (entry, me))
        continue;
      due_class = wb_due_classify (entry->due, now, tz);
      for (g = 0; group_order[g] != due_class; g++)
        ;
      if (groups[g] == NULL)
        groups[g] = adw_preferences_group_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[g]), make_row (self, entry, me));
      self->n_shown++;
    }

  for (guint g = 0; g < G_N_ELEMENTS (group_order); g++)
    if (groups[g] != NULL)
      {
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[g]),
                                         wb_due_class_to_label (group_order[g]));
        gtk_box_append (self->groups_box, groups[g]);
      }

  adw_status_page_set_description (self->empty_page,
                                   mine ? _("No open follow-ups for you. “All” shows those of the team.")
                                        : _("No open follow-ups. Aftercare plans add them to a case."));
  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
}

/* Wiped as soon as the vault locks: nothing of a case stays on screen. */
static void
clear (WbFollowupsPage *self)
{
  self->generation++;
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_hash_table_remove_all (self->account_names);
  rebuild (self);
}

/* Callbacks */

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbFollowupsPage) self = user_data;
  g_autoptr(GPtrArray) accounts = NULL;

  accounts = wb_store_list_accounts_finish (WB_STORE (object), result, NULL);
  if (accounts == NULL || self->store == NULL || wb_store_get_locked (self->store))
    return;
  g_hash_table_remove_all (self->account_names);
  for (guint i = 0; i < accounts->len; i++)
    {
      const WbVaultAccount *account = g_ptr_array_index (accounts, i);

      g_hash_table_insert (self->account_names, wb_record_id_to_string (&account->id),
                           g_strdup (account->display_name));
    }
  rebuild (self);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) token = user_data;
  WbFollowupsPage *self = g_task_get_source_object (token);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  due = wb_store_list_due_finish (WB_STORE (object), result, &error);
  if (GPOINTER_TO_UINT (g_task_get_task_data (token)) != self->generation
      || self->store == NULL || wb_store_get_locked (self->store))
    return;
  if (due == NULL)
    {
      g_message ("Follow-ups: could not list them: %s", error->message);
      return;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (guint i = 0; i < due->len; i++)
    {
      const WbStoreDue *d = g_ptr_array_index (due, i);
      g_autoptr(WbFollowUp) f = NULL;
      g_autoptr(WbCaseRow) row = NULL;
      Entry *entry;

      if (d->plaintext == NULL
          || (d->state != WB_FOLLOW_UP_STATE_OPEN && d->state != WB_FOLLOW_UP_STATE_SNOOZED))
        continue;
      f = wb_follow_up_deserialize (d->plaintext, NULL);
      if (f == NULL || wb_follow_up_get_due (f) == NULL)
        continue;
      row = wb_store_lookup_index_row (self->store, wb_follow_up_get_case_id (f));

      entry = g_new0 (Entry, 1);
      entry->id = g_strdup (wb_follow_up_get_id (f));
      entry->case_id = g_strdup (wb_follow_up_get_case_id (f));
      entry->reference = row != NULL && *row->reference != '\0' ? g_strdup (row->reference) : NULL;
      entry->kind = wb_follow_up_get_kind (f);
      entry->target = wb_follow_up_get_target (f);
      entry->due = g_date_time_ref (wb_follow_up_get_due (f));
      entry->assignee = g_strdup (wb_follow_up_get_assignee (f));
      entry->case_assignee = row != NULL ? g_strdup (row->assignee) : NULL;
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  rebuild (self);
}

static void
store_changed_cb (WbFollowupsPage *self,
                  const char      *kind)
{
  if (g_strcmp0 (kind, WB_KIND_FOLLOWUP) == 0)
    wb_followups_page_refresh (self);
}

static void
store_locked_cb (WbFollowupsPage *self)
{
  if (wb_store_get_locked (self->store))
    clear (self);
  else
    wb_followups_page_refresh (self);
}

static void
filter_toggled_cb (WbFollowupsPage *self)
{
  rebuild (self);
}

static void
action_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (wb_followup_snooze_finish (WB_STORE (object), result, &error))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("The Follow-Up Was Not Snoozed"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static const Entry *
find_entry (WbFollowupsPage *self,
            const char      *id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->id, id))
        return entry;
    }
  return NULL;
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WbFollowupsPage *self = WB_FOLLOWUPS_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  const Entry *entry = find_entry (self, id);

  if (entry == NULL || self->store == NULL)
    return;
  wb_outcome_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                             id, entry->reference);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbFollowupsPage *self = WB_FOLLOWUPS_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  GTimeZone *tz = wb_due_get_time_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) until = NULL;

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "followups.snooze-hour"))
    until = wb_due_snooze_hour (now);
  else
    until = wb_due_snooze_tomorrow (now, tz);
  wb_followup_snooze_async (self->store, id, until, NULL, action_done_cb, g_object_ref (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  /* The window opens cases; until it can, it shows the inbox. */
  if (!gtk_widget_activate_action_variant (widget, "win.open-case", param))
    gtk_widget_activate_action (widget, "win.show-area", "s", "inbox");
}

/* GObject */

/* In the main window the page finds the application's store itself; the
 * window gets its application only after its template is built. */
static void
find_store (WbFollowupsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app;

  if (self->store != NULL || !GTK_IS_WINDOW (root))
    return;
  app = gtk_window_get_application (GTK_WINDOW (root));
  if (WB_IS_APPLICATION (app))
    wb_followups_page_set_store (self, wb_application_get_store (WB_APPLICATION (app)));
}

static void
wb_followups_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wb_followups_page_parent_class)->root (widget);
  find_store (WB_FOLLOWUPS_PAGE (widget));
}

static void
wb_followups_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wb_followups_page_parent_class)->map (widget);
  find_store (WB_FOLLOWUPS_PAGE (widget));
}

static void
wb_followups_page_dispose (GObject *object)
{
  WbFollowupsPage *self = WB_FOLLOWUPS_PAGE (object);

  self->generation++;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_FOLLOWUPS_PAGE);

  G_OBJECT_CLASS (wb_followups_page_parent_class)->dispose (object);
}

static void
wb_followups_page_finalize (GObject *object)
{
  WbFollowupsPage *self = WB_FOLLOWUPS_PAGE (object);

  g_clear_pointer (&self->account_names, g_hash_table_unref);

  G_OBJECT_CLASS (wb_followups_page_parent_class)->finalize (object);
}

static void
wb_followups_page_class_init (WbFollowupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_followups_page_dispose;
  object_class->finalize = wb_followups_page_finalize;
  widget_class->root = wb_followups_page_root;
  widget_class->map = wb_followups_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-followups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbFollowupsPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, WbFollowupsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, WbFollowupsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WbFollowupsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WbFollowupsPage, groups_box);

  gtk_widget_class_install_action (widget_class, "followups.done", "s", done_action);
  gtk_widget_class_install_action (widget_class, "followups.snooze-hour", "s", snooze_action);
  gtk_widget_class_install_action (widget_class, "followups.snooze-tomorrow", "s", snooze_action);
  gtk_widget_class_install_action (widget_class, "followups.open", "s", open_action);
}

static void
wb_followups_page_init (WbFollowupsPage *self)
{
  self->account_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  g_signal_connect_object (self->mine_button, "toggled",
                           G_CALLBACK (filter_toggled_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

GtkWidget *
wb_followups_page_new (void)
{
  return g_object_new (WB_TYPE_FOLLOWUPS_PAGE, NULL);
}

void
wb_followups_page_set_store (WbFollowupsPage *self,
                             WbStore         *store)
{
  g_return_if_fail (WB_IS_FOLLOWUPS_PAGE (self));
  g_return_if_fail (WB_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  /* References arrive with the index after unlocking. */
  g_signal_connect_object (store, "index-changed",
                           G_CALLBACK (wb_followups_page_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::locked",
                           G_CALLBACK (store_locked_cb), self, G_CONNECT_SWAPPED);
  wb_followups_page_refresh (self);
}

/**
 * wb_followups_page_refresh:
 *
 * Lists the follow-ups again; the page does so itself on every change.
 */
static gboolean
refresh_cb (gpointer user_data)
{
  WbFollowupsPage *self = user_data;
  GTask *token;

  self->refresh_source = 0;
  if (self->store == NULL || wb_store_get_locked (self->store))
    return G_SOURCE_REMOVE;

  token = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (token, GUINT_TO_POINTER (++self->generation), NULL);
  wb_store_list_due_async (self->store, NULL, listed_cb, token);
  wb_store_list_accounts_async (self->store, NULL, accounts_listed_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
wb_followups_page_refresh (WbFollowupsPage *self)
{
  g_return_if_fail (WB_IS_FOLLOWUPS_PAGE (self));

  /* Changes come one record at a time: one listing for a burst of them. */
  if (self->store == NULL || wb_store_get_locked (self->store) || self->refresh_source != 0)
    return;
  self->refresh_source = g_idle_add (refresh_cb, self);
}

/* How many follow-ups the page shows with the current filter. */
guint
wb_followups_page_get_n_shown (WbFollowupsPage *self)
{
  g_return_val_if_fail (WB_IS_FOLLOWUPS_PAGE (self), 0);

  return self->n_shown;
}
