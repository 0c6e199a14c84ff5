/* wb-store-drafts.c: half-done intakes in the vault, sealed like every record.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is a record of its own kind, so the case index, the inbox and the
 * command line's case list never see it. Deleting checks the kind first:
 * a draft id that names another record deletes nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-store-drafts.h"
#include "wb-store-error.h"
#include "wb-store-private.h"

static gboolean
draft_cb (const WbRecordId *id,
          GBytes           *plaintext,
          const GError     *damage,
          gpointer          user_data)
{
  GPtrArray *drafts = user_data;
  WbIntakeDraft *draft = plaintext ? wb_intake_draft_deserialize (plaintext, NULL) : NULL;

  if (draft != NULL)
    g_ptr_array_add (drafts, draft);
  return TRUE;
}

static int
compare_started (gconstpointer a,
                 gconstpointer b)
{
  const WbIntakeDraft *da = *(WbIntakeDraft * const *) a;
  const WbIntakeDraft *db = *(WbIntakeDraft * const *) b;

  return g_date_time_compare (da->started, db->started);
}

/**
 * wb_vault_list_drafts:
 *
 * Returns: (transfer full) (element-type WbIntakeDraft): every draft that
 *   could be opened, oldest first
 */
GPtrArray *
wb_vault_list_drafts (WbVault  *vault,
                      GError  **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_intake_draft_free);

  g_return_val_if_fail (vault != NULL, NULL);

  if (!wb_vault_foreach (vault, WB_INTAKE_DRAFT_KIND, draft_cb, drafts, error))
    return NULL;
  g_ptr_array_sort (drafts, compare_started);
  return g_steal_pointer (&drafts);
}

static gboolean
draft_record_id (const char  *str,
                 WbRecordId  *id,
                 GError     **error)
{
  if (str != NULL && wb_record_id_from_string (str, id))
    return TRUE;
  g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                       _("The draft has no valid id."));
  return FALSE;
}

gboolean
wb_vault_put_draft (WbVault        *vault,
                    WbIntakeDraft  *draft,
                    GError        **error)
{
  g_autoptr(GBytes) plain = NULL;
  WbRecordId id;

  g_return_val_if_fail (vault != NULL && draft != NULL, FALSE);

  if (!draft_record_id (draft->id, &id, error))
    return FALSE;
  plain = wb_intake_draft_serialize (draft);
  return wb_vault_put (vault, WB_INTAKE_DRAFT_KIND, &id, plain, error);
}

/* Worker */

static void
do_list_drafts (WbStore    *self,
                WbStoreJob *job)
{
  GError *error = NULL;
  GPtrArray *drafts;

  if (!wb_store_need_vault (self, job))
    return;
  drafts = wb_vault_list_drafts (self->vault, &error);
  wb_store_return_pointer (job, drafts, (GDestroyNotify) g_ptr_array_unref, error);
}

static void
do_delete_draft (WbStore    *self,
                 WbStoreJob *job)
{
  g_autofree char *kind = NULL;
  g_autoptr(GBytes) plain = NULL;
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  plain = wb_vault_get (self->vault, &job->id, &kind, &error);
  if (plain == NULL && g_error_matches (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      g_task_return_boolean (job->task, TRUE);
      return;
    }
  if (plain != NULL && g_strcmp0 (kind, WB_INTAKE_DRAFT_KIND) != 0)
    g_set_error_literal (&error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                         _("The record is not a draft."));
  ok = error == NULL && wb_vault_begin (self->vault, &error);
  if (ok && !(wb_vault_delete (self->vault, &job->id, &error)
              && wb_vault_commit (self->vault, &error)))
    {
      wb_vault_rollback (self->vault);
      ok = FALSE;
    }
  wb_store_return_bool (job, ok, error);
}

/* Public API */

void
wb_store_list_drafts_async (WbStore             *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (WB_IS_STORE (self));

  wb_store_job_push (self, wb_store_job_new (self, do_list_drafts, wb_store_list_drafts_async,
                                             cancellable, callback, user_data));
}

/**
 * wb_store_list_drafts_finish:
 *
 * Returns: (transfer full) (element-type WbIntakeDraft): the drafts
 */
WB_STORE_FINISH_POINTER (GPtrArray, wb_store_list_drafts_finish)

/* Serialized here, on the caller's thread; the put goes through the
 * ordinary queue, so it is written before a lock queued after it. */
void
wb_store_put_draft_async (WbStore             *self,
                          WbIntakeDraft       *draft,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GBytes) plain = NULL;
  GError *error = NULL;
  WbRecordId id;

  g_return_if_fail (WB_IS_STORE (self));
  g_return_if_fail (draft != NULL);

  if (!draft_record_id (draft->id, &id, &error))
    {
      g_task_report_error (self, callback, user_data, wb_store_put_draft_async, error);
      return;
    }
  plain = wb_intake_draft_serialize (draft);
  wb_store_put_async (self, WB_INTAKE_DRAFT_KIND, &id, plain, cancellable, callback, user_data);
}

gboolean
wb_store_put_draft_finish (WbStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  if (g_async_result_is_tagged (result, wb_store_put_draft_async))
    return g_task_propagate_boolean (G_TASK (result), error);
  return wb_store_put_finish (self, result, error);
}

void
wb_store_delete_draft_async (WbStore             *self,
                             const char          *draft_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GError *error = NULL;
  WbStoreJob *job;
  WbRecordId id;

  g_return_if_fail (WB_IS_STORE (self));

  if (!draft_record_id (draft_id, &id, &error))
    {
      g_task_report_error (self, callback, user_data, wb_store_delete_draft_async, error);
      return;
    }
  job = wb_store_job_new (self, do_delete_draft, wb_store_delete_draft_async,
                          cancellable, callback, user_data);
  job->id = id;
  wb_store_job_push (self, job);
}

gboolean
wb_store_delete_draft_finish (WbStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
