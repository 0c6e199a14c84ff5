/* wb-accounts-page.h: Voorkeuren → Accounts: one's own passphrase, and all accounts for a beheerder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_ACCOUNTS_PAGE (wb_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (WbAccountsPage, wb_accounts_page, WB, ACCOUNTS_PAGE, AdwPreferencesPage)

GtkWidget *wb_accounts_page_new (WbStore *store);

G_END_DECLS
