/* wb-store-backup.c: backups through the store's worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Argon2id and streaming the snapshot take seconds, so they run on the
 * worker that owns the vault's connection; the snapshot is taken on that
 * connection, between two jobs, never inside a transaction.
 */
#include "config.h"

#include "wb-backup.h"
#include "wb-store-private.h"

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

  g_return_if_fail (WB_IS_STORE (self) && G_IS_FILE (dest) && secret != NULL);
  job = wb_store_job_new (self, do_backup, wb_store_backup_async, cancellable, callback, user_data);
  job->s1 = g_file_get_path (dest);
  job->secret = wb_store_secret_dup (secret);
  job->role = key_kind;
  wb_store_job_set_cost (self, job, cost);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_backup_finish)

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
