/* wb-store.h: the vault behind one database worker thread, for the GUI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-case-index.h"
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
gboolean    wb_store_get_initialized  (WbStore             *self);
guint       wb_store_get_n_accounts   (WbStore             *self);
/* A main-thread copy of the signed-in account, NULL while locked. */
const WbVaultAccount *wb_store_get_actor (WbStore          *self);

void        wb_store_open_async       (WbStore             *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_open_finish      (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
/* A NULL cost means the calibrated Argon2id cost (about one second). */
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
void        wb_store_delete_async     (WbStore             *self,
                                       const WbRecordId    *id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    wb_store_delete_finish    (WbStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/* The in-memory case index (wb-store-index.c): built on the worker after
 * unlocking, kept current after every put and delete, wiped on lock;
 * "index-changed" is emitted on the owner context after each of these. */
GPtrArray  *wb_store_dup_index_rows      (WbStore          *self);
WbCaseRow  *wb_store_lookup_index_row    (WbStore          *self,
                                          const char       *case_id);
guint       wb_store_get_index_n_damaged (WbStore          *self);


/* The follow-up schedule (wb-store-followups.c): due and state are
 * plaintext (microseconds since the epoch; the core WbFollowUpState), so
 * they are listed also while locked; plaintext is the sealed record, NULL
 * while locked or when it could not be read. */
typedef struct
{
  WbRecordId  id;
  gint64      due;
  int         state;
  GBytes     *plaintext;
} WbStoreDue;

void        wb_store_list_due_async      (WbStore             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *wb_store_list_due_finish     (WbStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Accounts (wb-store-accounts.c). New slots use the calibrated Argon2id cost. */
void        wb_store_list_accounts_async      (WbStore             *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray  *wb_store_list_accounts_finish     (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        wb_store_add_account_async        (WbStore             *self,
                                               const char          *name,
                                               const char          *display_name,
                                               WbVaultRole          role,
                                               const char          *passphrase,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    wb_store_add_account_finish       (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        wb_store_remove_account_async     (WbStore             *self,
                                               const char          *name,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    wb_store_remove_account_finish    (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        wb_store_change_passphrase_async  (WbStore             *self,
                                               const char          *new_passphrase,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    wb_store_change_passphrase_finish (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        wb_store_make_recovery_key_async  (WbStore             *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The printable key; the caller wipes it (sodium_memzero) before g_free. */
char       *wb_store_make_recovery_key_finish (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Sets another account's passphrase: as beheerder, or after a recovery unlock. */
void        wb_store_reset_passphrase_async   (WbStore             *self,
                                               const char          *name,
                                               const char          *new_passphrase,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    wb_store_reset_passphrase_finish  (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Unlocks with the recovery key, as an administrator without an account
 * (to reset a forgotten passphrase); the actor stays NULL. */
void        wb_store_unlock_recovery_async    (WbStore             *self,
                                               const char          *recovery_key,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    wb_store_unlock_recovery_finish   (WbStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
