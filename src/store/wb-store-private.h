/* wb-store-private.h: shared by the wb-store*.c files; tests may use the testing hook.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-store.h"

G_BEGIN_DECLS

typedef struct _WbStoreJob WbStoreJob;
typedef void (*WbStoreJobFunc) (WbStore *self, WbStoreJob *job);

struct _WbStoreJob
{
  WbStoreJobFunc  func;
  GTask          *task;
  char           *s1;
  char           *s2;
  char           *secret;         /* sodium_malloc */
  WbRecordId      id;
  GBytes         *bytes;
  GPtrArray      *records;
  WbKdfCost       cost;
  gboolean        has_cost;
  gboolean        flag;
  int             role;
};

struct _WbStore
{
  GObject         parent_instance;
  char           *path;
  GMainContext   *owner_context;
  GAsyncQueue    *queue;
  GThread        *thread;

  /* Worker thread only. */
  WbVault        *vault;
  WbCaseIndex    *index;

  /* Owner context only. */
  gboolean        locked;
  gboolean        initialized;
  guint           n_accounts;
  WbVaultAccount *actor;
  GHashTable     *rows;           /* case id → WbCaseRow, shared with the worker */
  guint           index_n_damaged;
  WbKdfCost       test_cost;
  gboolean        has_test_cost;
};

#define WB_STORE_FINISH_BOOL(fn) \
  gboolean fn (WbStore *self, GAsyncResult *result, GError **error) \
  { \
    g_return_val_if_fail (g_task_is_valid (result, self), FALSE); \
    return g_task_propagate_boolean (G_TASK (result), error); \
  }

#define WB_STORE_FINISH_POINTER(type, fn) \
  type *fn (WbStore *self, GAsyncResult *result, GError **error) \
  { \
    g_return_val_if_fail (g_task_is_valid (result, self), NULL); \
    return g_task_propagate_pointer (G_TASK (result), error); \
  }

/* wb-store.c */
WbStoreJob *wb_store_job_new        (WbStore             *self,
                                     WbStoreJobFunc       func,
                                     gpointer             tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
WbStoreJob *wb_store_case_job_new   (WbStore             *self,
                                     const char          *case_id,
                                     WbStoreJobFunc       func,
                                     gpointer             tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
void        wb_store_job_push       (WbStore             *self,
                                     WbStoreJob          *job);
char       *wb_store_secret_dup     (const char          *secret);
void        wb_store_job_set_cost   (WbStore             *self,
                                     WbStoreJob          *job,
                                     const WbKdfCost     *cost);
gboolean    wb_store_need_vault     (WbStore             *self,
                                     WbStoreJob          *job);
void        wb_store_return_bool    (WbStoreJob          *job,
                                     gboolean             ok,
                                     GError              *error);
void        wb_store_return_pointer (WbStoreJob          *job,
                                     gpointer             result,
                                     GDestroyNotify       result_free,
                                     GError              *error);
void        wb_store_post_state     (WbStore             *self);
WbVaultAccount *wb_store_account_copy (const WbVaultAccount *account);
void        wb_store_emit_index_changed (WbStore         *self);

/* wb-store-index.c; the worker's side runs on the worker only. */
void        wb_store_index_build        (WbStore           *self);
void        wb_store_index_clear        (WbStore           *self);
void        wb_store_index_note_put     (WbStore           *self,
                                         WbCaseIndexChange *change,
                                         WbStoreRecord     *record);
void        wb_store_index_note_delete  (WbStore           *self,
                                         WbCaseIndexChange *change,
                                         const WbRecordId  *id);
void        wb_store_index_apply        (WbStore           *self,
                                         WbCaseIndexChange *change);
gboolean    wb_store_sync_followup      (WbStore           *self,
                                         WbStoreRecord     *record,
                                         GError           **error);
void        wb_store_index_finalize     (WbStore           *self);

/* For tests and benchmarks only; the application never calls this. Slots
 * made by this store use @cost when the caller passes none, and unlocking
 * accepts slots below the minimum. */
void        wb_store_set_kdf_cost_for_testing (WbStore         *self,
                                               const WbKdfCost *cost);

G_END_DECLS
