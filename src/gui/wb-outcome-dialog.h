/* wb-outcome-dialog.h: asks what came of a follow-up, then marks it done.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

GtkWidget *wb_outcome_dialog_present (GtkWindow  *parent,
                                      WbStore    *store,
                                      const char *follow_up_id,
                                      const char *case_reference);

G_END_DECLS
