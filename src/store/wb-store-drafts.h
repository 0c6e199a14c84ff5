/* wb-store-drafts.h: half-done intakes in the vault, sealed like every record.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-intake-draft.h"
#include "wb-store.h"

G_BEGIN_DECLS

/* Sync helpers for the CLI and tests (on the vault's own thread). */
GPtrArray  *wb_vault_list_drafts        (WbVault             *vault,
                                         GError             **error);
gboolean    wb_vault_put_draft          (WbVault             *vault,
                                         WbIntakeDraft       *draft,
                                         GError             **error);

/* Every draft, opened on the worker, oldest first; damaged ones are left out. */
void        wb_store_list_drafts_async  (WbStore             *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *wb_store_list_drafts_finish (WbStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Writes the draft sealed, in the place of an earlier version of it. */
void        wb_store_put_draft_async    (WbStore             *self,
                                         WbIntakeDraft       *draft,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    wb_store_put_draft_finish   (WbStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Removes the draft; one that is already gone is no error. */
void        wb_store_delete_draft_async (WbStore             *self,
                                         const char          *draft_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    wb_store_delete_draft_finish (WbStore            *self,
                                          GAsyncResult       *result,
                                          GError            **error);

G_END_DECLS
