/* wb-inbox-page.c: the case inbox (Meldingen): search, filters, sortable columns, and the case page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model chain is items → sort → filter → selection: sorting runs once
 * when the index changes, and every keystroke only filters, incrementally,
 * so typing stays smooth with 100,000 cases.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-case-item.h"
#include "wb-case-page.h"
#include "wb-inbox-columns.h"
#include "wb-inbox-page.h"
#include "wb-intake-drafts.h"
#include "wb-regions.h"

/* Status choices in the order of the status drop-down. */
static const int status_choices[] = {
  WB_INBOX_STATUS_OPEN, WB_INBOX_STATUS_ANY,
  WB_CASE_STATUS_NEW, WB_CASE_STATUS_IN_PROGRESS, WB_CASE_STATUS_REFERRED,
  WB_CASE_STATUS_AFTERCARE, WB_CASE_STATUS_CLOSED,
};

struct _WbInboxPage
{
  GtkWidget            parent_instance;

  WbStore             *store;
  GSettings           *settings;
  WbInboxFilter       *rules;
  GListStore          *items;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  GtkCustomFilter     *filter;
  GHashTable          *account_names;  /* account id → display name */
  GPtrArray           *account_ids;    /* assignee drop-down position → id ("" = anyone) */
  GPtrArray           *area_codes;     /* area drop-down position → code ("" = all) */
  GCancellable        *cancellable;
  guint                n_open;
  guint                n_overdue;
  gboolean             restoring;

  GtkStack            *page_stack;
  GtkStack            *list_stack;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *mine_button;
  GtkToggleButton     *overdue_button;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *urgency_dropdown;
  GtkDropDown         *association_dropdown;
  GtkDropDown         *assignee_dropdown;
  GtkDropDown         *area_dropdown;
  GtkColumnView       *column_view;
  WbCasePage          *case_page;
  WbIntakeDrafts      *drafts;
};

G_DEFINE_FINAL_TYPE (WbInboxPage, wb_inbox_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_OPEN,
  PROP_N_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sorting and filtering */

static int
compare_default_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  int r = wb_inbox_compare_default (wb_case_item_get_case ((WbCaseItem *) a),
                                    wb_case_item_get_case ((WbCaseItem *) b));

  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  WbInboxPage *self = user_data;

  return wb_inbox_filter_matches (self->rules, wb_case_item_get_case (item));
}

/* State */

static void
set_counts (WbInboxPage *self,
            guint        n_open,
            guint        n_overdue)
{
  if (self->n_open != n_open)
    {
      self->n_open = n_open;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
    }
  if (self->n_overdue != n_overdue)
    {
      self->n_overdue = n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
    }
}

static void
update_list_page (WbInboxPage *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
           gtk_filter_list_model_get_pending (self->filter_model) == 0)
    page = "no-results";
  else
    page = "rows";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* Keeps items whose row did not change, so a change to one case re-sorts
 * one item rather than 100,000. */
static void
reload (WbInboxPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) fresh = NULL;
  g_autoptr(GPtrArray) added = NULL;
  gint64 now = g_get_real_time ();
  guint n_open = 0, n_overdue = 0;
  guint n;

  rows = self->store && !wb_store_get_locked (self->store)
         ? wb_store_dup_index_rows (self->store)
         : g_ptr_array_new ();
  fresh = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < rows->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (fresh, (gpointer) row->case_id, row);
      if (row->status != WB_CASE_STATUS_CLOSED)
        {
          n_open++;
          n_overdue += row->next_due != 0 && row->next_due < now;
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (rows->len == 0)
    g_list_store_remove_all (self->items);
  for (guint i = n; i-- > 0 && rows->len > 0;)
    {
      g_autoptr(WbCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      WbCaseRow *old = wb_case_item_get_row (item);
      WbCaseRow *row = g_hash_table_lookup (fresh, old->case_id);

      if (row == old)
        g_hash_table_remove (fresh, old->case_id);
      else if (row == NULL)
        g_list_store_remove (self->items, i);
      else
        {
          g_autoptr(WbCaseItem) replacement = wb_case_item_new (row);

          g_hash_table_remove (fresh, old->case_id);
          g_list_store_splice (self->items, i, 1, (gpointer *) &replacement, 1);
        }
    }

  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, i);

      if (g_hash_table_contains (fresh, row->case_id))
        g_ptr_array_add (added, wb_case_item_new (row));
    }
  if (added->len)
    g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                         added->pdata, added->len);

  set_counts (self, n_open, n_overdue);
  update_list_page (self);
}

/* Filters */

static const char *
selected_string (GPtrArray   *values,
                 GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  return values && pos < values->len ? g_ptr_array_index (values, pos) : "";
}

static int
selected_minus_one (GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  return pos == GTK_INVALID_LIST_POSITION ? -1 : (int) pos - 1;
}

static void
apply_filters (WbInboxPage *self)
{
  const WbVaultAccount *me = self->store ? wb_store_get_actor (self->store) : NULL;
  g_autofree char *my_id = me ? wb_record_id_to_string (&me->id) : NULL;
  guint status_pos = gtk_drop_down_get_selected (self->status_dropdown);
  int association = selected_minus_one (self->association_dropdown);
  gboolean changed = FALSE;

  wb_inbox_filter_set_now (self->rules, g_get_real_time ());
  changed |= wb_inbox_filter_set_query (self->rules,
                                        gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  changed |= wb_inbox_filter_set_status (self->rules, status_pos < G_N_ELEMENTS (status_choices)
                                                      ? status_choices[status_pos]
                                                      : WB_INBOX_STATUS_ANY);
  changed |= wb_inbox_filter_set_urgency (self->rules, selected_minus_one (self->urgency_dropdown));
  /* The drop-down skips WB_ASSOCIATION_NONE. */
  changed |= wb_inbox_filter_set_association (self->rules, association < 0 ? -1 : association + 1);
  changed |= wb_inbox_filter_set_assignee (self->rules,
                                           selected_string (self->account_ids, self->assignee_dropdown));
  changed |= wb_inbox_filter_set_area (self->rules,
                                       selected_string (self->area_codes, self->area_dropdown));
  changed |= wb_inbox_filter_set_mine (self->rules, gtk_toggle_button_get_active (self->mine_button)
                                                    ? (my_id ? my_id : "-") : NULL);
  changed |= wb_inbox_filter_set_overdue_only (self->rules,
                                               gtk_toggle_button_get_active (self->overdue_button));
  if (changed)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
save_filters (WbInboxPage *self)
{
  guint status_pos = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->restoring)
    return;
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "inbox-status",
                      status_pos < G_N_ELEMENTS (status_choices) ? status_choices[status_pos]
                                                                 : WB_INBOX_STATUS_ANY);
  g_settings_set_int (self->settings, "inbox-urgency", selected_minus_one (self->urgency_dropdown));
  g_settings_set_int (self->settings, "inbox-association",
                      selected_minus_one (self->association_dropdown) < 0
                      ? -1 : selected_minus_one (self->association_dropdown) + 1);
  /* Before the accounts are known the drop-down holds only "anyone". */
  if (self->account_ids->len > 1)
    g_settings_set_string (self->settings, "inbox-contact-person",
                           selected_string (self->account_ids, self->assignee_dropdown));
  g_settings_set_string (self->settings, "inbox-region",
                         selected_string (self->area_codes, self->area_dropdown));
  g_settings_set_boolean (self->settings, "inbox-mine",
                          gtk_toggle_button_get_active (self->mine_button));
  g_settings_set_boolean (self->settings, "inbox-overdue",
                          gtk_toggle_button_get_active (self->overdue_button));
  g_settings_apply (self->settings);
}

static guint
find_string (GPtrArray  *values,
             const char *value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return i;
  return 0;
}

static void
restore_assignee (WbInboxPage *self)
{
  g_autofree char *assignee = g_settings_get_string (self->settings, "inbox-contact-person");

  self->restoring = TRUE;
  gtk_drop_down_set_selected (self->assignee_dropdown, find_string (self->account_ids, assignee));
  self->restoring = FALSE;
}

static void
restore_filters (WbInboxPage *self)
{
  int status = g_settings_get_int (self->settings, "inbox-status");
  int association = g_settings_get_int (self->settings, "inbox-association");
  g_autofree char *area = g_settings_get_string (self->settings, "inbox-region");
  guint status_pos = 0;

  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    if (status_choices[i] == status)
      status_pos = i;

  self->restoring = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, status_pos);
  gtk_drop_down_set_selected (self->urgency_dropdown,
                              CLAMP (g_settings_get_int (self->settings, "inbox-urgency"), -1, 2) + 1);
  gtk_drop_down_set_selected (self->association_dropdown,
                              association < 1 || association > 3 ? 0 : association);
  gtk_drop_down_set_selected (self->area_dropdown, find_string (self->area_codes, area));
  gtk_toggle_button_set_active (self->mine_button,
                                g_settings_get_boolean (self->settings, "inbox-mine"));
  gtk_toggle_button_set_active (self->overdue_button,
                                g_settings_get_boolean (self->settings, "inbox-overdue"));
  self->restoring = FALSE;
  restore_assignee (self);
}

static void
fill_dropdowns (WbInboxPage *self)
{
  g_autoptr(GtkStringList) status = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) urgency = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) association = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  gtk_string_list_append (status, _("Open cases"));
  gtk_string_list_append (status, _("All cases"));
  for (guint i = 2; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (status, wb_case_status_to_label (status_choices[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status));

  gtk_string_list_append (urgency, _("Any urgency"));
  for (int u = WB_URGENCY_NORMAL; u <= WB_URGENCY_ACUTE; u++)
    gtk_string_list_append (urgency, wb_urgency_to_label (u));
  gtk_drop_down_set_model (self->urgency_dropdown, G_LIST_MODEL (urgency));

  gtk_string_list_append (association, _("Any association"));
  for (int a = WB_ASSOCIATION_NGB; a <= WB_ASSOCIATION_NVVR; a++)
    gtk_string_list_append (association, wb_association_to_label (a));
  gtk_drop_down_set_model (self->association_dropdown, G_LIST_MODEL (association));

  gtk_string_list_append (areas, _("All regions"));
  g_ptr_array_add (self->area_codes, g_strdup (""));
  for (WbAreaKind kind = WB_AREA_KIND_PROVINCE; kind <= WB_AREA_KIND_SAFETY_REGION; kind++)
    {
      g_autoptr(GPtrArray) list = wb_regions_list (kind);

      for (guint i = 0; i < list->len; i++)
        {
          const WbArea *area = g_ptr_array_index (list, i);
          g_autofree char *label = wb_area_get_label (area);

          gtk_string_list_append (areas, label);
          g_ptr_array_add (self->area_codes, g_strdup (wb_area_get_code (area)));
        }
    }
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  gtk_drop_down_set_expression (self->area_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  g_ptr_array_add (self->account_ids, g_strdup (""));
  {
    g_autoptr(GtkStringList) anyone = gtk_string_list_new (NULL);

    gtk_string_list_append (anyone, _("Anyone"));
    gtk_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (anyone));
  }
}

/* Callbacks */

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbInboxPage) self = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;

  accounts = wb_store_list_accounts_finish (WB_STORE (object), result, &error);
  /* The store finishes a started job even when cancelled. */
  if (self->store == NULL || wb_store_get_locked (self->store))
    return;
  if (accounts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the accounts: %s", error->message);
      return;
    }

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Anyone"));
  g_hash_table_remove_all (self->account_names);
  g_ptr_array_set_size (self->account_ids, 0);
  g_ptr_array_add (self->account_ids, g_strdup (""));
  for (guint i = 0; i < accounts->len; i++)
    {
      const WbVaultAccount *account = g_ptr_array_index (accounts, i);
      char *id = wb_record_id_to_string (&account->id);

      g_hash_table_insert (self->account_names, g_strdup (id), g_strdup (account->display_name));
      g_ptr_array_add (self->account_ids, id);
      gtk_string_list_append (names, account->display_name);
    }
  self->restoring = TRUE;
  gtk_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (names));
  self->restoring = FALSE;
  restore_assignee (self);
  apply_filters (self);
  /* Names in the contact person column. */
  gtk_widget_queue_draw (GTK_WIDGET (self->column_view));
}

static void
list_accounts (WbInboxPage *self)
{
  if (self->store == NULL || wb_store_get_locked (self->store))
    return;
  wb_store_list_accounts_async (self->store, self->cancellable, accounts_listed_cb,
                                g_object_ref (self));
}

static void
store_locked_cb (WbInboxPage *self)
{
  if (wb_store_get_locked (self->store))
    {
      /* A search can hold a name: it goes with the rest. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      wb_case_page_clear (self->case_page);
      gtk_stack_set_visible_child_name (self->page_stack, "list");
      g_hash_table_remove_all (self->account_names);
      reload (self);
      return;
    }
  list_accounts (self);
  apply_filters (self);
  reload (self);
}

static void
search_changed_cb (WbInboxPage *self)
{
  apply_filters (self);
}

static void
filters_changed_cb (WbInboxPage *self)
{
  apply_filters (self);
  save_filters (self);
}

static void
open_position (WbInboxPage *self,
               guint        position)
{
  g_autoptr(WbCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item)
    wb_inbox_page_open_case (self, wb_case_item_get_row (item)->case_id);
}

static void
search_activated_cb (WbInboxPage *self)
{
  open_position (self, 0);
}

static void
row_activated_cb (WbInboxPage *self,
                  guint        position)
{
  open_position (self, position);
}

static void
case_page_closed_cb (WbInboxPage *self)
{
  wb_inbox_page_show_list (self);
}

static void
model_changed_cb (WbInboxPage *self)
{
  update_list_page (self);
}

/* Down from the search field goes to the list, as in a file chooser. */
static gboolean
search_key_pressed_cb (WbInboxPage     *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return GDK_EVENT_STOP;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbInboxPage *self = WB_INBOX_PAGE (widget);

  /* Ctrl+F works from anywhere in the window: bring the inbox forward. */
  gtk_widget_activate_action (widget, "win.show-area", "s", "inbox");
  wb_inbox_page_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
wb_inbox_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WbInboxPage *self = WB_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_inbox_page_dispose (GObject *object)
{
  WbInboxPage *self = WB_INBOX_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_INBOX_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (wb_inbox_page_parent_class)->dispose (object);
}

static void
wb_inbox_page_finalize (GObject *object)
{
  WbInboxPage *self = WB_INBOX_PAGE (object);

  g_clear_pointer (&self->rules, wb_inbox_filter_free);
  g_clear_pointer (&self->account_names, g_hash_table_unref);
  g_clear_pointer (&self->account_ids, g_ptr_array_unref);
  g_clear_pointer (&self->area_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (wb_inbox_page_parent_class)->finalize (object);
}

static void
wb_inbox_page_class_init (WbInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wb_inbox_page_get_property;
  object_class->dispose = wb_inbox_page_dispose;
  object_class->finalize = wb_inbox_page_finalize;

  properties[PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, urgency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, association_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, assignee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, case_page);
  gtk_widget_class_bind_template_child (widget_class, WbInboxPage, drafts);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_page_closed_cb);

  gtk_widget_class_install_action (widget_class, "inbox.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wb_inbox_page_init (WbInboxPage *self)
{
  g_autoptr(GtkSorter) default_sorter = NULL;
  GtkEventController *shortcuts;
  GtkEventController *keys;
  GtkMultiSorter *sorter;

  g_type_ensure (WB_TYPE_CASE_PAGE);
  g_type_ensure (WB_TYPE_INTAKE_DRAFTS);
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  self->rules = wb_inbox_filter_new ();
  self->cancellable = g_cancellable_new ();
  self->account_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->account_ids = g_ptr_array_new_with_free_func (g_free);
  self->area_codes = g_ptr_array_new_with_free_func (g_free);

  wb_inbox_columns_add (self->column_view, self->account_names);
  self->items = g_list_store_new (WB_TYPE_CASE_ITEM);
  /* A column the user sorts by first; the default order breaks ties and
   * is all there is until a column is chosen. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  default_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_default_cb, NULL, NULL));
  gtk_multi_sorter_append (sorter, g_object_ref (default_sorter));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              GTK_SORTER (sorter));
  /* At once: 100,000 cases sort in a fraction of a second, where an
   * incremental sort shows them unsorted for seconds. */
  gtk_sort_list_model_set_incremental (self->sort_model, FALSE);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);

  /* Typing in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("inbox.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  fill_dropdowns (self);
  restore_filters (self);
  apply_filters (self);
  update_list_page (self);
}

/* Public API */

void
wb_inbox_page_set_store (WbInboxPage *self,
                         WbStore     *store)
{
  g_return_if_fail (WB_IS_INBOX_PAGE (self));
  g_return_if_fail (WB_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  wb_case_page_set_store (self->case_page, store);
  wb_intake_drafts_set_store (self->drafts, store);
  g_signal_connect_object (store, "index-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::locked",
                           G_CALLBACK (store_locked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::n-accounts",
                           G_CALLBACK (list_accounts), self, G_CONNECT_SWAPPED);
  store_locked_cb (self);
}

guint
wb_inbox_page_get_n_open (WbInboxPage *self)
{
  g_return_val_if_fail (WB_IS_INBOX_PAGE (self), 0);
  return self->n_open;
}

guint
wb_inbox_page_get_n_overdue (WbInboxPage *self)
{
  g_return_val_if_fail (WB_IS_INBOX_PAGE (self), 0);
  return self->n_overdue;
}

GListModel *
wb_inbox_page_get_model (WbInboxPage *self)
{
  g_return_val_if_fail (WB_IS_INBOX_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

/* Whether sorting or filtering is still under way. */
gboolean
wb_inbox_page_is_busy (WbInboxPage *self)
{
  g_return_val_if_fail (WB_IS_INBOX_PAGE (self), FALSE);
  return gtk_sort_list_model_get_pending (self->sort_model) > 0 ||
         gtk_filter_list_model_get_pending (self->filter_model) > 0;
}

void
wb_inbox_page_open_case (WbInboxPage *self,
                         const char  *case_id)
{
  g_return_if_fail (WB_IS_INBOX_PAGE (self));
  g_return_if_fail (case_id != NULL);

  wb_case_page_load (self->case_page, case_id);
  gtk_stack_set_visible_child_name (self->page_stack, "case");
}

void
wb_inbox_page_show_list (WbInboxPage *self)
{
  g_return_if_fail (WB_IS_INBOX_PAGE (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "list") == 0)
    return;
  wb_case_page_clear (self->case_page);
  gtk_stack_set_visible_child_name (self->page_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

const char *
wb_inbox_page_get_open_case (WbInboxPage *self)
{
  g_return_val_if_fail (WB_IS_INBOX_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "case") != 0)
    return NULL;
  return wb_case_page_get_case_id (self->case_page);
}
