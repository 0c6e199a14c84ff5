/* wb-intake-drafts.h: the inbox's list of half-done intakes (Concepten), to resume or delete.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_INTAKE_DRAFTS (wb_intake_drafts_get_type ())

G_DECLARE_FINAL_TYPE (WbIntakeDrafts, wb_intake_drafts, WB, INTAKE_DRAFTS, GtkBox)

void   wb_intake_drafts_set_store  (WbIntakeDrafts *self,
                                    WbStore        *store);
guint  wb_intake_drafts_get_n_drafts (WbIntakeDrafts *self);

G_END_DECLS
