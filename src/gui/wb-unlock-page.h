/* wb-unlock-page.h: the page that asks for an account and its passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WB_TYPE_UNLOCK_PAGE (wb_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (WbUnlockPage, wb_unlock_page, WB, UNLOCK_PAGE, AdwBin)

void     wb_unlock_page_set_busy         (WbUnlockPage *self,
                                          gboolean      busy);
gboolean wb_unlock_page_get_busy         (WbUnlockPage *self);
void     wb_unlock_page_set_error        (WbUnlockPage *self,
                                          const char   *message);
void     wb_unlock_page_set_ask_account  (WbUnlockPage *self,
                                          gboolean      ask_account);
void     wb_unlock_page_reset            (WbUnlockPage *self);

G_END_DECLS
