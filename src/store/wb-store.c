/* wb-store.c: the vault behind one database worker thread, for the GUI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One worker thread owns the WbVault and its SQLite connection; requests
 * reach it through an async queue and answer through GTask, whose callbacks
 * run on the caller's main context. Argon2id runs on the worker too, so an
 * unlock never blocks the window.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "wb-db.h"
#include "wb-store-private.h"

G_DEFINE_FINAL_TYPE (WbStore, wb_store, G_TYPE_OBJECT)

enum { PROP_0, PROP_PATH, PROP_LOCKED, PROP_INITIALIZED, PROP_N_ACCOUNTS, N_PROPS };
enum { CHANGED, INDEX_CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef WbStoreJob Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job->s1);
  g_free (job->s2);
  if (job->secret)
    sodium_free (job->secret);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_free (job);
}

char *
wb_store_secret_dup (const char *secret)
{
  gsize len = strlen (secret) + 1;
  char *copy = sodium_malloc (len);

  g_assert (copy != NULL);
  memcpy (copy, secret, len);
  return copy;
}

WbVaultAccount *
wb_store_account_copy (const WbVaultAccount *account)
{
  WbVaultAccount *copy;

  if (account == NULL)
    return NULL;
  copy = g_new0 (WbVaultAccount, 1);
  copy->id = account->id;
  copy->name = g_strdup (account->name);
  copy->display_name = g_strdup (account->display_name);
  copy->role = account->role;
  return copy;
}

WbStoreRecord *
wb_store_record_new (const char       *kind,
                     const WbRecordId *id,
                     GBytes           *plaintext)
{
  WbStoreRecord *r = g_new0 (WbStoreRecord, 1);

  r->kind = g_strdup (kind);
  r->id = *id;
  r->plaintext = g_bytes_ref (plaintext);
  return r;
}

void
wb_store_record_free (WbStoreRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->kind);
  g_bytes_unref (record->plaintext);
  g_free (record);
}

/* Posting to the owner context */

typedef struct
{
  WbStore        *self;
  char           *kind;
  char           *id;
  gboolean        locked;
  gboolean        initialized;
  guint           n_accounts;
  WbVaultAccount *actor;
} Notice;

static void
notice_free (gpointer data)
{
  Notice *n = data;

  g_object_unref (n->self);
  g_free (n->kind);
  g_free (n->id);
  g_clear_pointer (&n->actor, wb_vault_account_free);
  g_free (n);
}

static gboolean
emit_changed_cb (gpointer data)
{
  Notice *n = data;

  g_signal_emit (n->self, signals[CHANGED], 0, n->kind, n->id);
  return G_SOURCE_REMOVE;
}

/* The actor is in place before "locked" is notified, so a handler of
 * notify::locked or the unlock callback already sees who signed in. */
static gboolean
set_state_cb (gpointer data)
{
  Notice *n = data;
  WbStore *self = n->self;

  g_clear_pointer (&self->actor, wb_vault_account_free);
  self->actor = g_steal_pointer (&n->actor);
  if (self->initialized != n->initialized)
    {
      self->initialized = n->initialized;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALIZED]);
    }
  if (self->n_accounts != n->n_accounts)
    {
      self->n_accounts = n->n_accounts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCOUNTS]);
    }
  if (self->locked != n->locked)
    {
      self->locked = n->locked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
    }
  return G_SOURCE_REMOVE;
}

static void
vault_changed_cb (const char       *kind,
                  const WbRecordId *id,
                  gpointer          user_data)
{
  WbStore *self = user_data;
  Notice *n = g_new0 (Notice, 1);

  n->self = g_object_ref (self);
  n->kind = g_strdup (kind);
  n->id = wb_record_id_to_string (id);
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, emit_changed_cb, n, notice_free);
}

void
wb_store_post_state (WbStore *self)
{
  Notice *n = g_new0 (Notice, 1);

  n->self = g_object_ref (self);
  n->locked = self->vault == NULL || wb_vault_is_locked (self->vault);
  if (n->locked)
    wb_store_index_clear (self);
  if (self->vault != NULL)
    {
      n->initialized = wb_vault_is_initialized (self->vault);
      n->n_accounts = wb_vault_count_accounts (self->vault);
      n->actor = wb_store_account_copy (wb_vault_get_actor (self->vault));
    }
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, set_state_cb, n, notice_free);
}

/* Worker */

static gboolean
unref_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static gpointer
worker_main (gpointer data)
{
  WbStore *self = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  Job *job;

  g_main_context_push_thread_default (context);
  while ((job = g_async_queue_pop (self->queue)) != NULL && job->func != NULL)
    {
      if (!g_task_return_error_if_cancelled (job->task))
        job->func (self, job);
      /* The caller may drop the store as soon as its callback ran. The
       * task holds the store, so its last reference is dropped on the
       * owner context, after that callback: finalizing on this thread
       * would join the thread itself. */
      g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, unref_cb,
                                  g_steal_pointer (&job->task), NULL);
      job_free (job);
    }
  if (job)
    job_free (job);
  g_clear_pointer (&self->index, wb_case_index_free);
  g_clear_pointer (&self->vault, wb_vault_free);
  g_main_context_pop_thread_default (context);
  return NULL;
}

gboolean
wb_store_need_vault (WbStore *self,
                     Job     *job)
{
  if (self->vault != NULL)
    return TRUE;
  g_task_return_new_error (job->task, WB_STORE_ERROR, WB_STORE_ERROR_NOT_INITIALIZED,
                           "%s", _("The vault is not open."));
  return FALSE;
}

void
wb_store_return_bool (Job     *job,
                      gboolean ok,
                      GError  *error)
{
  if (ok)
    g_task_return_boolean (job->task, TRUE);
  else
    g_task_return_error (job->task, error);
}

/* Returns @result, or @error (taken) when @result is NULL. */
void
wb_store_return_pointer (Job            *job,
                         gpointer        result,
                         GDestroyNotify  result_free,
                         GError         *error)
{
  if (result != NULL)
    g_task_return_pointer (job->task, result, result_free);
  else
    g_task_return_error (job->task, error);
}

static void
do_open (WbStore *self,
         Job     *job)
{
  GError *error = NULL;

  if (self->vault == NULL)
    {
      self->vault = wb_vault_open (self->path, &error);
      if (self->vault)
        wb_vault_set_changed_func (self->vault, vault_changed_cb, self);
    }
  wb_store_post_state (self);
  wb_store_return_bool (job, self->vault != NULL, error);
}

static void
do_create (WbStore *self,
           Job     *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_create (self->vault, job->s1, job->s2, job->secret,
                        job->has_cost ? &job->cost : NULL, &error);
  wb_store_post_state (self);
  wb_store_return_bool (job, ok, error);
  if (ok)
    wb_store_index_build (self);
}

static void
do_unlock (WbStore *self,
           Job     *job)
{
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  ok = wb_vault_unlock (self->vault, job->s1, job->secret, job->flag, &error);
  wb_store_post_state (self);
  /* The caller learns first, so the window can leave the unlock page while
   * the index is read. */
  wb_store_return_bool (job, ok, error);
  if (ok)
    wb_store_index_build (self);
}

static void
do_lock (WbStore *self,
         Job     *job)
{
  if (self->vault)
    wb_vault_lock (self->vault);
  wb_store_post_state (self);
  g_task_return_boolean (job->task, TRUE);
}

static void
do_put_many (WbStore *self,
             Job     *job)
{
  g_autoptr(WbCaseIndexChange) change = NULL;
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  change = self->index ? wb_case_index_change_new () : NULL;
  ok = wb_vault_begin (self->vault, &error);
  for (guint i = 0; ok && i < job->records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (job->records, i);

      wb_store_index_note_put (self, change, r);
      ok = wb_vault_put (self->vault, r->kind, &r->id, r->plaintext, &error) &&
           wb_store_sync_followup (self, r, &error);
    }
  if (ok)
    ok = wb_vault_commit (self->vault, &error);
  else
    wb_vault_rollback (self->vault);
  if (ok)
    wb_store_index_apply (self, change);
  wb_store_return_bool (job, ok, error);
}

static void
do_delete (WbStore *self,
           Job     *job)
{
  g_autoptr(WbCaseIndexChange) change = NULL;
  GError *error = NULL;
  gboolean ok;

  if (!wb_store_need_vault (self, job))
    return;
  change = self->index ? wb_case_index_change_new () : NULL;
  ok = wb_vault_begin (self->vault, &error);
  if (ok)
    {
      wb_store_index_note_delete (self, change, &job->id);
      ok = wb_vault_delete (self->vault, &job->id, &error);
    }
  if (ok)
    ok = wb_vault_commit (self->vault, &error);
  else
    wb_vault_rollback (self->vault);
  if (ok)
    wb_store_index_apply (self, change);
  wb_store_return_bool (job, ok, error);
}

static void
do_get (WbStore *self,
        Job     *job)
{
  GError *error = NULL;
  GBytes *b;

  if (!wb_store_need_vault (self, job))
    return;
  b = wb_vault_get (self->vault, &job->id, NULL, &error);
  if (b)
    g_task_return_pointer (job->task, b, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (job->task, error);
}

static void
do_list_kind (WbStore *self,
              Job     *job)
{
  GError *error = NULL;
  GArray *ids;

  if (!wb_store_need_vault (self, job))
    return;
  ids = wb_vault_list_ids (self->vault, job->s1, &error);
  if (ids)
    g_task_return_pointer (job->task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (job->task, error);
}

Job *
wb_store_job_new (WbStore             *self,
                  WbStoreJobFunc       func,
                  gpointer             tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, tag);
  /* Cancelling only stops a job that has not started: once it ran, its
   * result (a new slot, a recovery key) is what the caller must see. */
  g_task_set_check_cancellable (job->task, FALSE);
  return job;
}

/* A job about the case @case_id, with job->id set; NULL when @case_id is
 * no record id, after reporting that the case does not exist. */
Job *
wb_store_case_job_new (WbStore             *self,
                       const char          *case_id,
                       WbStoreJobFunc       func,
                       gpointer             tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  WbRecordId id;
  Job *job;

  if (!wb_record_id_from_string (case_id, &id))
    {
      g_task_report_new_error (self, callback, user_data, tag,
                               WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                               "%s", _("This case does not exist."));
      return NULL;
    }
  job = wb_store_job_new (self, func, tag, cancellable, callback, user_data);
  job->id = id;
  return job;
}

void
wb_store_job_push (WbStore *self,
                   Job     *job)
{
  g_async_queue_push (self->queue, job);
}

/* Without a cost the vault calibrates Argon2id on the worker, never here on
 * the main thread; a test may have set a cheaper default. */
void
wb_store_job_set_cost (WbStore         *self,
                       Job             *job,
                       const WbKdfCost *cost)
{
  if (cost == NULL && self->has_test_cost)
    cost = &self->test_cost;
  if (cost != NULL)
    {
      job->cost = *cost;
      job->has_cost = TRUE;
    }
}

/* GObject */

static void
wb_store_constructed (GObject *object)
{
  WbStore *self = WB_STORE (object);

  G_OBJECT_CLASS (wb_store_parent_class)->constructed (object);
  if (self->path == NULL)
    self->path = wb_store_default_path ();
  self->owner_context = g_main_context_ref_thread_default ();
  self->queue = g_async_queue_new ();
  self->thread = g_thread_new ("wb-store", worker_main, self);
}

static void
wb_store_finalize (GObject *object)
{
  WbStore *self = WB_STORE (object);

  /* A job without func ends the worker, which closes the vault itself. */
  g_async_queue_push (self->queue, g_new0 (Job, 1));
  g_thread_join (self->thread);
  g_async_queue_unref (self->queue);
  g_main_context_unref (self->owner_context);
  g_clear_pointer (&self->actor, wb_vault_account_free);
  wb_store_index_finalize (self);
  g_free (self->path);
  G_OBJECT_CLASS (wb_store_parent_class)->finalize (object);
}

static void
wb_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WbStore *self = WB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_INITIALIZED:
      g_value_set_boolean (value, self->initialized);
      break;
    case PROP_N_ACCOUNTS:
      g_value_set_uint (value, self->n_accounts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WbStore *self = WB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_store_class_init (WbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_store_constructed;
  object_class->finalize = wb_store_finalize;
  object_class->get_property = wb_store_get_property;
  object_class->set_property = wb_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Known once the open job ran; FALSE until then. */
  properties[PROP_INITIALIZED] =
    g_param_spec_boolean ("initialized", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Key slots of accounts; readable while locked. */
  properties[PROP_N_ACCOUNTS] =
    g_param_spec_uint ("n-accounts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on the main context of the thread that made the store, after
   * the transaction that changed the record committed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /* The case index was built, updated or emptied: take a new snapshot
   * with wb_store_dup_index_rows(). */
  signals[INDEX_CHANGED] =
    g_signal_new ("index-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wb_store_init (WbStore *self)
{
  self->locked = TRUE;
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) wb_case_row_unref);
}

void
wb_store_emit_index_changed (WbStore *self)
{
  g_signal_emit (self, signals[INDEX_CHANGED], 0);
}

/* Public API */

WbStore *
wb_store_new (const char *path)
{
  return g_object_new (WB_TYPE_STORE, "path", path, NULL);
}

const char *
wb_store_get_path (WbStore *self)
{
  g_return_val_if_fail (WB_IS_STORE (self), NULL);
  return self->path;
}

gboolean
wb_store_get_locked (WbStore *self)
{
  g_return_val_if_fail (WB_IS_STORE (self), TRUE);
  return self->locked;
}

gboolean
wb_store_get_initialized (WbStore *self)
{
  g_return_val_if_fail (WB_IS_STORE (self), FALSE);
  return self->initialized;
}

guint
wb_store_get_n_accounts (WbStore *self)
{
  g_return_val_if_fail (WB_IS_STORE (self), 0);
  return self->n_accounts;
}

const WbVaultAccount *
wb_store_get_actor (WbStore *self)
{
  g_return_val_if_fail (WB_IS_STORE (self), NULL);
  return self->actor;
}

void
wb_store_set_kdf_cost_for_testing (WbStore         *self,
                                   const WbKdfCost *cost)
{
  g_return_if_fail (WB_IS_STORE (self));
  self->has_test_cost = cost != NULL;
  if (cost != NULL)
    self->test_cost = *cost;
}

void
wb_store_open_async (WbStore             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (WB_IS_STORE (self));
  wb_store_job_push (self, wb_store_job_new (self, do_open, wb_store_open_async, cancellable, callback, user_data));
}

WB_STORE_FINISH_BOOL (wb_store_open_finish)

void
wb_store_create_async (WbStore             *self,
                       const char          *name,
                       const char          *display_name,
                       const char          *passphrase,
                       const WbKdfCost     *cost,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WB_IS_STORE (self) && name != NULL && passphrase != NULL);
  job = wb_store_job_new (self, do_create, wb_store_create_async, cancellable, callback, user_data);
  job->s1 = g_strdup (name);
  job->s2 = g_strdup (display_name);
  job->secret = wb_store_secret_dup (passphrase);
  wb_store_job_set_cost (self, job, cost);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_create_finish)

void
wb_store_unlock_async (WbStore             *self,
                       const char          *name,
                       const char          *passphrase,
                       gboolean             allow_test_cost,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WB_IS_STORE (self) && passphrase != NULL);
  job = wb_store_job_new (self, do_unlock, wb_store_unlock_async, cancellable, callback, user_data);
  job->s1 = g_strdup (name);
  job->secret = wb_store_secret_dup (passphrase);
  job->flag = allow_test_cost || self->has_test_cost;
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_unlock_finish)

void
wb_store_lock_async (WbStore             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (WB_IS_STORE (self));
  wb_store_job_push (self, wb_store_job_new (self, do_lock, wb_store_lock_async, NULL, callback, user_data));
}

WB_STORE_FINISH_BOOL (wb_store_lock_finish)

void
wb_store_put_async (WbStore             *self,
                    const char          *kind,
                    const WbRecordId    *id,
                    GBytes              *plaintext,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);

  g_return_if_fail (WB_IS_STORE (self) && kind != NULL && id != NULL && plaintext != NULL);
  g_ptr_array_add (records, wb_store_record_new (kind, id, plaintext));
  wb_store_put_many_async (self, records, cancellable, callback, user_data);
}

gboolean
wb_store_put_finish (WbStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return wb_store_put_many_finish (self, result, error);
}

void
wb_store_put_many_async (WbStore             *self,
                         GPtrArray           *records,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WB_IS_STORE (self) && records != NULL);
  job = wb_store_job_new (self, do_put_many, wb_store_put_many_async, cancellable, callback, user_data);
  job->records = g_ptr_array_ref (records);
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_put_many_finish)

void
wb_store_get_async (WbStore             *self,
                    const WbRecordId    *id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WB_IS_STORE (self) && id != NULL);
  job = wb_store_job_new (self, do_get, wb_store_get_async, cancellable, callback, user_data);
  job->id = *id;
  wb_store_job_push (self, job);
}

GBytes *
wb_store_get_finish (WbStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wb_store_list_kind_async (WbStore             *self,
                          const char          *kind,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WB_IS_STORE (self) && kind != NULL);
  job = wb_store_job_new (self, do_list_kind, wb_store_list_kind_async, cancellable, callback, user_data);
  job->s1 = g_strdup (kind);
  wb_store_job_push (self, job);
}

GArray *
wb_store_list_kind_finish (WbStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wb_store_delete_async (WbStore             *self,
                       const WbRecordId    *id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WB_IS_STORE (self) && id != NULL);
  job = wb_store_job_new (self, do_delete, wb_store_delete_async, cancellable, callback, user_data);
  job->id = *id;
  wb_store_job_push (self, job);
}

WB_STORE_FINISH_BOOL (wb_store_delete_finish)
