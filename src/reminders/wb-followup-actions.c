/* wb-followup-actions.c: what a user does to a follow-up, written through the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the reminder popups, the Nazorg page, the case page and the
 * intake: each change reads the sealed record, changes it with core's rules
 * and writes it back in one transaction (a follow-up done also writes its
 * timeline entry in that transaction).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-core.h"
#include "wb-followup-actions.h"

typedef struct
{
  char      *follow_up_id;
  char      *outcome;
  GDateTime *when;
  gboolean   complete;
} Change;

static void
change_free (Change *change)
{
  g_free (change->follow_up_id);
  g_free (change->outcome);
  g_clear_pointer (&change->when, g_date_time_unref);
  g_free (change);
}

static gboolean
parse_id (const char  *str,
          WbRecordId  *id,
          GError     **error)
{
  if (str != NULL && wb_record_id_from_string (str, id))
    return TRUE;
  g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND, "%s",
               _("The follow-up was not found."));
  return FALSE;
}

static WbStoreRecord *
record_new (const char  *kind,
            const char  *id_str,
            GBytes      *bytes,
            GError     **error)
{
  WbRecordId id;

  if (!parse_id (id_str, &id, error))
    return NULL;
  return wb_store_record_new (kind, &id, bytes);
}

/* Plans */

/**
 * wb_followup_plan_records:
 * @assignee: (nullable): the account id of the contact person
 * @start_local: (nullable): the start of aftercare; %NULL for now
 *
 * The follow-ups @plan yields for a case, as records for the caller's own
 * transaction (the intake saves them with the case).
 *
 * Returns: (transfer container) (element-type WbStoreRecord): the records,
 *   or %NULL when a follow-up would not be valid
 */
GPtrArray *
wb_followup_plan_records (const WbAftercarePlan  *plan,
                          const char             *case_id,
                          const char             *assignee,
                          GDateTime              *start_local,
                          GError                **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeZone *tz = wb_due_get_time_zone ();

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (start_local == NULL)
    start_local = now = g_date_time_new_now (tz);

  follow_ups = wb_aftercare_plan_apply (plan, case_id, start_local, tz);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (follow_ups, i);
      g_autoptr(GBytes) bytes = NULL;
      WbStoreRecord *record;

      if (assignee != NULL && *assignee != '\0')
        wb_follow_up_set_assignee (f, assignee);
      if (!wb_follow_up_check (f, error))
        return NULL;
      bytes = wb_follow_up_serialize (f);
      record = record_new (WB_KIND_FOLLOWUP, wb_follow_up_get_id (f), bytes, error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

static void
plan_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (wb_store_put_many_finish (WB_STORE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * wb_followup_apply_plan_async:
 *
 * Saves the follow-ups of @plan for a case that already exists, in one
 * transaction.
 */
void
wb_followup_apply_plan_async (WbStore               *store,
                              const WbAftercarePlan *plan,
                              const char            *case_id,
                              const char            *assignee,
                              GDateTime             *start_local,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;

  g_return_if_fail (WB_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, wb_followup_apply_plan_async);
  records = wb_followup_plan_records (plan, case_id, assignee, start_local, &error);
  if (records == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  wb_store_put_many_async (store, records, cancellable, plan_saved_cb, g_steal_pointer (&task));
}

gboolean
wb_followup_apply_plan_finish (WbStore       *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Loading */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  WbFollowUp *f;

  bytes = wb_store_get_finish (WB_STORE (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  f = wb_follow_up_deserialize (bytes, &error);
  if (f == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, f, g_object_unref);
}

void
wb_followup_load_async (WbStore             *store,
                        const char          *follow_up_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  WbRecordId id;

  g_return_if_fail (WB_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, wb_followup_load_async);
  if (!parse_id (follow_up_id, &id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  wb_store_get_async (store, &id, cancellable, loaded_cb, g_steal_pointer (&task));
}

/**
 * wb_followup_load_finish:
 *
 * Returns: (transfer full): the follow-up
 */
WbFollowUp *
wb_followup_load_finish (WbStore       *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Snoozing and completing */

static void
change_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (wb_store_put_many_finish (WB_STORE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
add_timeline_entry (WbStore     *store,
                    WbFollowUp  *f,
                    Change      *change,
                    GPtrArray   *records,
                    GError     **error)
{
  const WbVaultAccount *actor = wb_store_get_actor (store);
  g_autoptr(WbTimelineEntry) entry = wb_timeline_entry_new ();
  g_autofree char *author = NULL;
  g_autoptr(GBytes) bytes = NULL;
  WbStoreRecord *record;

  if (actor == NULL)
    {
      g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED, "%s",
                   _("Sign in with your own account to mark a follow-up done."));
      return FALSE;
    }
  author = wb_record_id_to_string (&actor->id);
  wb_timeline_entry_set_case_id (entry, wb_follow_up_get_case_id (f));
  wb_timeline_entry_set_kind (entry, WB_TIMELINE_KIND_FOLLOW_UP_DONE);
  wb_timeline_entry_set_author (entry, author);
  wb_timeline_entry_set_time (entry, change->when);
  wb_timeline_entry_set_text (entry, change->outcome);
  if (!wb_timeline_entry_check (entry, error))
    return FALSE;
  bytes = wb_timeline_entry_serialize (entry);
  record = record_new (WB_KIND_TIMELINE, wb_timeline_entry_get_id (entry), bytes, error);
  if (record == NULL)
    return FALSE;
  g_ptr_array_add (records, record);
  return TRUE;
}

static void
change_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WbStore *store = WB_STORE (object);
  Change *change = g_task_get_task_data (task);
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GBytes) bytes = NULL;
  WbStoreRecord *record;
  GCancellable *cancellable;
  GError *error = NULL;

  f = wb_followup_load_finish (store, result, &error);
  if (f == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A second click on an old popup must not write a second outcome. */
  if (wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_DONE
      || wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_CANCELLED)
    {
      g_task_return_new_error (task, WB_STORE_ERROR, WB_STORE_ERROR_INVALID, "%s",
                               _("This follow-up is no longer open."));
      return;
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  if (change->complete)
    {
      wb_follow_up_set_state (f, WB_FOLLOW_UP_STATE_DONE);
      wb_follow_up_set_outcome (f, change->outcome);
      if (!add_timeline_entry (store, f, change, records, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      wb_follow_up_set_state (f, WB_FOLLOW_UP_STATE_SNOOZED);
      wb_follow_up_set_due (f, change->when);
    }

  if (!wb_follow_up_check (f, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  bytes = wb_follow_up_serialize (f);
  record = record_new (WB_KIND_FOLLOWUP, wb_follow_up_get_id (f), bytes, &error);
  if (record == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_insert (records, 0, record);
  cancellable = g_task_get_cancellable (task);
  wb_store_put_many_async (store, records, cancellable, change_saved_cb, g_steal_pointer (&task));
}

static void
start_change (WbStore             *store,
              Change              *change,
              gpointer             tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, change, (GDestroyNotify) change_free);
  wb_followup_load_async (store, change->follow_up_id, cancellable, change_loaded_cb, task);
}

/**
 * wb_followup_snooze_async:
 * @until: the new due moment
 *
 * Marks the follow-up snoozed and moves its due moment to @until.
 */
void
wb_followup_snooze_async (WbStore             *store,
                          const char          *follow_up_id,
                          GDateTime           *until,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Change *change;

  g_return_if_fail (WB_IS_STORE (store));
  g_return_if_fail (until != NULL);

  change = g_new0 (Change, 1);
  change->follow_up_id = g_strdup (follow_up_id);
  change->when = g_date_time_ref (until);
  start_change (store, change, wb_followup_snooze_async, cancellable, callback, user_data);
}

gboolean
wb_followup_snooze_finish (WbStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * wb_followup_complete_async:
 * @outcome: what came of it; goes into the case timeline
 * @when: (nullable): when it was done; %NULL for now
 *
 * Marks the follow-up done with @outcome and adds a "follow-up done" entry
 * by the signed-in account to the case timeline, in one transaction.
 */
void
wb_followup_complete_async (WbStore             *store,
                            const char          *follow_up_id,
                            const char          *outcome,
                            GDateTime           *when,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Change *change;

  g_return_if_fail (WB_IS_STORE (store));

  change = g_new0 (Change, 1);
  change->follow_up_id = g_strdup (follow_up_id);
  change->outcome = g_strstrip (g_strdup (outcome != NULL ? outcome : ""));
  change->when = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  change->complete = TRUE;
  start_change (store, change, wb_followup_complete_async, cancellable, callback, user_data);
}

gboolean
wb_followup_complete_finish (WbStore       *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
