/* wb-store-followups.c: the follow-up schedule on the worker thread, for the reminders.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-core.h"
#include "wb-store-private.h"

static void
store_due_free (WbStoreDue *due)
{
  g_clear_pointer (&due->plaintext, g_bytes_unref);
  g_free (due);
}

/* Jobs */

static void
do_list_due (WbStore    *self,
             WbStoreJob *job)
{
  g_autoptr(GArray) due = NULL;
  GError *error = NULL;
  GPtrArray *result;

  if (!wb_store_need_vault (self, job))
    return;
  due = wb_vault_list_due (self->vault, G_MAXINT64, &error);
  if (due == NULL)
    {
      g_task_return_error (job->task, error);
      return;
    }

  result = g_ptr_array_new_full (due->len, (GDestroyNotify) store_due_free);
  for (guint i = 0; i < due->len; i++)
    {
      const WbVaultDue *d = &g_array_index (due, WbVaultDue, i);
      WbStoreDue *item = g_new0 (WbStoreDue, 1);

      item->id = d->id;
      item->due = d->due;
      item->state = d->state;
      /* Locked: the schedule only, about whom stays sealed. A damaged
       * record keeps its schedule without content. Done and cancelled
       * follow-ups are never shown or announced: not opened either. */
      if (!wb_vault_is_locked (self->vault)
          && (d->state == WB_FOLLOW_UP_STATE_OPEN || d->state == WB_FOLLOW_UP_STATE_SNOOZED))
        item->plaintext = wb_vault_get (self->vault, &d->id, NULL, NULL);
      g_ptr_array_add (result, item);
    }
  g_task_return_pointer (job->task, result, (GDestroyNotify) g_ptr_array_unref);
}

/* Public API */

/**
 * wb_store_list_due_async:
 *
 * Lists the plaintext schedule (due moment and state) of every follow-up,
 * earliest first; while unlocked each open or snoozed item also carries
 * the follow-up's record. Works on a locked vault, which is what reminders need.
 */
void
wb_store_list_due_async (WbStore             *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (WB_IS_STORE (self));
  wb_store_job_push (self, wb_store_job_new (self, do_list_due, wb_store_list_due_async,
                                             cancellable, callback, user_data));
}

/**
 * wb_store_list_due_finish:
 *
 * Returns: (transfer container) (element-type WbStoreDue): the schedule
 */
GPtrArray *
wb_store_list_due_finish (WbStore       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
