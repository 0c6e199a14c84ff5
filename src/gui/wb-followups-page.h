/* wb-followups-page.h: the Nazorg area: follow-ups grouped by when they are due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_FOLLOWUPS_PAGE (wb_followups_page_get_type ())

G_DECLARE_FINAL_TYPE (WbFollowupsPage, wb_followups_page, WB, FOLLOWUPS_PAGE, AdwBin)

GtkWidget *wb_followups_page_new       (void);
void       wb_followups_page_set_store (WbFollowupsPage *self,
                                        WbStore         *store);
void       wb_followups_page_refresh   (WbFollowupsPage *self);
guint      wb_followups_page_get_n_shown (WbFollowupsPage *self);

G_END_DECLS
