/* wb-store.h: the vault behind one database worker thread, for the GUI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-vault.h"

G_BEGIN_DECLS

typedef struct
{
  char       *kind;
  WbRecordId  id;
  GBytes     *plaintext;
} WbStoreRecord;

WbStoreRecord *wb_store_record_new  (const char       *kind,
                                     const WbRecordId *id,
                                     GBytes           *plaintext);
void           wb_store_record_free (WbStoreRecord    *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbStoreRecord, wb_store_record_free)

#define WB_TYPE_STORE (wb_store_get_type ())
G_DECLARE_FINAL_TYPE (WbStore, wb_store, WB, STORE, GObject)

WbStore    *wb_store_new              (const char          *path);
const char *wb_store_get_path         (WbStore             *self);
gboolean    wb_store_get_locked       (WbStore             *self);

void        wb_store_open_async       (WbStore             *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_open_finish      (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_create_async     (WbStore             *self,
                                       const char          *name,
                                       const char          *display_name,
                                       const char          *passphrase,
                                       const WbKdfCost     *cost,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_create_finish    (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_unlock_async     (WbStore             *self,
                                       const char          *name,
                                       const char          *passphrase,
                                       gboolean             allow_test_cost,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_unlock_finish    (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_lock_async       (WbStore             *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_lock_finish      (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_put_async        (WbStore             *self,
                                       const char          *kind,
                                       const WbRecordId    *id,
                                       GBytes              *plaintext,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_put_finish       (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_put_many_async   (WbStore             *self,
                                       GPtrArray           *records,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_put_many_finish  (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_get_async        (WbStore             *self,
                                       const WbRecordId    *id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GBytes     *wb_store_get_finish       (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        wb_store_list_kind_async  (WbStore             *self,
                                       const char          *kind,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GArray     *wb_store_list_kind_finish (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
