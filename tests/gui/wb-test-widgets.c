/* wb-test-widgets.c: finding widgets in a built widget tree, for the gui tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-test-widgets.h"

GtkWidget *
wb_test_find_widget (GtkWidget         *root,
                     WbTestWidgetMatch  match,
                     gconstpointer      data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = wb_test_find_widget (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
wb_test_find_widget_of_type (GtkWidget *root,
                             GType      type)
{
  return wb_test_find_widget (root, wb_test_is_type, GSIZE_TO_POINTER (type));
}

gboolean
wb_test_is_type (GtkWidget     *widget,
                 gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
wb_test_is_label_with (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
wb_test_is_check_with (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), text) == 0;
}

gboolean
wb_test_is_button_with (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}
