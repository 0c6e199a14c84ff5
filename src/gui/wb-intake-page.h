/* wb-intake-page.h: the guided intake wizard for a new report (Nieuwe melding).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_INTAKE_PAGE (wb_intake_page_get_type ())

G_DECLARE_FINAL_TYPE (WbIntakePage, wb_intake_page, WB, INTAKE_PAGE, GtkBox)

GtkWidget  *wb_intake_page_new        (void);
void        wb_intake_page_set_store  (WbIntakePage *self,
                                       WbStore      *store);
void        wb_intake_page_reset      (WbIntakePage *self);
guint       wb_intake_page_get_step   (WbIntakePage *self);
gboolean    wb_intake_page_get_saving (WbIntakePage *self);
gboolean    wb_intake_page_save_draft (WbIntakePage *self);
void        wb_intake_page_resume_draft (WbIntakePage *self,
                                         const char   *draft_id);

G_END_DECLS
