/* wb-store-retention.c: cases past their retention period, and purging a case for good.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A purge deletes the case and every record that points at it (people,
 * incident, needs, consent, follow-ups with their plaintext due rows,
 * timeline entries, referrals among them) in one transaction, with one
 * audit entry that keeps only the reference. secure_delete overwrites the
 * freed cells and pages; the WAL checkpoint afterwards copies the zeroed
 * pages into the database file and truncates the log, so neither file
 * holds the old ciphertext.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-core.h"
#include "wb-db.h"
#include "wb-retention.h"
#include "wb-store-private.h"
#include "wb-store-retention.h"
#include "wb-vault-private.h"

typedef struct
{
  WbRecordId  id;
  char       *kind;
} Doomed;

static void
doomed_clear (gpointer data)
{
  Doomed *d = data;

  g_free (d->kind);
}

static WbCaseIndex *
index_or_build (WbVault      *vault,
                WbCaseIndex  *index,
                WbCaseIndex **owned,
                GError      **error)
{
  if (index != NULL)
    return index;
  *owned = wb_case_index_build (vault, error);
  return *owned;
}

static guint
consent_months (WbVault          *vault,
                WbCaseIndex      *index,
                const WbRecordId *case_id)
{
  g_autoptr(GArray) children = wb_case_index_dup_children (index, case_id);

  for (guint i = 0; children && i < children->len; i++)
    {
      const WbRecordId *id = &g_array_index (children, WbRecordId, i);
      g_autofree char *kind = NULL;
      g_autoptr(GBytes) plain = wb_vault_get (vault, id, &kind, NULL);
      g_autoptr(WbConsent) consent = NULL;

      if (plain == NULL || g_strcmp0 (kind, WB_KIND_CONSENT) != 0)
        continue;
      consent = wb_consent_deserialize (plain, NULL);
      if (consent != NULL)
        return wb_consent_get_retention_months (consent);
    }
  return 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const WbRetentionItem *x = *(WbRetentionItem * const *) a;
  const WbRetentionItem *y = *(WbRetentionItem * const *) b;

  if (x->expires != y->expires)
    return x->expires < y->expires ? -1 : 1;
  return g_strcmp0 (x->reference, y->reference);
}

static GPtrArray *
list_retention (WbVault      *vault,
                WbCaseIndex  *index,
                guint         default_months,
                GDateTime    *now)
{
  g_autoptr(GPtrArray) rows = wb_case_index_dup_rows (index);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_retention_item_free);

  for (guint i = 0; i < rows->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GDateTime) closed = NULL;
      g_autoptr(GDateTime) expires = NULL;
      WbRetentionItem *item;
      WbRecordId id;
      guint months;

      if (row->status != WB_CASE_STATUS_CLOSED || row->updated == 0
          || !wb_record_id_from_string (row->case_id, &id))
        continue;
      months = wb_retention_months_for (consent_months (vault, index, &id), default_months);
      closed = g_date_time_new_from_unix_utc (row->updated / G_USEC_PER_SEC);
      if (!wb_retention_is_past (row->status, closed, months, now))
        continue;
      expires = wb_retention_expires (closed, months);
      item = g_new0 (WbRetentionItem, 1);
      item->case_id = g_strdup (row->case_id);
      item->reference = g_strdup (row->reference);
      item->status = row->status;
      item->closed = row->updated;
      item->months = months;
      item->expires = g_date_time_to_unix (expires) * G_USEC_PER_SEC;
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_items);
  return items;
}

/**
 * wb_vault_list_retention:
 * @vault: an unlocked vault
 * @index: (nullable): the case index, or NULL to build one
 * @default_months: the period of a case without one agreed at intake
 * @now: (nullable): the current time
 *
 * Returns: (transfer full) (element-type WbRetentionItem): the closed
 *   cases past their retention period, the longest expired first
 */
GPtrArray *
wb_vault_list_retention (WbVault      *vault,
                         WbCaseIndex  *index,
                         guint         default_months,
                         GDateTime    *now,
                         GError      **error)
{
  g_autoptr(WbCaseIndex) owned = NULL;
  g_autoptr(GDateTime) real_now = NULL;

  g_return_val_if_fail (vault != NULL, NULL);

  if (index_or_build (vault, index, &owned, error) == NULL)
    return NULL;
  if (now == NULL)
    now = real_now = g_date_time_new_now_utc ();
  return list_retention (vault, index ? index : owned, default_months, now);
}

/**
 * wb_vault_find_case:
 *
 * Finds a case by its reference (exact, case-insensitive).
 */
gboolean
wb_vault_find_case (WbVault     *vault,
                    WbCaseIndex *index,
                    const char  *reference,
                    WbRecordId  *out_case_id,
                    GError     **error)
{
  g_autoptr(WbCaseIndex) owned = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (vault != NULL && reference != NULL && out_case_id != NULL, FALSE);

  if (index_or_build (vault, index, &owned, error) == NULL)
    return FALSE;
  rows = wb_case_index_dup_rows (index ? index : owned);
  for (guint i = 0; i < rows->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, i);

      if (g_ascii_strcasecmp (row->reference, reference) == 0)
        return wb_record_id_from_string (row->case_id, out_case_id);
    }
  /* Translators: %s is a case reference such as WB-2026-0001 */
  g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
               _("There is no case with reference %s."), reference);
  return FALSE;
}

static gboolean
require_secure_delete (WbVault  *vault,
                       GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean on;

  sqlite3_prepare_v2 (vault->db, "PRAGMA secure_delete", -1, &stmt, NULL);
  on = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  if (!on)
    g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                         _("Secure deletion is off for this vault; nothing was removed."));
  return on;
}

static gboolean
delete_row (WbVault          *vault,
            const char       *sql,
            const WbRecordId *id,
            GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  sqlite3_prepare_v2 (vault->db, sql, -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    wb_db_set_error (error, vault->db, _("removing a case"));
  return ok;
}

static char *
record_kind (WbVault          *vault,
             const WbRecordId *id)
{
  sqlite3_stmt *stmt = NULL;
  char *kind = NULL;

  sqlite3_prepare_v2 (vault->db, "SELECT kind FROM records WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return kind;
}

/* The case and its children, checked to be case records (never accounts). */
static GArray *
doomed_records (WbVault          *vault,
                WbCaseIndex      *index,
                const WbRecordId *case_id,
                char            **out_reference,
                GError          **error)
{
  g_autoptr(GArray) doomed = g_array_new (FALSE, TRUE, sizeof (Doomed));
  g_autoptr(GArray) children = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(WbCase) kase = NULL;
  g_autofree char *kind = NULL;
  Doomed d;

  g_array_set_clear_func (doomed, doomed_clear);
  plain = wb_vault_get (vault, case_id, &kind, error);
  if (plain == NULL)
    return NULL;
  if (g_strcmp0 (kind, WB_KIND_CASE) != 0 || (kase = wb_case_deserialize (plain, NULL)) == NULL)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                           _("This case does not exist."));
      return NULL;
    }
  d.id = *case_id;
  d.kind = g_steal_pointer (&kind);
  g_array_append_val (doomed, d);
  children = wb_case_index_dup_children (index, case_id);
  for (guint i = 0; children && i < children->len; i++)
    {
      d.id = g_array_index (children, WbRecordId, i);
      d.kind = record_kind (vault, &d.id);
      if (d.kind == NULL || g_str_has_prefix (d.kind, "wb."))
        {
          g_free (d.kind);
          continue;
        }
      g_array_append_val (doomed, d);
    }
  *out_reference = g_strdup (wb_case_get_reference (kase));
  return g_steal_pointer (&doomed);
}

static gboolean
purge_records (WbVault     *vault,
               GArray      *doomed,
               const char  *reference,
               GError     **error)
{
  g_autofree char *detail = g_strdup_printf ("case %s purged", reference);
  gboolean ok;

  if (!require_secure_delete (vault, error) || !wb_vault_begin (vault, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < doomed->len; i++)
    {
      Doomed *d = &g_array_index (doomed, Doomed, i);

      ok = delete_row (vault, "DELETE FROM followups WHERE id = ?", &d->id, error) &&
           delete_row (vault, "DELETE FROM records WHERE id = ?", &d->id, error);
    }
  if (ok)
    ok = wb_vault_audit_append (vault, "purge", WB_KIND_CASE, NULL, detail, error);
  if (ok)
    ok = wb_vault_commit (vault, error);
  else
    wb_vault_rollback (vault);
  if (!ok)
    return FALSE;

  if (vault->changed_func != NULL)
    for (guint i = 0; i < doomed->len; i++)
      {
        Doomed *d = &g_array_index (doomed, Doomed, i);

        vault->changed_func (d->kind, &d->id, vault->changed_data);
      }
  return TRUE;
}

/* Busy only while another connection reads; the purge itself is
 * committed either way, and a later checkpoint finishes the job. */
static void
checkpoint (WbVault *vault)
{
  if (sqlite3_exec (vault->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("wal checkpoint after purge: %s", sqlite3_errmsg (vault->db));
}

/**
 * wb_vault_purge_case:
 * @vault: an unlocked vault, no transaction open
 * @index: (nullable): the case index, or NULL to build one
 * @case_id: the case
 * @out_reference: (out) (optional): the purged case's reference
 *
 * Removes the case and everything that belongs to it for good.
 */
gboolean
wb_vault_purge_case (WbVault          *vault,
                     WbCaseIndex      *index,
                     const WbRecordId *case_id,
                     char            **out_reference,
                     GError          **error)
{
  g_autoptr(WbCaseIndex) owned = NULL;
  g_autoptr(GArray) doomed = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (vault != NULL && case_id != NULL, FALSE);

  if (index_or_build (vault, index, &owned, error) == NULL)
    return FALSE;
  doomed = doomed_records (vault, index ? index : owned, case_id, &reference, error);
  if (doomed == NULL || !purge_records (vault, doomed, reference, error))
    return FALSE;
  checkpoint (vault);
  if (out_reference)
    *out_reference = g_steal_pointer (&reference);
  return TRUE;
}

/* Worker jobs */

static void
do_list_retention (WbStore    *self,
                   WbStoreJob *job)
{
  GError *error = NULL;
  GPtrArray *items;

  if (!wb_store_need_vault (self, job))
    return;
  items = wb_vault_list_retention (self->vault, self->index, (guint) job->role, NULL, &error);
  wb_store_return_pointer (job, items, (GDestroyNotify) g_ptr_array_unref, error);
}

static gboolean
purge_one (WbStore          *self,
           const WbRecordId *case_id,
           GError          **error)
{
  g_autoptr(WbCaseIndexChange) change = NULL;
  g_autoptr(WbCaseIndex) owned = NULL;
  g_autoptr(GArray) doomed = NULL;
  g_autofree char *reference = NULL;
  WbCaseIndex *index = index_or_build (self->vault, self->index, &owned, error);

  if (index == NULL)
    return FALSE;
  doomed = doomed_records (self->vault, index, case_id, &reference, error);
  if (doomed == NULL)
    return FALSE;
  change = self->index ? wb_case_index_change_new () : NULL;
  for (guint i = 0; change && i < doomed->len; i++)
    wb_store_index_note_delete (self, change, &g_array_index (doomed, Doomed, i).id);
  if (!purge_records (self->vault, doomed, reference, error))
    return FALSE;
  if (change)
    wb_store_index_apply (self, change);
  return TRUE;
}

static void
do_purge_cases (WbStore    *self,
                WbStoreJob *job)
{
  g_auto(GStrv) ids = NULL;
  GError *error = NULL;
  gboolean ok = TRUE;
  guint n_done = 0;

  if (!wb_store_need_vault (self, job))
    return;
  ids = g_strsplit (job->s1, ",", -1);
  for (guint i = 0; ok && ids[i] != NULL; i++)
    {
      WbRecordId id;

      if (!wb_record_id_from_string (ids[i], &id))
        {
          g_set_error_literal (&error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                               _("This case does not exist."));
          ok = FALSE;
          break;
        }
      ok = purge_one (self, &id, &error);
      n_done += ok;
    }
  if (n_done > 0)
    checkpoint (self->vault);
  wb_store_return_bool (job, ok, error);
}

/* Public API */

void
wb_store_list_retention_async (WbStore             *self,
                               guint                default_months,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));

  job = wb_store_job_new (self, do_list_retention, wb_store_list_retention_async, cancellable,
                          callback, user_data);
  job->role = (int) MIN (default_months, (guint) G_MAXINT);
  wb_store_job_push (self, job);
}

/**
 * wb_store_list_retention_finish:
 *
 * Returns: (transfer full) (element-type WbRetentionItem): the cases
 */
WB_STORE_FINISH_POINTER (GPtrArray, wb_store_list_retention_finish)

void
wb_store_purge_cases_async (WbStore             *self,
                            const char * const  *case_ids,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));
  g_return_if_fail (case_ids != NULL && case_ids[0] != NULL);

  job = wb_store_job_new (self, do_purge_cases, wb_store_purge_cases_async, cancellable,
                          callback, user_data);
  job->s1 = g_strjoinv (",", (char **) case_ids);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_purge_cases_finish)
