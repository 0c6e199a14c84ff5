/* wb-store-retention.h: cases past their retention period, and purging a case for good.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-case-index.h"
#include "wb-retention.h"
#include "wb-store.h"

G_BEGIN_DECLS

/* Synchronous, for weerbaar-cli and the tests; @index may be NULL, then
 * it is built from the vault. @now NULL means now. */
GPtrArray  *wb_vault_list_retention        (WbVault             *vault,
                                            WbCaseIndex         *index,
                                            guint                default_months,
                                            GDateTime           *now,
                                            GError             **error);
gboolean    wb_vault_find_case             (WbVault             *vault,
                                            WbCaseIndex         *index,
                                            const char          *reference,
                                            WbRecordId          *out_case_id,
                                            GError             **error);
gboolean    wb_vault_purge_case            (WbVault             *vault,
                                            WbCaseIndex         *index,
                                            const WbRecordId    *case_id,
                                            char               **out_reference,
                                            GError             **error);

/* The closed cases past their retention period (WbRetentionItem), oldest
 * first, from the in-memory index and each case's consent record. */
void        wb_store_list_retention_async  (WbStore             *self,
                                            guint                default_months,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray  *wb_store_list_retention_finish (WbStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Purges each case (one transaction per case) and then truncates the WAL;
 * stops at the first failure. */
void        wb_store_purge_cases_async     (WbStore             *self,
                                            const char * const  *case_ids,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    wb_store_purge_cases_finish    (WbStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
