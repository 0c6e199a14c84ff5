/* wb-test-widgets.h: finding widgets in a built widget tree, for the gui tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*WbTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget, depth first from @root itself, that @match accepts. */
GtkWidget *wb_test_find_widget           (GtkWidget         *root,
                                          WbTestWidgetMatch  match,
                                          gconstpointer      data);
/* The first widget of @type below or at @root. */
GtkWidget *wb_test_find_widget_of_type   (GtkWidget         *root,
                                          GType              type);

/* Matchers: @data is the exact text, or a GType as GSIZE_TO_POINTER. */
gboolean   wb_test_is_type               (GtkWidget         *widget,
                                          gconstpointer      type);
gboolean   wb_test_is_label_with         (GtkWidget         *widget,
                                          gconstpointer      text);
gboolean   wb_test_is_check_with         (GtkWidget         *widget,
                                          gconstpointer      text);
/* A button that is not a check button. */
gboolean   wb_test_is_button_with        (GtkWidget         *widget,
                                          gconstpointer      text);

G_END_DECLS
