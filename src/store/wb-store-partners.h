/* wb-store-partners.h: the partner directory in the vault, as WbPartner objects.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-partner.h"
#include "wb-store.h"

G_BEGIN_DECLS

#define WB_KIND_PARTNER "partner"

/* Sync helpers for the CLI and tests (on the vault's own thread). */
GPtrArray  *wb_vault_list_partners        (WbVault             *vault,
                                           guint               *out_n_damaged,
                                           GError             **error);
gboolean    wb_vault_put_partner          (WbVault             *vault,
                                           WbPartner           *partner,
                                           GError             **error);

/* Every partner record, opened on the worker; damaged ones are left out. */
void        wb_store_list_partners_async  (WbStore             *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray  *wb_store_list_partners_finish (WbStore             *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* Checks the partner (wb_partner_check) and writes it sealed. */
void        wb_store_put_partner_async    (WbStore             *self,
                                           WbPartner           *partner,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    wb_store_put_partner_finish   (WbStore             *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
