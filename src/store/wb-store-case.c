/* wb-store-case.c: one case with everything that belongs to it, and audit entries, for the case page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-store-case.h"
#include "wb-store-private.h"

static void
do_load_case (WbStore    *self,
              WbStoreJob *job)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) children = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *kind = NULL;
  GError *error = NULL;

  if (!wb_store_need_vault (self, job))
    return;
  plain = wb_vault_get (self->vault, &job->id, &kind, &error);
  if (plain == NULL)
    {
      g_task_return_error (job->task, error);
      return;
    }
  if (g_strcmp0 (kind, WB_KIND_CASE) != 0)
    {
      g_task_return_new_error (job->task, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                               "%s", _("This case does not exist."));
      return;
    }
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_ptr_array_add (records, wb_store_record_new (kind, &job->id, plain));

  children = self->index ? wb_case_index_dup_children (self->index, &job->id) : NULL;
  for (guint i = 0; children && i < children->len; i++)
    {
      const WbRecordId *id = &g_array_index (children, WbRecordId, i);
      g_autofree char *child_kind = NULL;
      g_autoptr(GBytes) child = wb_vault_get (self->vault, id, &child_kind, NULL);

      if (child)
        g_ptr_array_add (records, wb_store_record_new (child_kind, id, child));
    }

  if (!wb_vault_audit (self->vault, "view", WB_KIND_CASE, &job->id, NULL, &error))
    {
      g_task_return_error (job->task, error);
      return;
    }
  g_task_return_pointer (job->task, g_steal_pointer (&records), (GDestroyNotify) g_ptr_array_unref);
}

static void
do_audit (WbStore    *self,
          WbStoreJob *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_audit (self->vault, job->s1, job->s2, job->flag ? &job->id : NULL,
                       job->bytes ? g_bytes_get_data (job->bytes, NULL) : NULL, &error);
  wb_store_return_bool (job, ok, error);
}

/* Public API */

void
wb_store_load_case_async (WbStore             *self,
                          const char          *case_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));
  g_return_if_fail (case_id != NULL);

  job = wb_store_case_job_new (self, case_id, do_load_case, wb_store_load_case_async,
                               cancellable, callback, user_data);
  if (job == NULL)
    return;
  job->s1 = g_strdup (case_id);
  wb_store_job_push (self, job);
}

/**
 * wb_store_load_case_finish:
 *
 * Returns: (transfer full) (element-type WbStoreRecord): the records
 */
GPtrArray *
wb_store_load_case_finish (WbStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wb_store_audit_async (WbStore             *self,
                      const char          *action,
                      const char          *kind,
                      const WbRecordId    *id,
                      const char          *detail,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));
  g_return_if_fail (action != NULL);

  job = wb_store_job_new (self, do_audit, wb_store_audit_async, cancellable, callback, user_data);
  job->s1 = g_strdup (action);
  job->s2 = g_strdup (kind);
  job->flag = id != NULL;
  if (id)
    job->id = *id;
  if (detail)
    job->bytes = g_bytes_new (detail, strlen (detail) + 1);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_audit_finish)
