/* wb-inbox-columns.h: the columns of the inbox: cell text, badges, sort order, accessible row names.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wb-case-index.h"

G_BEGIN_DECLS

void  wb_inbox_columns_add          (GtkColumnView *view,
                                     GHashTable    *account_names);
char *wb_inbox_row_accessible_name  (WbCaseRow     *row);

G_END_DECLS
