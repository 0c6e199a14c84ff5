/* wb-partners-page.c: the Partnernetwerk area: the regional directory of peers and experts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partners are read from the vault while it is unlocked and dropped on
 * lock. The list is a boxed GtkListBox whose rows the search and filters
 * hide: the directory holds hundreds of partners, not thousands. A region filter
 * shows the partners whose areas overlap the region (national ones too),
 * the way the matching for a case looks at them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-a11y.h"
#include "wb-application.h"
#include "wb-area-picker.h"
#include "wb-core.h"
#include "wb-partner-editor.h"
#include "wb-partners-page.h"
#include "wb-store-partners.h"

struct _WbPartnersPage
{
  AdwBin           parent_instance;

  WbStore         *store;
  GPtrArray       *partners;        /* WbPartner, sorted by name */
  guint            generation;
  char            *region_code;
  GHashTable      *region_municipalities;
  guint            n_shown;

  GtkStack        *stack;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *kind_filter;
  GtkDropDown     *active_filter;
  WbAreaPicker    *region_picker;
  GtkBox          *region_box;
  GtkLabel        *region_label;
  GtkButton       *region_clear_button;
  GtkStack        *content_stack;
  GtkListBox      *partner_list;
  WbPartnerEditor *editor;
};

G_DEFINE_FINAL_TYPE (WbPartnersPage, wb_partners_page, ADW_TYPE_BIN)

enum
{
  ACTIVE_FILTER_ALL,
  ACTIVE_FILTER_ACTIVE,
  ACTIVE_FILTER_INACTIVE,
};

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  WbPartner *x = *(WbPartner * const *) a;
  WbPartner *y = *(WbPartner * const *) b;
  int c = g_utf8_collate (wb_partner_get_name (x), wb_partner_get_name (y));

  return c ? c : g_strcmp0 (wb_partner_get_id (x), wb_partner_get_id (y));
}

static gboolean
is_stale (WbPartner *partner,
          GDateTime *now)
{
  GDateTime *verified = wb_partner_get_verified_at (partner);
  g_autoptr(GDateTime) limit = g_date_time_add_months (now, -WB_PARTNER_STALE_MONTHS);

  return verified == NULL || g_date_time_compare (verified, limit) < 0;
}

static char *
areas_text (WbPartner *partner)
{
  const char * const *areas = wb_partner_get_areas (partner);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      const WbArea *area = wb_regions_lookup (areas[i]);
      g_autofree char *label = area ? wb_area_get_label (area) : g_strdup (areas[i]);

      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, label);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Everything the search looks in, folded: names, kind and the names of
 * the areas served with the province and safety region of each. */
static char *
search_text (WbPartner *partner)
{
  const char * const *areas = wb_partner_get_areas (partner);
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%s\n%s\n%s\n", wb_partner_get_name (partner),
                          wb_partner_get_organisation (partner) ? wb_partner_get_organisation (partner) : "",
                          wb_partner_kind_to_label (wb_partner_get_kind (partner)));
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      const WbArea *area = wb_regions_lookup (areas[i]);

      if (area == NULL)
        continue;
      g_string_append_printf (s, "%s\n", wb_area_get_name (area));
      if (wb_area_get_kind (area) == WB_AREA_KIND_MUNICIPALITY)
        g_string_append_printf (s, "%s\n%s\n",
                                wb_regions_get_area_name (wb_area_get_province_code (area)),
                                wb_regions_get_area_name (wb_area_get_safety_region_code (area)));
    }
  return wb_fold_for_search (s->str);
}

static gboolean
search_matches (const char *haystack,
                const char *query)
{
  g_autofree char *folded = wb_fold_for_search (query);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !wb_fold_matches (haystack, words[i]))
      return FALSE;
  return TRUE;
}

static gboolean
serves_region (WbPartnersPage *self,
               WbPartner      *partner)
{
  const char * const *areas = wb_partner_get_areas (partner);

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) municipalities = NULL;

      if (g_str_equal (areas[i], self->region_code))
        return TRUE;
      municipalities = wb_regions_list_municipalities_in (areas[i]);
      for (guint j = 0; municipalities != NULL && j < municipalities->len; j++)
        if (g_hash_table_contains (self->region_municipalities,
                                   wb_area_get_code (g_ptr_array_index (municipalities, j))))
          return TRUE;
    }
  return FALSE;
}

static gboolean
partner_visible (WbPartnersPage *self,
                 WbPartner      *partner,
                 const char     *haystack)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint active = gtk_drop_down_get_selected (self->active_filter);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (kind != GTK_INVALID_LIST_POSITION && kind > 0
      && wb_partner_get_kind (partner) != (WbPartnerKind) (kind - 1))
    return FALSE;
  if (active == ACTIVE_FILTER_ACTIVE && !wb_partner_get_active (partner))
    return FALSE;
  if (active == ACTIVE_FILTER_INACTIVE && wb_partner_get_active (partner))
    return FALSE;
  if (self->region_code != NULL && !serves_region (self, partner))
    return FALSE;
  return search_matches (haystack, query);
}

static gboolean
row_matches (WbPartnersPage *self,
             GtkWidget      *row)
{
  return partner_visible (self, g_object_get_data (G_OBJECT (row), "wb-partner"),
                          g_object_get_data (G_OBJECT (row), "wb-search"));
}

static void
update_content (WbPartnersPage *self)
{
  guint n = 0;

  /* Rows are hidden rather than filtered, so that screen readers do not
   * find the rows the filters leave out either. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gboolean visible = row_matches (self, row);

      gtk_widget_set_visible (row, visible);
      n += visible;
    }
  self->n_shown = n;

  if (self->partners == NULL || self->partners->len == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (n == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "none-found");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");
}

static GtkWidget *
make_row (WbPartner *partner,
          GDateTime *now)
{
  GtkWidget *row = adw_action_row_new ();
  const char *organisation = wb_partner_get_organisation (partner);
  const char *kind = wb_partner_kind_to_label (wb_partner_get_kind (partner));
  g_autofree char *areas = areas_text (partner);
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) name = g_string_new (wb_partner_get_name (partner));
  gboolean has_organisation = organisation != NULL && *organisation != '\0';

  subtitle = g_strdup_printf ("%s%s%s · %s", has_organisation ? organisation : "",
                              has_organisation ? " · " : "", kind, areas);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wb_partner_get_name (partner));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* A screen reader hears the row as one sentence: name, organisation,
   * kind, regions, and whether it is inactive or unverified. */
  if (has_organisation)
    g_string_append_printf (name, ", %s", organisation);
  g_string_append_printf (name, ", %s, %s", kind, areas);
  if (!wb_partner_get_active (partner))
    {
      GtkWidget *label = gtk_label_new (_("Inactive"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_string_append_printf (name, ", %s", _("Inactive"));
    }
  if (is_stale (partner, now))
    {
      GtkWidget *label = gtk_label_new (_("Not verified in the last 12 months"));

      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_string_append_printf (name, ", %s", _("Not verified in the last 12 months"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_object_set_data_full (G_OBJECT (row), "wb-partner", g_object_ref (partner), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "wb-search", search_text (partner), g_free);
  return row;
}

static void
rebuild (WbPartnersPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list))) != NULL)
    gtk_list_box_remove (self->partner_list, child);
  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    gtk_list_box_append (self->partner_list, make_row (g_ptr_array_index (self->partners, i), now));
  update_content (self);
}

/* Callbacks */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) token = user_data;
  WbPartnersPage *self = g_task_get_source_object (token);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;

  partners = wb_store_list_partners_finish (WB_STORE (object), result, &error);
  if (GPOINTER_TO_UINT (g_task_get_task_data (token)) != self->generation
      || self->store == NULL || wb_store_get_locked (self->store))
    return;
  if (partners == NULL)
    {
      g_warning ("Could not list the partners: %s", error->message);
      return;
    }
  g_ptr_array_sort (partners, compare_partners);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  self->partners = g_steal_pointer (&partners);
  rebuild (self);
}

static void
store_changed_cb (WbPartnersPage *self,
                  const char     *kind)
{
  if (g_strcmp0 (kind, WB_KIND_PARTNER) == 0)
    wb_partners_page_refresh (self);
}

/* Locking forgets every partner and whatever the form held. */
static void
store_locked_cb (WbPartnersPage *self)
{
  if (!wb_store_get_locked (self->store))
    {
      wb_partners_page_refresh (self);
      return;
    }
  self->generation++;
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  wb_partner_editor_clear (self->editor);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  wb_area_picker_clear (self->region_picker);
  wb_partners_page_set_region_filter (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
  rebuild (self);
}

static void
filter_changed_cb (WbPartnersPage *self)
{
  update_content (self);
}

static void
region_chosen_cb (WbPartnersPage *self,
                  const char     *code)
{
  wb_partners_page_set_region_filter (self, code);
  /* The entry hides once a region is chosen: keep the keyboard nearby. */
  gtk_widget_grab_focus (GTK_WIDGET (self->region_clear_button));
}

static void
row_activated_cb (WbPartnersPage *self,
                  GtkListBoxRow  *row)
{
  WbPartner *partner = g_object_get_data (G_OBJECT (row), "wb-partner");

  if (partner == NULL || self->store == NULL)
    return;
  wb_partner_editor_edit (self->editor, self->store, partner);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  wb_partner_editor_focus (self->editor);
}

static void
editor_saved_cb (WbPartnersPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  wb_partners_page_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
editor_cancelled_cb (WbPartnersPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  WbPartnersPage *self = WB_PARTNERS_PAGE (widget);

  if (self->store == NULL || wb_store_get_locked (self->store))
    return;
  wb_partner_editor_edit (self->editor, self->store, NULL);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  wb_partner_editor_focus (self->editor);
}

static void
clear_region_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WbPartnersPage *self = WB_PARTNERS_PAGE (widget);

  wb_partners_page_set_region_filter (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (wb_area_picker_get_entry (self->region_picker)));
}

/* GObject */

static void
find_store (WbPartnersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (self->store == NULL && WB_IS_APPLICATION (app))
    wb_partners_page_set_store (self, wb_application_get_store (WB_APPLICATION (app)));
}

static void
wb_partners_page_root (GtkWidget *widget)
{
  WbPartnersPage *self = WB_PARTNERS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (wb_partners_page_parent_class)->root (widget);

  /* In the main window the page finds the application's store itself. The
   * window's template is built before its application is set, so the page
   * may have to wait for it. */
  root = gtk_widget_get_root (widget);
  if (self->store == NULL && GTK_IS_WINDOW (root))
    {
      if (gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        find_store (self);
      else
        g_signal_connect_object (root, "notify::application", G_CALLBACK (find_store), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
wb_partners_page_dispose (GObject *object)
{
  WbPartnersPage *self = WB_PARTNERS_PAGE (object);

  self->generation++;
  g_clear_object (&self->store);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  /* AdwBin unparents its child (the bound stack) itself. */

  G_OBJECT_CLASS (wb_partners_page_parent_class)->dispose (object);
}

static void
wb_partners_page_finalize (GObject *object)
{
  WbPartnersPage *self = WB_PARTNERS_PAGE (object);

  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->region_municipalities, g_hash_table_unref);

  G_OBJECT_CLASS (wb_partners_page_parent_class)->finalize (object);
}

static void
wb_partners_page_class_init (WbPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_partners_page_dispose;
  object_class->finalize = wb_partners_page_finalize;
  widget_class->root = wb_partners_page_root;

  g_type_ensure (WB_TYPE_AREA_PICKER);
  g_type_ensure (WB_TYPE_PARTNER_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, active_filter);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, region_picker);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, region_box);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, region_clear_button);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, partner_list);
  gtk_widget_class_bind_template_child (widget_class, WbPartnersPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "partners.clear-region", NULL,
                                   clear_region_action);
}

static void
wb_partners_page_init (WbPartnersPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_PARTNER_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (kinds, wb_partner_kind_to_label (klass->values[i].value));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));

  wb_area_picker_set_entry_name (self->region_picker, _("Region: municipality, province or safety region"));
  rebuild (self);
}

GtkWidget *
wb_partners_page_new (void)
{
  return g_object_new (WB_TYPE_PARTNERS_PAGE, NULL);
}

void
wb_partners_page_set_store (WbPartnersPage *self,
                            WbStore        *store)
{
  g_return_if_fail (WB_IS_PARTNERS_PAGE (self));
  g_return_if_fail (WB_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::locked",
                           G_CALLBACK (store_locked_cb), self, G_CONNECT_SWAPPED);
  wb_partners_page_refresh (self);
}

/**
 * wb_partners_page_refresh:
 *
 * Reads the partners again; the page does so itself after every change.
 */
void
wb_partners_page_refresh (WbPartnersPage *self)
{
  GTask *token;

  g_return_if_fail (WB_IS_PARTNERS_PAGE (self));

  if (self->store == NULL || wb_store_get_locked (self->store))
    return;
  token = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (token, GUINT_TO_POINTER (++self->generation), NULL);
  wb_store_list_partners_async (self->store, NULL, listed_cb, token);
}

/**
 * wb_partners_page_set_region_filter:
 * @area_code: (nullable): a municipality, province or safety region code,
 *   or %NULL for every region
 *
 * Shows only the partners that serve (part of) the area.
 */
void
wb_partners_page_set_region_filter (WbPartnersPage *self,
                                    const char     *area_code)
{
  const WbArea *area;

  g_return_if_fail (WB_IS_PARTNERS_PAGE (self));

  area = area_code ? wb_regions_lookup (area_code) : NULL;
  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->region_municipalities, g_hash_table_unref);
  if (area != NULL)
    {
      g_autoptr(GPtrArray) municipalities = wb_regions_list_municipalities_in (area_code);
      g_autofree char *label = wb_area_get_label (area);
      g_autofree char *text = NULL;

      self->region_code = g_strdup (wb_area_get_code (area));
      self->region_municipalities = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; municipalities != NULL && i < municipalities->len; i++)
        g_hash_table_add (self->region_municipalities,
                          (gpointer) wb_area_get_code (g_ptr_array_index (municipalities, i)));
      /* Translators: %s is an area, e.g. Province of Fryslân */
      text = g_strdup_printf (_("Partners serving %s"), label);
      gtk_label_set_text (self->region_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->region_box), area != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->region_picker), area == NULL);
  update_content (self);
}

guint
wb_partners_page_get_n_partners (WbPartnersPage *self)
{
  g_return_val_if_fail (WB_IS_PARTNERS_PAGE (self), 0);

  return self->partners ? self->partners->len : 0;
}

/* How many partners the search and filters leave. */
guint
wb_partners_page_get_n_shown (WbPartnersPage *self)
{
  g_return_val_if_fail (WB_IS_PARTNERS_PAGE (self), 0);

  return self->n_shown;
}
