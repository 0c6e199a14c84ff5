/* wb-partners-page.h: the Partnernetwerk area: the regional directory of peers and experts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_PARTNERS_PAGE (wb_partners_page_get_type ())

G_DECLARE_FINAL_TYPE (WbPartnersPage, wb_partners_page, WB, PARTNERS_PAGE, AdwBin)

GtkWidget *wb_partners_page_new               (void);
void       wb_partners_page_set_store         (WbPartnersPage *self,
                                               WbStore        *store);
void       wb_partners_page_refresh           (WbPartnersPage *self);
void       wb_partners_page_set_region_filter (WbPartnersPage *self,
                                               const char     *area_code);
guint      wb_partners_page_get_n_partners    (WbPartnersPage *self);
guint      wb_partners_page_get_n_shown       (WbPartnersPage *self);

G_END_DECLS
