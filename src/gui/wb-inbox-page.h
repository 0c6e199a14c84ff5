/* wb-inbox-page.h: the case inbox (Meldingen): search, filters, sortable columns, and the case page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_INBOX_PAGE (wb_inbox_page_get_type ())

G_DECLARE_FINAL_TYPE (WbInboxPage, wb_inbox_page, WB, INBOX_PAGE, GtkWidget)

void        wb_inbox_page_set_store     (WbInboxPage *self,
                                         WbStore     *store);
guint       wb_inbox_page_get_n_open    (WbInboxPage *self);
guint       wb_inbox_page_get_n_overdue (WbInboxPage *self);
/* The cases shown, in the order shown (for tests). */
GListModel *wb_inbox_page_get_model     (WbInboxPage *self);
gboolean    wb_inbox_page_is_busy       (WbInboxPage *self);
void        wb_inbox_page_open_case     (WbInboxPage *self,
                                         const char  *case_id);
void        wb_inbox_page_show_list     (WbInboxPage *self);
/* The id of the case the page shows, or NULL on the list. */
const char *wb_inbox_page_get_open_case (WbInboxPage *self);

G_END_DECLS
