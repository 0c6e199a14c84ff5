/* wb-partner-editor.h: the detail and edit form of one partner of the directory.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-partner.h"
#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_PARTNER_EDITOR (wb_partner_editor_get_type ())

G_DECLARE_FINAL_TYPE (WbPartnerEditor, wb_partner_editor, WB, PARTNER_EDITOR, GtkBox)

GtkWidget *wb_partner_editor_new   (void);
void       wb_partner_editor_edit  (WbPartnerEditor *self,
                                    WbStore         *store,
                                    WbPartner       *partner);
void       wb_partner_editor_clear (WbPartnerEditor *self);
void       wb_partner_editor_focus (WbPartnerEditor *self);

G_END_DECLS
