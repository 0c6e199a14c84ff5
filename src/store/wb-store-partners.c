/* wb-store-partners.c: the partner directory in the vault, as WbPartner objects.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-store-partners.h"
#include "wb-store-private.h"

typedef struct
{
  GPtrArray *partners;
  guint      n_damaged;
} ListData;

static gboolean
partner_cb (const WbRecordId *id,
            GBytes           *plaintext,
            const GError     *damage,
            gpointer          user_data)
{
  ListData *d = user_data;
  WbPartner *partner;

  partner = plaintext ? wb_partner_deserialize (plaintext, NULL) : NULL;
  if (partner != NULL)
    g_ptr_array_add (d->partners, partner);
  else
    d->n_damaged++;
  return TRUE;
}

/**
 * wb_vault_list_partners:
 *
 * Returns: (transfer full) (element-type WbPartner): every partner that
 *   could be opened, in no particular order
 */
GPtrArray *
wb_vault_list_partners (WbVault  *vault,
                        guint    *out_n_damaged,
                        GError  **error)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  ListData d = { partners, 0 };

  g_return_val_if_fail (vault != NULL, NULL);

  if (!wb_vault_foreach (vault, WB_KIND_PARTNER, partner_cb, &d, error))
    return NULL;
  if (out_n_damaged)
    *out_n_damaged = d.n_damaged;
  return g_steal_pointer (&partners);
}

static gboolean
partner_record_id (WbPartner   *partner,
                   WbRecordId  *id,
                   GError     **error)
{
  if (wb_record_id_from_string (wb_partner_get_id (partner), id))
    return TRUE;
  g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                       _("The partner has no valid id."));
  return FALSE;
}

gboolean
wb_vault_put_partner (WbVault    *vault,
                      WbPartner  *partner,
                      GError    **error)
{
  g_autoptr(GBytes) plain = NULL;
  WbRecordId id;

  g_return_val_if_fail (vault != NULL, FALSE);
  g_return_val_if_fail (WB_IS_PARTNER (partner), FALSE);

  if (!wb_partner_check (partner, error) || !partner_record_id (partner, &id, error))
    return FALSE;
  plain = wb_partner_serialize (partner);
  return wb_vault_put (vault, WB_KIND_PARTNER, &id, plain, error);
}

/* Worker */

static void
do_list_partners (WbStore    *self,
                  WbStoreJob *job)
{
  GError *error = NULL;
  GPtrArray *partners;

  if (!wb_store_need_vault (self, job))
    return;
  partners = wb_vault_list_partners (self->vault, NULL, &error);
  wb_store_return_pointer (job, partners, (GDestroyNotify) g_ptr_array_unref, error);
}

/* Public API */

void
wb_store_list_partners_async (WbStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));

  job = wb_store_job_new (self, do_list_partners, wb_store_list_partners_async,
                          cancellable, callback, user_data);
  wb_store_job_push (self, job);
}

/**
 * wb_store_list_partners_finish:
 *
 * Returns: (transfer full) (element-type WbPartner): the partners
 */
WB_STORE_FINISH_POINTER (GPtrArray, wb_store_list_partners_finish)

/* Serialized here, on the caller's thread, so the worker never touches the
 * caller's object; the put itself goes through the ordinary queue. */
void
wb_store_put_partner_async (WbStore             *self,
                            WbPartner           *partner,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GBytes) plain = NULL;
  GError *error = NULL;
  WbRecordId id;

  g_return_if_fail (WB_IS_STORE (self));
  g_return_if_fail (WB_IS_PARTNER (partner));

  if (!wb_partner_check (partner, &error) || !partner_record_id (partner, &id, &error))
    {
      g_task_report_error (self, callback, user_data, wb_store_put_partner_async, error);
      return;
    }
  plain = wb_partner_serialize (partner);
  wb_store_put_async (self, WB_KIND_PARTNER, &id, plain, cancellable, callback, user_data);
}

gboolean
wb_store_put_partner_finish (WbStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  if (g_async_result_is_tagged (result, wb_store_put_partner_async))
    return g_task_propagate_boolean (G_TASK (result), error);
  return wb_store_put_finish (self, result, error);
}
