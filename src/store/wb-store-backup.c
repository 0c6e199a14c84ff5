/* wb-store-backup.c: backups through the store's worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Argon2id and streaming the snapshot take seconds, so they run on the
 * worker that owns the vault's connection; the snapshot is taken on that
 * connection, between two jobs, never inside a transaction.
 */
#include "config.h"

#include <sodium.h>

#include "wb-backup.h"
#include "wb-store-private.h"
#include "wb-vault-private.h"

static void
do_backup (WbStore    *self,
           WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_backup_write (self->vault, job->s1, (WbBackupKeyKind) job->role, job->secret,
                        job->has_cost ? &job->cost : NULL, &error);
  wb_store_return_bool (job, ok, error);
}

static void
do_has_recovery (WbStore    *self,
                 WbStoreJob *job)
{
  if (!wb_store_need_vault (self, job))
    return;
  g_task_return_boolean (job->task, wb_backup_can_seal_to_recovery (self->vault));
}

static void
do_inspect (WbStore    *self,
            WbStoreJob *job)
{
  GError *error = NULL;
  g_autofree WbBackupInfo *info = g_new0 (WbBackupInfo, 1);

  if (wb_backup_inspect (job->s1, job->secret, job->flag, info, &error))
    g_task_return_pointer (job->task, g_steal_pointer (&info), g_free);
  else
    g_task_return_error (job->task, error);
}

/* The restore needs a second secret: the passphrase of the account that
 * opens the restored vault. It rides along as task data, in sodium memory. */
static void
account_secret_free (gpointer data)
{
  if (data)
    sodium_free (data);
}

static void
do_restore (WbStore    *self,
            WbStoreJob *job)
{
  GError *error = NULL;
  GError *reopen_error = NULL;
  const char *passphrase = g_task_get_task_data (job->task);
  WbVaultChangedFunc changed_func = NULL;
  gpointer changed_data = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  /* Our own connection would hold the old WAL open: close it first, and
   * give the reopened vault the store's change handler again. */
  changed_func = self->vault->changed_func;
  changed_data = self->vault->changed_data;
  wb_store_index_clear (self);
  g_clear_pointer (&self->vault, wb_vault_free);
  ok = wb_backup_restore (job->s1, job->secret, self->path, job->s2, passphrase, job->flag,
                          job->role, NULL, &error);
  self->vault = wb_vault_open (self->path, ok ? &error : &reopen_error);
  if (self->vault)
    wb_vault_set_changed_func (self->vault, changed_func, changed_data);
  ok = ok && self->vault != NULL;
  g_clear_error (&reopen_error);
  wb_store_post_state (self);
  wb_store_return_bool (job, ok, error);
}

void
wb_store_backup_async (WbStore             *self,
                       GFile               *dest,
                       WbBackupKeyKind      key_kind,
                       const char          *secret,
                       const WbKdfCost     *cost,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && G_IS_FILE (dest));
  g_return_if_fail (secret != NULL || key_kind == WB_BACKUP_KEY_RECOVERY_SLOT);
  job = wb_store_job_new (self, do_backup, wb_store_backup_async, cancellable, callback, user_data);
  job->s1 = g_file_get_path (dest);
  job->secret = secret ? wb_store_secret_dup (secret) : NULL;
  job->role = key_kind;
  wb_store_job_set_cost (self, job, cost);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_backup_finish)

void
wb_store_has_recovery_key_async (WbStore             *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));
  job = wb_store_job_new (self, do_has_recovery, wb_store_has_recovery_key_async, cancellable,
                          callback, user_data);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_has_recovery_key_finish)

void
wb_store_inspect_backup_async (WbStore             *self,
                               GFile               *backup,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && G_IS_FILE (backup));
  job = wb_store_job_new (self, do_inspect, wb_store_inspect_backup_async, cancellable, callback, user_data);
  job->s1 = g_file_get_path (backup);
  job->secret = secret ? wb_store_secret_dup (secret) : NULL;
  job->flag = self->has_test_cost;
  wb_store_job_push (self, job);
}

WbBackupInfo *
wb_store_inspect_backup_finish (WbStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wb_store_restore_async (WbStore             *self,
                        GFile               *backup,
                        const char          *secret,
                        const char          *account,
                        const char          *passphrase,
                        gboolean             use_recovery_key,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && G_IS_FILE (backup) && secret != NULL && passphrase != NULL);
  job = wb_store_job_new (self, do_restore, wb_store_restore_async, cancellable, callback, user_data);
  job->s1 = g_file_get_path (backup);
  job->s2 = g_strdup (account);
  job->secret = wb_store_secret_dup (secret);
  job->flag = use_recovery_key;
  job->role = self->has_test_cost;
  g_task_set_task_data (job->task, wb_store_secret_dup (passphrase), account_secret_free);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_restore_finish)
