/* wb-area-picker.c: an entry that finds a municipality, province or safety region by name.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matches are shown as a short list right below the entry rather than
 * in a popover, so keyboard and screen reader users reach them with Tab
 * like any other control. Choosing one emits "area-chosen" with its code.
 */
#include "config.h"

#include "wb-area-picker.h"
#include "wb-core.h"

#define MAX_RESULTS 8

struct _WbAreaPicker
{
  GtkBox      parent_instance;

  GtkEntry   *entry;
  GtkListBox *results;
};

G_DEFINE_FINAL_TYPE (WbAreaPicker, wb_area_picker, GTK_TYPE_BOX)

enum
{
  AREA_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (WbAreaPicker *self,
        const char   *code)
{
  g_autofree char *copy = g_strdup (code);

  wb_area_picker_clear (self);
  g_signal_emit (self, signals[AREA_CHOSEN], 0, copy);
}

/* Callbacks */

static void
text_changed_cb (WbAreaPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) hits = wb_regions_search (text);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  for (guint i = 0; i < hits->len && i < MAX_RESULTS; i++)
    {
      const WbArea *area = g_ptr_array_index (hits, i);
      g_autofree char *label = wb_area_get_label (area);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *text_label = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (text_label, 8);
      gtk_widget_set_margin_bottom (text_label, 8);
      gtk_widget_set_margin_start (text_label, 12);
      gtk_widget_set_margin_end (text_label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (row), "wb-area-code",
                              g_strdup (wb_area_get_code (area)), g_free);
      gtk_list_box_append (self->results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results), hits->len > 0);
}

static void
entry_activated_cb (WbAreaPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    choose (self, g_object_get_data (G_OBJECT (first), "wb-area-code"));
}

static void
row_activated_cb (WbAreaPicker  *self,
                  GtkListBoxRow *row)
{
  choose (self, g_object_get_data (G_OBJECT (row), "wb-area-code"));
}

/* GObject */

static void
wb_area_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WB_TYPE_AREA_PICKER);

  G_OBJECT_CLASS (wb_area_picker_parent_class)->dispose (object);
}

static void
wb_area_picker_class_init (WbAreaPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_area_picker_dispose;

  /**
   * WbAreaPicker::area-chosen:
   * @code: the area code, e.g. `PV21`
   */
  signals[AREA_CHOSEN] =
    g_signal_new ("area-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-area-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, WbAreaPicker, entry);
  gtk_widget_class_bind_template_child (widget_class, WbAreaPicker, results);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
wb_area_picker_init (WbAreaPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wb_area_picker_new (void)
{
  return g_object_new (WB_TYPE_AREA_PICKER, NULL);
}

/* The entry has no visible label of its own: the caller names it. */
void
wb_area_picker_set_entry_name (WbAreaPicker *self,
                               const char   *name)
{
  g_return_if_fail (WB_IS_AREA_PICKER (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_entry_set_placeholder_text (self->entry, name);
}

GtkEntry *
wb_area_picker_get_entry (WbAreaPicker *self)
{
  g_return_val_if_fail (WB_IS_AREA_PICKER (self), NULL);

  return self->entry;
}

void
wb_area_picker_clear (WbAreaPicker *self)
{
  g_return_if_fail (WB_IS_AREA_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}
