/* wb-store-index.c: keeps the case index current on the worker and mirrors it on the main context.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker owns the WbCaseIndex; the main context holds references to
 * the same immutable rows in a hash table, changed only by notices the
 * worker posts in order. On lock the main context wipes the rows it holds
 * in place, so even a snapshot a widget still keeps reads as empty.
 */
#include "config.h"

#include <sodium.h>

#include "wb-follow-up.h"
#include "wb-store-private.h"

typedef enum
{
  NOTICE_RESET,
  NOTICE_UPDATE,
  NOTICE_WIPE,
} NoticeKind;

typedef struct
{
  WbStore    *self;
  NoticeKind  kind;
  GPtrArray  *rows;               /* NOTICE_RESET: WbCaseRow */
  GPtrArray  *updates;            /* NOTICE_UPDATE: WbCaseIndexUpdate */
  guint       n_damaged;
} IndexNotice;

static void
index_notice_free (gpointer data)
{
  IndexNotice *n = data;

  g_object_unref (n->self);
  g_clear_pointer (&n->rows, g_ptr_array_unref);
  g_clear_pointer (&n->updates, g_ptr_array_unref);
  g_free (n);
}

/* Main context */

static void
wipe_rows (WbStore *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_case_row_unref);
  GHashTableIter iter;
  WbCaseRow *row;

  /* Out of the table first: the keys are the rows' own strings. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_ptr_array_add (rows, row);
      g_hash_table_iter_steal (&iter);
    }
  for (guint i = 0; i < rows->len; i++)
    wb_case_row_wipe (g_ptr_array_index (rows, i));
}

static gboolean
apply_notice_cb (gpointer data)
{
  IndexNotice *n = data;
  WbStore *self = n->self;

  switch (n->kind)
    {
    case NOTICE_WIPE:
      wipe_rows (self);
      self->index_n_damaged = 0;
      break;

    case NOTICE_RESET:
      g_hash_table_remove_all (self->rows);
      for (guint i = 0; i < n->rows->len; i++)
        {
          WbCaseRow *row = g_ptr_array_index (n->rows, i);
          g_hash_table_replace (self->rows, (gpointer) row->case_id, wb_case_row_ref (row));
        }
      self->index_n_damaged = n->n_damaged;
      break;

    case NOTICE_UPDATE:
      for (guint i = 0; i < n->updates->len; i++)
        {
          WbCaseIndexUpdate *u = g_ptr_array_index (n->updates, i);

          if (u->row)
            g_hash_table_replace (self->rows, (gpointer) u->row->case_id, wb_case_row_ref (u->row));
          else
            g_hash_table_remove (self->rows, u->case_id);
        }
      break;

    default:
      g_assert_not_reached ();
    }
  wb_store_emit_index_changed (self);
  return G_SOURCE_REMOVE;
}

/* Worker */

static void
post (WbStore     *self,
      IndexNotice *n)
{
  n->self = g_object_ref (self);
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, apply_notice_cb, n,
                              index_notice_free);
}

void
wb_store_index_build (WbStore *self)
{
  g_autoptr(GError) error = NULL;
  IndexNotice *n;
  gint64 start = g_get_monotonic_time ();

  g_clear_pointer (&self->index, wb_case_index_free);
  if (self->vault == NULL || wb_vault_is_locked (self->vault))
    return;
  self->index = wb_case_index_build_for_inbox (self->vault, &error);
  if (self->index == NULL)
    {
      /* The message comes from SQLite and names no case. */
      g_warning ("Could not build the case index: %s", error->message);
      return;
    }
  g_debug ("Case index: %u cases, %u damaged records, %.2f s",
           wb_case_index_get_n_rows (self->index), wb_case_index_get_n_damaged (self->index),
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  n = g_new0 (IndexNotice, 1);
  n->kind = NOTICE_RESET;
  n->rows = wb_case_index_dup_rows (self->index);
  n->n_damaged = wb_case_index_get_n_damaged (self->index);
  post (self, n);
}

void
wb_store_index_clear (WbStore *self)
{
  IndexNotice *n;

  if (self->index == NULL)
    return;
  g_clear_pointer (&self->index, wb_case_index_free);
  n = g_new0 (IndexNotice, 1);
  n->kind = NOTICE_WIPE;
  post (self, n);
}

void
wb_store_index_note_put (WbStore           *self,
                         WbCaseIndexChange *change,
                         WbStoreRecord     *record)
{
  if (self->index && change)
    wb_case_index_note_put (self->index, self->vault, change, record->kind, &record->id,
                            record->plaintext);
}

void
wb_store_index_note_delete (WbStore           *self,
                            WbCaseIndexChange *change,
                            const WbRecordId  *id)
{
  if (self->index && change)
    wb_case_index_note_delete (self->index, self->vault, change, id);
}

void
wb_store_index_apply (WbStore           *self,
                      WbCaseIndexChange *change)
{
  IndexNotice *n;

  if (self->index == NULL || change == NULL)
    return;
  n = g_new0 (IndexNotice, 1);
  n->kind = NOTICE_UPDATE;
  n->updates = wb_case_index_apply (self->index, self->vault, change);
  post (self, n);
}

/* Keeps the plaintext schedule of a follow-up with its sealed record, so
 * reminders can fire while the vault is locked. A record that does not
 * parse has no schedule; that is not an error of the put. */
gboolean
wb_store_sync_followup (WbStore        *self,
                        WbStoreRecord  *record,
                        GError        **error)
{
  g_autoptr(WbFollowUp) f = NULL;
  GDateTime *due;

  if (g_strcmp0 (record->kind, WB_KIND_FOLLOWUP) != 0)
    return TRUE;
  f = wb_follow_up_deserialize (record->plaintext, NULL);
  if (f == NULL || (due = wb_follow_up_get_due (f)) == NULL)
    return TRUE;
  return wb_vault_set_followup (self->vault, &record->id,
                                g_date_time_to_unix (due) * G_USEC_PER_SEC +
                                g_date_time_get_microsecond (due),
                                wb_follow_up_get_state (f), error);
}

void
wb_store_index_finalize (WbStore *self)
{
  if (self->rows)
    wipe_rows (self);
  g_clear_pointer (&self->rows, g_hash_table_unref);
}

/* Public API */

/**
 * wb_store_dup_index_rows:
 *
 * A snapshot of the case index: empty while locked and until the index
 * is built after unlocking ("index-changed" tells when). Rows are shared
 * and must not be changed.
 *
 * Returns: (transfer full) (element-type WbCaseRow): the rows, in no order
 */
GPtrArray *
wb_store_dup_index_rows (WbStore *self)
{
  GPtrArray *rows;
  GHashTableIter iter;
  WbCaseRow *row;

  g_return_val_if_fail (WB_IS_STORE (self), NULL);

  rows = g_ptr_array_new_full (g_hash_table_size (self->rows), (GDestroyNotify) wb_case_row_unref);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    g_ptr_array_add (rows, wb_case_row_ref (row));
  return rows;
}

/**
 * wb_store_lookup_index_row:
 * @case_id: 32 hex characters
 *
 * Returns: (transfer full) (nullable): the row of the case
 */
WbCaseRow *
wb_store_lookup_index_row (WbStore    *self,
                           const char *case_id)
{
  WbCaseRow *row;

  g_return_val_if_fail (WB_IS_STORE (self) && case_id != NULL, NULL);

  row = g_hash_table_lookup (self->rows, case_id);
  return row ? wb_case_row_ref (row) : NULL;
}

/* Records that could not be opened or parsed when the index was built. */
guint
wb_store_get_index_n_damaged (WbStore *self)
{
  g_return_val_if_fail (WB_IS_STORE (self), 0);
  return self->index_n_damaged;
}
