/* wb-recover-page.h: a lost passphrase: the recovery key sets a new one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WB_TYPE_RECOVER_PAGE (wb_recover_page_get_type ())

G_DECLARE_FINAL_TYPE (WbRecoverPage, wb_recover_page, WB, RECOVER_PAGE, AdwBin)

void wb_recover_page_set_busy  (WbRecoverPage *self,
                                gboolean       busy);
void wb_recover_page_set_error (WbRecoverPage *self,
                                const char    *message);
void wb_recover_page_reset     (WbRecoverPage *self);
void wb_recover_page_focus     (WbRecoverPage *self);

G_END_DECLS
