/* wb-record-scan.c: read every record of some kinds, parsing them on a few threads.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building the case index spent most of its time parsing GVariants, one
 * record after the other. Here the calling thread steps through SQLite and
 * decrypts, pool threads parse batches of records, and the calling thread
 * merges the batches in their original order, so the result is the same
 * as reading them one by one. Plaintexts stay in memory only until their
 * batch is merged, and are wiped when freed (see wb_vault_unseal()).
 *
 * The threads are started and joined by each scan rather than taken from
 * GLib's shared thread pool: a process forked after a scan (the purge
 * tests do) would otherwise hand its batches to idle pool threads that
 * only existed in the parent, and wait for ever.
 */
#include "config.h"

#include "wb-record-scan.h"

#define BATCH_SIZE 256
/* Batches parsed or waiting before the reader stops to merge the oldest:
 * bounds the plaintext held at once. */
#define MAX_PENDING 8
#define MAX_THREADS 4

typedef struct
{
  const char     *kind;
  guint           n;
  gboolean        done;
  WbRecordId      ids[BATCH_SIZE];
  GBytes         *plain[BATCH_SIZE];
  gboolean        ok[BATCH_SIZE];
  WbRecordFields  fields[BATCH_SIZE];
} Batch;

typedef struct
{
  GAsyncQueue       *work;
  GThread           *threads[MAX_THREADS];
  guint              n_threads;
  GQueue             pending;
  GMutex             lock;
  GCond              cond;
  Batch             *filling;
  const char        *kind;
  WbRecordParseFunc  parse;
  WbRecordMergeFunc  merge;
  gpointer           user_data;
} Scan;

/* Pushed once per thread to end it. */
static Batch stop;

static void
parse_batch (Batch *b,
             Scan  *s)
{
  for (guint i = 0; i < b->n; i++)
    if (b->plain[i] != NULL)
      b->ok[i] = s->parse (b->kind, b->plain[i], &b->fields[i]);
  g_mutex_lock (&s->lock);
  b->done = TRUE;
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
}

static gpointer
parse_thread (gpointer data)
{
  Scan *s = data;
  Batch *b;

  while ((b = g_async_queue_pop (s->work)) != &stop)
    parse_batch (b, s);
  return NULL;
}

static void
merge_oldest (Scan *s)
{
  Batch *b = g_queue_pop_head (&s->pending);

  g_mutex_lock (&s->lock);
  while (!b->done)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);

  for (guint i = 0; i < b->n; i++)
    {
      s->merge (b->kind, &b->ids[i], b->ok[i] ? &b->fields[i] : NULL, s->user_data);
      wb_record_fields_clear (&b->fields[i]);
      g_clear_pointer (&b->plain[i], g_bytes_unref);
    }
  g_free (b);
}

static void
submit (Scan *s)
{
  Batch *b = g_steal_pointer (&s->filling);

  if (b == NULL)
    return;
  g_queue_push_tail (&s->pending, b);
  g_async_queue_push (s->work, b);
  if (s->pending.length > MAX_PENDING)
    merge_oldest (s);
}

static gboolean
collect_cb (const WbRecordId *id,
            GBytes           *plaintext,
            const GError     *damage,
            gpointer          user_data)
{
  Scan *s = user_data;
  Batch *b;

  if (s->filling == NULL)
    {
      s->filling = g_new0 (Batch, 1);
      s->filling->kind = s->kind;
    }
  b = s->filling;
  b->ids[b->n] = *id;
  b->plain[b->n] = plaintext ? g_bytes_ref (plaintext) : NULL;
  b->n++;
  if (b->n == BATCH_SIZE)
    submit (s);
  return TRUE;
}

/**
 * wb_record_scan:
 * @kinds: read in this order
 *
 * Calls @parse for every record of @kinds on pool threads and @merge for
 * each on this thread, in the vault's order. On an error, the records read
 * so far are still merged before this returns FALSE.
 */
gboolean
wb_record_scan (WbVault            *vault,
                const char * const *kinds,
                guint               n_kinds,
                WbRecordParseFunc   parse,
                WbRecordMergeFunc   merge,
                gpointer            user_data,
                GError            **error)
{
  Scan s = { 0 };
  gboolean ok = TRUE;

  s.parse = parse;
  s.merge = merge;
  s.user_data = user_data;
  g_mutex_init (&s.lock);
  g_cond_init (&s.cond);
  g_queue_init (&s.pending);
  s.work = g_async_queue_new ();
  s.n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  for (guint i = 0; i < s.n_threads; i++)
    s.threads[i] = g_thread_new ("wb-scan", parse_thread, &s);

  for (guint k = 0; ok && k < n_kinds; k++)
    {
      s.kind = kinds[k];
      ok = wb_vault_foreach (vault, kinds[k], collect_cb, &s, error);
      submit (&s);
    }
  while (s.pending.length > 0)
    merge_oldest (&s);

  for (guint i = 0; i < s.n_threads; i++)
    g_async_queue_push (s.work, &stop);
  for (guint i = 0; i < s.n_threads; i++)
    g_thread_join (s.threads[i]);
  g_async_queue_unref (s.work);
  g_cond_clear (&s.cond);
  g_mutex_clear (&s.lock);
  return ok;
}
