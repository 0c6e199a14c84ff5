/* wb-a11y.h: accessible names that GTK 4.8 gets wrong.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void wb_a11y_fix_mnemonic_names (GtkWidget *widget);

G_END_DECLS
