/* test-partners-page.c: the Partnernetwerk page adds, finds, filters and deactivates partners.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wb-area-picker.h"
#include "wb-core.h"
#include "wb-partner-editor.h"
#include "wb-partners-page.h"
#include "wb-store-partners.h"
#include "wb-store-private.h"
#include "wb-test-async.h"
#include "wb-test-widgets.h"
#include "wb-test-store.h"

#define PASS "correct horse battery staple"

typedef struct
{
  char           *dir;
  WbStore        *store;
  GtkWindow      *window;
  WbPartnersPage *page;
} Fixture;

static void
put_partner (Fixture       *fixture,
             const char    *name,
             WbPartnerKind  kind,
             const char    *area)
{
  g_autoptr(WbPartner) p = wb_partner_new ();
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *areas[] = { area, NULL };

  wb_partner_set_name (p, name);
  wb_partner_set_organisation (p, "Stichting Fryslân-Test");
  wb_partner_set_kind (p, kind);
  wb_partner_set_areas (p, areas);
  wb_partner_set_email (p, "test@example.org");
  wb_partner_set_active (p, TRUE);
  wb_store_put_partner_async (fixture->store, p, NULL, wb_test_result_cb, &saved);
  wb_store_put_partner_finish (fixture->store, wb_test_wait_result (&saved), &error);
  g_assert_no_error (error);
}

/* Widgets */

/* The field a mnemonic label (e.g. "_Name") names. */
static GtkWidget *
field (Fixture    *fixture,
       const char *label_text)
{
  GtkWidget *label = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_label_with, label_text);

  g_assert_nonnull (label);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (label));
}

/* Error labels follow their field. */
static GtkLabel *
field_error (Fixture    *fixture,
             const char *label_text)
{
  GtkWidget *error = gtk_widget_get_next_sibling (field (fixture, label_text));

  g_assert_true (GTK_IS_LABEL (error));
  return GTK_LABEL (error);
}

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static WbAreaPicker *
editor_area_picker (Fixture *fixture)
{
  GtkWidget *editor = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_type,
                                   GSIZE_TO_POINTER (WB_TYPE_PARTNER_EDITOR));

  return WB_AREA_PICKER (wb_test_find_widget (editor, wb_test_is_type, GSIZE_TO_POINTER (WB_TYPE_AREA_PICKER)));
}

/* The one list box outside the area pickers and the editor. */
static gboolean
is_partner_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget)
         && gtk_widget_get_ancestor (widget, WB_TYPE_AREA_PICKER) == NULL
         && gtk_widget_get_ancestor (widget, WB_TYPE_PARTNER_EDITOR) == NULL;
}

static GtkListBox *
partner_list (Fixture *fixture)
{
  GtkWidget *list = wb_test_find_widget (GTK_WIDGET (fixture->page), is_partner_list, NULL);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static GtkListBoxRow *
row_named (Fixture    *fixture,
           const char *name)
{
  GtkListBox *list = partner_list (fixture);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      WbPartner *p = g_object_get_data (G_OBJECT (row), "wb-partner");

      if (p != NULL && g_strcmp0 (wb_partner_get_name (p), name) == 0)
        return row;
    }
  return NULL;
}

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_type,
                                            GSIZE_TO_POINTER (GTK_TYPE_STACK)));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
is_content_stack (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "none-found") != NULL;
}

static GtkStack *
content_stack (Fixture *fixture)
{
  GtkWidget *stack = wb_test_find_widget (GTK_WIDGET (fixture->page), is_content_stack, NULL);

  g_assert_nonnull (stack);
  return GTK_STACK (stack);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("weerbaar-partners-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "weerbaar.db", NULL);
  fixture->store = wb_test_store_new (path, "tester", "Test Bakker-6", PASS);

  fixture->page = WB_PARTNERS_PAGE (wb_partners_page_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wb_partners_page_set_store (fixture->page, fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  if (fixture->dir != NULL)
    wb_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_add_partner (Fixture       *fixture,
                  gconstpointer  data)
{
  WbAreaPicker *picker;
  GtkListBoxRow *row;
  WbPartner *saved;

  g_assert_cmpstr (visible_page (fixture), ==, "list");
  g_assert_cmpuint (wb_partners_page_get_n_partners (fixture->page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack (fixture)), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "partners.add", NULL));
  g_assert_cmpstr (visible_page (fixture), ==, "edit");

  /* Saving an empty form shows the issues beside their fields and writes nothing. */
  g_assert_true (gtk_widget_activate_action (field (fixture, "_Name"), "editor.save", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (field_error (fixture, "_Name"))));
  g_assert_cmpstr (gtk_label_get_text (field_error (fixture, "_Name")), ==, "Enter a name.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (field_error (fixture, "_Phone"))));
  g_assert_cmpstr (visible_page (fixture), ==, "edit");

  /* Errors follow the typing once the user tried to save. */
  type_into (field (fixture, "_Name"), "Test Visser-61");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (field_error (fixture, "_Name"))));
  type_into (field (fixture, "_Phone"), "12");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (field_error (fixture, "_Phone"))));
  type_into (field (fixture, "_Phone"), "06 12345678");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (field_error (fixture, "_Phone"))));

  /* An area is found by its name, accents optional; Enter takes the first. */
  picker = editor_area_picker (fixture);
  type_into (GTK_WIDGET (wb_area_picker_get_entry (picker)), "fryslan");
  g_signal_emit_by_name (wb_area_picker_get_entry (picker), "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wb_area_picker_get_entry (picker))), ==, "");
  type_into (field (fixture, "_Organisation (optional)"), "Stichting Test-61");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field (fixture, "_Kind")), WB_PARTNER_KIND_LEGAL);

  g_assert_true (gtk_widget_activate_action (field (fixture, "_Name"), "editor.verified-today", NULL));
  g_assert_true (gtk_widget_activate_action (field (fixture, "_Name"), "editor.save", NULL));
  WAIT_UNTIL (wb_partners_page_get_n_partners (fixture->page) == 1, 10000);
  g_assert_cmpstr (visible_page (fixture), ==, "list");

  row = row_named (fixture, "Test Visser-61");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack (fixture)), ==, "list");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  saved = g_object_get_data (G_OBJECT (row), "wb-partner");
  g_assert_cmpstr (wb_partner_get_organisation (saved), ==, "Stichting Test-61");
  g_assert_cmpint (wb_partner_get_kind (saved), ==, WB_PARTNER_KIND_LEGAL);
  g_assert_cmpstr (wb_partner_get_areas (saved)[0], ==, "PV21");
  g_assert_null (wb_partner_get_areas (saved)[1]);
  g_assert_true (wb_partner_get_active (saved));
  g_assert_nonnull (wb_partner_get_verified_at (saved));
  /* Verified today: not marked as unverified. */
  g_assert_null (wb_test_find_widget (GTK_WIDGET (row), wb_test_is_label_with, "Not verified in the last 12 months"));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *search;

  put_partner (fixture, "Test Dijkstra-71", WB_PARTNER_KIND_LEGAL, "PV21");        /* Fryslân */
  put_partner (fixture, "Test Meijer-72", WB_PARTNER_KIND_AFTERCARE, "GM0363");    /* Amsterdam */
  put_partner (fixture, "Test Smit-73", WB_PARTNER_KIND_LEGAL, "NL");
  put_partner (fixture, "Test Mulder-74", WB_PARTNER_KIND_POLICE, "GM0080");       /* Leeuwarden */
  WAIT_UNTIL (wb_partners_page_get_n_partners (fixture->page) == 4, 10000);
  g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 4);
  /* Never verified: marked. */
  g_assert_nonnull (wb_test_find_widget (GTK_WIDGET (row_named (fixture, "Test Meijer-72")), wb_test_is_label_with,
                                 "Not verified in the last 12 months"));

  /* A province shows its own partners, those of its municipalities and national ones. */
  wb_partners_page_set_region_filter (fixture->page, "PV21");
  g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_named (fixture, "Test Meijer-72"))));
  /* A municipality shows those serving it, its province included. */
  wb_partners_page_set_region_filter (fixture->page, "GM0363");
  g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 2);
  wb_partners_page_set_region_filter (fixture->page, "VR02");
  g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 3);
  wb_partners_page_set_region_filter (fixture->page, NULL);
  g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 4);

  /* The region entry of the list chooses by name too. */
  {
    WbAreaPicker *picker = WB_AREA_PICKER (wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_type,
                                                        GSIZE_TO_POINTER (WB_TYPE_AREA_PICKER)));

    type_into (GTK_WIDGET (wb_area_picker_get_entry (picker)), "Amsterdam");
    g_signal_emit_by_name (wb_area_picker_get_entry (picker), "activate");
    g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "partners.clear-region", NULL));
    g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 4);
  }

  /* Search: accent-insensitive, in names and in the areas' names. */
  search = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  type_into (search, "leeuwarden");
  WAIT_UNTIL (wb_partners_page_get_n_shown (fixture->page) == 1, 5000);
  type_into (search, "FRYSLAN dijkstra");
  WAIT_UNTIL (wb_partners_page_get_n_shown (fixture->page) == 1, 5000);
  type_into (search, "nobody-at-all");
  WAIT_UNTIL (wb_partners_page_get_n_shown (fixture->page) == 0, 5000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack (fixture)), ==, "none-found");
  type_into (search, "");
  WAIT_UNTIL (wb_partners_page_get_n_shown (fixture->page) == 4, 5000);

  /* Kind: position 0 is every kind, then the kinds in enum order. */
  {
    GtkDropDown *kinds = GTK_DROP_DOWN (wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_type,
                                                     GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));

    gtk_drop_down_set_selected (kinds, 1 + WB_PARTNER_KIND_LEGAL);
    g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 2);
    gtk_drop_down_set_selected (kinds, 0);
    g_assert_cmpuint (wb_partners_page_get_n_shown (fixture->page), ==, 4);
  }
}

static void
test_deactivate (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  GtkWidget *active;

  put_partner (fixture, "Test Bos-81", WB_PARTNER_KIND_AFTERCARE, "VR13");
  WAIT_UNTIL (wb_partners_page_get_n_partners (fixture->page) == 1, 10000);
  row = row_named (fixture, "Test Bos-81");
  g_assert_null (wb_test_find_widget (GTK_WIDGET (row), wb_test_is_label_with, "Inactive"));

  g_signal_emit_by_name (partner_list (fixture), "row-activated", row);
  g_assert_cmpstr (visible_page (fixture), ==, "edit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "Test Bos-81");
  active = wb_test_find_widget (GTK_WIDGET (fixture->page), wb_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (active)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (active), FALSE);
  g_assert_true (gtk_widget_activate_action (active, "editor.save", NULL));

  /* The list is read again: the row is marked and still there (no delete). */
  WAIT_UNTIL ((row = row_named (fixture, "Test Bos-81")) != NULL
              && !wb_partner_get_active (g_object_get_data (G_OBJECT (row), "wb-partner")), 10000);
  g_assert_nonnull (wb_test_find_widget (GTK_WIDGET (row), wb_test_is_label_with, "Inactive"));
  g_assert_cmpuint (wb_partners_page_get_n_partners (fixture->page), ==, 1);

  wb_store_list_partners_async (fixture->store, NULL, wb_test_result_cb, &res);
  stored = wb_store_list_partners_finish (fixture->store, wb_test_wait_result (&res), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_false (wb_partner_get_active (g_ptr_array_index (stored, 0)));
}

static void
test_lock_forgets (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) locked = NULL;

  put_partner (fixture, "Test Vos-91", WB_PARTNER_KIND_OTHER, "NL");
  WAIT_UNTIL (wb_partners_page_get_n_partners (fixture->page) == 1, 10000);
  g_signal_emit_by_name (partner_list (fixture), "row-activated", row_named (fixture, "Test Vos-91"));
  g_assert_cmpstr (visible_page (fixture), ==, "edit");

  wb_store_lock_async (fixture->store, NULL, wb_test_result_cb, &locked);
  g_assert_true (wb_store_lock_finish (fixture->store, wb_test_wait_result (&locked), NULL));
  WAIT_UNTIL (wb_store_get_locked (fixture->store), 5000);
  g_assert_cmpuint (wb_partners_page_get_n_partners (fixture->page), ==, 0);
  g_assert_null (row_named (fixture, "Test Vos-91"));
  g_assert_cmpstr (visible_page (fixture), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "_Name"))), ==, "");
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_true (wb_store_crypto_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/partners-page/add-partner-appears", test_add_partner);
  ADD ("/gui/partners-page/region-search-and-kind-filters-narrow", test_filters);
  ADD ("/gui/partners-page/deactivate-marks-and-keeps", test_deactivate);
  ADD ("/gui/partners-page/lock-forgets-partners", test_lock_forgets);

#undef ADD

  return g_test_run ();
}
