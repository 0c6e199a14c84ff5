/* wb-recovery-page.h: shows a new recovery key once, to print or write down.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WB_TYPE_RECOVERY_PAGE (wb_recovery_page_get_type ())

G_DECLARE_FINAL_TYPE (WbRecoveryPage, wb_recovery_page, WB, RECOVERY_PAGE, AdwBin)

void wb_recovery_page_set_key (WbRecoveryPage *self,
                               const char     *key);
void wb_recovery_page_clear   (WbRecoveryPage *self);

G_END_DECLS
