/* wb-store-accounts.c: accounts, passphrases and the recovery key on the worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Argon2id for a new slot takes about a second and removing an account
 * re-encrypts every record, so all of this runs on the store's worker.
 * Passphrases travel there in sodium_malloc memory, freed (and wiped) with
 * the job.
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wb-store-private.h"

static void
recovery_key_free (gpointer data)
{
  char *key = data;

  sodium_memzero (key, strlen (key));
  g_free (key);
}

/* Jobs */

static void
do_list_accounts (WbStore    *self,
                  WbStoreJob *job)
{
  GError *error = NULL;
  GPtrArray *accounts;

  if (!wb_store_need_vault (self, job))
    return;
  accounts = wb_vault_list_accounts (self->vault, &error);
  if (accounts)
    g_task_return_pointer (job->task, accounts, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (job->task, error);
}

static void
do_add_account (WbStore    *self,
                WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_add_account (self->vault, job->s1, job->s2, (WbVaultRole) job->role, job->secret,
                             job->has_cost ? &job->cost : NULL, &error);
  wb_store_post_state (self);
  wb_store_return_bool (job, ok, error);
}

static void
do_remove_account (WbStore    *self,
                   WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_remove_account (self->vault, job->s1, &error);
  wb_store_post_state (self);
  wb_store_return_bool (job, ok, error);
}

static void
do_reset_passphrase (WbStore    *self,
                     WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_reset_passphrase (self->vault, job->s1, job->secret,
                                  job->has_cost ? &job->cost : NULL, &error);
  wb_store_post_state (self);
  wb_store_return_bool (job, ok, error);
}

static void
do_change_passphrase (WbStore    *self,
                      WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_change_passphrase (self->vault, job->secret,
                                   job->has_cost ? &job->cost : NULL, &error);
  wb_store_return_bool (job, ok, error);
}

static void
do_make_recovery_key (WbStore    *self,
                      WbStoreJob *job)
{
  GError *error = NULL;
  char *key;

  if (!wb_store_need_vault (self, job))
    return;
  key = wb_vault_set_recovery_key (self->vault, job->has_cost ? &job->cost : NULL, &error);
  if (key)
    g_task_return_pointer (job->task, key, recovery_key_free);
  else
    g_task_return_error (job->task, error);
}

static void
do_unlock_recovery (WbStore    *self,
                    WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_unlock_recovery (self->vault, job->secret, job->flag, &error);
  wb_store_post_state (self);
  wb_store_return_bool (job, ok, error);
  if (ok)
    wb_store_index_build (self);
}

/* Public API */

void
wb_store_list_accounts_async (WbStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (WB_IS_STORE (self));
  wb_store_job_push (self, wb_store_job_new (self, do_list_accounts, wb_store_list_accounts_async,
                                             cancellable, callback, user_data));
}

/**
 * wb_store_list_accounts_finish:
 *
 * Returns: (transfer container): #WbVaultAccount items, with their free
 *   function set
 */
GPtrArray *
wb_store_list_accounts_finish (WbStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wb_store_add_account_async (WbStore             *self,
                            const char          *name,
                            const char          *display_name,
                            WbVaultRole          role,
                            const char          *passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && name != NULL && passphrase != NULL);
  job = wb_store_job_new (self, do_add_account, wb_store_add_account_async,
                          cancellable, callback, user_data);
  job->s1 = g_strdup (name);
  job->s2 = g_strdup (display_name);
  job->role = role;
  job->secret = wb_store_secret_dup (passphrase);
  wb_store_job_set_cost (self, job, NULL);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_add_account_finish)

void
wb_store_remove_account_async (WbStore             *self,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && name != NULL);
  job = wb_store_job_new (self, do_remove_account, wb_store_remove_account_async,
                          cancellable, callback, user_data);
  job->s1 = g_strdup (name);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_remove_account_finish)

void
wb_store_change_passphrase_async (WbStore             *self,
                                  const char          *new_passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && new_passphrase != NULL);
  job = wb_store_job_new (self, do_change_passphrase, wb_store_change_passphrase_async,
                          cancellable, callback, user_data);
  job->secret = wb_store_secret_dup (new_passphrase);
  wb_store_job_set_cost (self, job, NULL);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_change_passphrase_finish)

/* Sets a new passphrase for another account: as beheerder, or after
 * wb_store_unlock_recovery_async() when every passphrase is lost. */
void
wb_store_reset_passphrase_async (WbStore             *self,
                                 const char          *name,
                                 const char          *new_passphrase,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && name != NULL && new_passphrase != NULL);
  job = wb_store_job_new (self, do_reset_passphrase, wb_store_reset_passphrase_async,
                          cancellable, callback, user_data);
  job->s1 = g_strdup (name);
  job->secret = wb_store_secret_dup (new_passphrase);
  wb_store_job_set_cost (self, job, NULL);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_reset_passphrase_finish)

void
wb_store_make_recovery_key_async (WbStore             *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));
  job = wb_store_job_new (self, do_make_recovery_key, wb_store_make_recovery_key_async,
                          cancellable, callback, user_data);
  wb_store_job_set_cost (self, job, NULL);
  wb_store_job_push (self, job);
}

char *
wb_store_make_recovery_key_finish (WbStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wb_store_unlock_recovery_async (WbStore             *self,
                                const char          *recovery_key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self) && recovery_key != NULL);
  job = wb_store_job_new (self, do_unlock_recovery, wb_store_unlock_recovery_async,
                          cancellable, callback, user_data);
  job->secret = wb_store_secret_dup (recovery_key);
  job->flag = self->has_test_cost;
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_unlock_recovery_finish)
