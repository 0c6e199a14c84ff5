/* bench-weerbaar.c: one benchmark workload per process run, for run-bench.py (measures, never asserts).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-weerbaar generate VAULT PLAIN N SEED   the vault and its plaintext twin
 *   bench-weerbaar unlock VAULT                  open, unlock, build the inbox index
 *   bench-weerbaar plain-unlock PLAIN            read and parse the same records unencrypted
 *   bench-weerbaar search VAULT                  50 typed queries against the index
 *   bench-weerbaar insert VAULT | plain-insert PLAIN   intake-sized transactions
 *   bench-weerbaar calibrate                     what Argon2id calibration picks
 *   bench-weerbaar plain-prepare PLAIN           brings a cached twin to the current schema
 * Built a second time against SQLCipher (bench-sqlcipher, -DWB_BENCH_SQLCIPHER),
 * the plain-* commands open the database with a raw 256-bit key, and
 *   bench-sqlcipher import PLAIN CIPHER          copies the plaintext twin in
 * Each prints key=value lines. Key slots are made at test cost through the
 * library parameter (wb_kdf_cost_test()), so Argon2id does not hide the rest.
 */
#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "wb-case-index.h"
#include "wb-core.h"
#include "wb-demo.h"
#include "wb-fold.h"
#include "wb-inbox-filter.h"
#include "wb-kdf.h"
#include "wb-record-fields.h"
#include "wb-regions.h"

#define PASS "bench passphrase 1"
#define INSERT_REPS 20
#define N_QUERIES 50

typedef struct
{
  const char *kind;
  GBytes     *bytes;
  WbRecordId  id;
  gint64      due;
  int         state;
  gboolean    is_follow_up;
} Rec;

static void
rec_free (gpointer data)
{
  Rec *r = data;

  g_bytes_unref (r->bytes);
  g_free (r);
}

static void
add (GPtrArray  *out,
     const char *kind,
     const char *hex,
     GBytes     *bytes)
{
  Rec *r = g_new0 (Rec, 1);

  r->kind = kind;
  r->bytes = bytes;
  g_assert_true (wb_record_id_from_string (hex, &r->id));
  g_ptr_array_add (out, r);
}

/* The records of one generated case, as the intake wizard writes them. */
static GPtrArray *
case_records (WbDemoCase *dc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (rec_free);

  add (out, WB_KIND_CASE, wb_case_get_id (dc->case_), wb_case_serialize (dc->case_));
  add (out, WB_KIND_INCIDENT, wb_incident_get_id (dc->incident), wb_incident_serialize (dc->incident));
  add (out, WB_KIND_NEEDS, wb_needs_get_id (dc->needs), wb_needs_serialize (dc->needs));
  add (out, WB_KIND_CONSENT, wb_consent_get_id (dc->consent), wb_consent_serialize (dc->consent));
  for (guint i = 0; i < dc->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (dc->people, i);
      add (out, WB_KIND_PERSON, wb_person_get_id (p), wb_person_serialize (p));
    }
  for (guint i = 0; i < dc->timeline->len; i++)
    {
      WbTimelineEntry *e = g_ptr_array_index (dc->timeline, i);
      add (out, WB_KIND_TIMELINE, wb_timeline_entry_get_id (e), wb_timeline_entry_serialize (e));
    }
  for (guint i = 0; i < dc->follow_ups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (dc->follow_ups, i);
      GDateTime *due = wb_follow_up_get_due (f);
      Rec *r;

      add (out, WB_KIND_FOLLOWUP, wb_follow_up_get_id (f), wb_follow_up_serialize (f));
      r = g_ptr_array_index (out, out->len - 1);
      r->is_follow_up = TRUE;
      r->due = g_date_time_to_unix (due) * G_USEC_PER_SEC;
      r->state = wb_follow_up_get_state (f);
    }
  return out;
}

static WbDemo *
demo_new (guint32 seed,
          guint   n)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
  const char *accounts[] = { "00000000000000000000000000000001", NULL };

  return wb_demo_new (seed, n, now, accounts, NULL);
}

/* Plaintext twin: the same tables, the same blobs, unencrypted. A fair
 * floor does the same writes as the vault without the encryption: per
 * record a look-up of the existing kind, the record, and an audit entry
 * (the same entry, unsealed, in a hash chain); per transaction the chain's
 * head read once and written once; the due index on follow-ups. */
static void
plain_exec (sqlite3    *db,
            const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("sqlite: %s", msg);
}

static sqlite3 *
plain_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
#ifdef WB_BENCH_SQLCIPHER
  /* A raw key: no PBKDF2, like our test-cost Argon2id, so that key
   * derivation does not hide the rest. Fictional and fixed. */
  plain_exec (db, "PRAGMA key = \"x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'\"");
#endif
  plain_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
                  "PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;"
                  "CREATE TABLE IF NOT EXISTS records (id BLOB PRIMARY KEY, kind TEXT NOT NULL,"
                  " blob BLOB NOT NULL);"
                  "CREATE INDEX IF NOT EXISTS records_kind ON records (kind);"
                  "CREATE TABLE IF NOT EXISTS followups (id BLOB PRIMARY KEY, due INTEGER NOT NULL,"
                  " state INTEGER NOT NULL);"
                  "CREATE INDEX IF NOT EXISTS followups_due ON followups (due);"
                  "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, blob BLOB NOT NULL,"
                  " mac BLOB NOT NULL);"
                  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);");
  return db;
}

typedef struct
{
  gint64 seq;
  guint8 mac[32];
} PlainHead;

static void
plain_begin (sqlite3   *db,
             PlainHead *head)
{
  sqlite3_stmt *st;

  plain_exec (db, "BEGIN IMMEDIATE");
  memset (head, 0, sizeof *head);
  sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'audit_head'", -1, &st, NULL);
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_bytes (st, 0) == sizeof *head)
    memcpy (head, sqlite3_column_blob (st, 0), sizeof *head);
  sqlite3_finalize (st);
}

static void
plain_commit (sqlite3         *db,
              const PlainHead *head)
{
  sqlite3_stmt *st;

  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO meta VALUES ('audit_head', ?)", -1, &st, NULL);
  sqlite3_bind_blob (st, 1, head, sizeof *head, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_DONE);
  sqlite3_finalize (st);
  plain_exec (db, "COMMIT");
}

static void
plain_put (sqlite3   *db,
           GPtrArray *recs,
           PlainHead *head)
{
  static const guint8 actor[WB_RECORD_ID_LEN] = { 1 };
  sqlite3_stmt *put, *due, *kind, *audit;

  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO records VALUES (?, ?, ?)", -1, &put, NULL);
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO followups VALUES (?, ?, ?)", -1, &due, NULL);
  sqlite3_prepare_v2 (db, "SELECT kind FROM records WHERE id = ?", -1, &kind, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO audit VALUES (?, ?, ?)", -1, &audit, NULL);
  for (guint i = 0; i < recs->len; i++)
    {
      Rec *r = g_ptr_array_index (recs, i);
      gsize len;
      const void *data = g_bytes_get_data (r->bytes, &len);
      g_autoptr(GVariant) entry = NULL;
      gboolean exists;

      sqlite3_bind_blob (kind, 1, r->id.bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
      exists = sqlite3_step (kind) == SQLITE_ROW;
      sqlite3_reset (kind);
      entry = g_variant_ref_sink (g_variant_new ("(@ay@ayss@ayxs)",
                                                 g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, head->mac, 32, 1),
                                                 g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, actor, WB_RECORD_ID_LEN, 1),
                                                 exists ? "change" : "create", r->kind,
                                                 g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, r->id.bytes, WB_RECORD_ID_LEN, 1),
                                                 g_get_real_time () / G_USEC_PER_SEC, ""));
      head->seq++;
      crypto_generichash (head->mac, 32, g_variant_get_data (entry), g_variant_get_size (entry),
                          head->mac, 32);
      sqlite3_bind_int64 (audit, 1, head->seq);
      sqlite3_bind_blob (audit, 2, g_variant_get_data (entry), g_variant_get_size (entry), SQLITE_STATIC);
      sqlite3_bind_blob (audit, 3, head->mac, 32, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (audit), ==, SQLITE_DONE);
      sqlite3_reset (audit);

      sqlite3_bind_blob (put, 1, r->id.bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
      sqlite3_bind_text (put, 2, r->kind, -1, SQLITE_STATIC);
      sqlite3_bind_blob (put, 3, data, (int) len, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (put), ==, SQLITE_DONE);
      sqlite3_reset (put);
      if (r->is_follow_up)
        {
          sqlite3_bind_blob (due, 1, r->id.bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
          sqlite3_bind_int64 (due, 2, r->due);
          sqlite3_bind_int (due, 3, r->state);
          g_assert_cmpint (sqlite3_step (due), ==, SQLITE_DONE);
          sqlite3_reset (due);
        }
    }
  sqlite3_finalize (put);
  sqlite3_finalize (due);
  sqlite3_finalize (kind);
  sqlite3_finalize (audit);
}

static void
vault_put (WbVault   *vault,
           GPtrArray *recs)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < recs->len; i++)
    {
      Rec *r = g_ptr_array_index (recs, i);

      g_assert_true (wb_vault_put (vault, r->kind, &r->id, r->bytes, &error));
      if (r->is_follow_up)
        g_assert_true (wb_vault_set_followup (vault, &r->id, r->due, r->state, &error));
    }
  g_assert_no_error (error);
}

static WbVault *
vault_unlocked (const char *path)
{
  g_autoptr(GError) error = NULL;
  WbVault *vault = wb_vault_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (wb_vault_unlock (vault, "bench", PASS, TRUE, &error));
  g_assert_no_error (error);
  return vault;
}

static void
print_rss (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    g_print ("rss_kb=%" G_GINT64_FORMAT "\n", g_ascii_strtoll (hwm + 6, NULL, 10));
}

static int
cmd_generate (const char *vault_path,
              const char *plain_path,
              guint       n,
              guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbDemo) demo = demo_new (seed, n);
  WbVault *vault = wb_vault_open (vault_path, &error);
  sqlite3 *plain = plain_open (plain_path);
  guint done = 0;

  g_assert_no_error (error);
  g_assert_true (wb_vault_create (vault, "bench", "Bench Account", PASS, wb_kdf_cost_test (), &error));
  while (done < n)
    {
      PlainHead head;

      g_assert_true (wb_vault_begin (vault, &error));
      plain_begin (plain, &head);
      for (guint i = 0; i < 500 && done < n; i++, done++)
        {
          g_autoptr(WbDemoCase) dc = wb_demo_next (demo, &error);
          g_autoptr(GPtrArray) recs = NULL;

          g_assert_no_error (error);
          recs = case_records (dc);
          vault_put (vault, recs);
          plain_put (plain, recs, &head);
        }
      g_assert_true (wb_vault_commit (vault, &error));
      plain_commit (plain, &head);
    }
  g_assert_no_error (error);
  sqlite3_close (plain);
  wb_vault_free (vault);
  g_print ("cases=%u\n", n);
  return 0;
}

static int
cmd_unlock (const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  WbVault *vault = vault_unlocked (path);
  WbCaseIndex *index = wb_case_index_build_for_inbox (vault, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  rows = wb_case_index_dup_rows (index);
  g_print ("seconds=%.4f\nrows=%u\n", (g_get_monotonic_time () - start) / 1e6, rows->len);
  print_rss ();
  wb_case_index_free (index);
  wb_vault_free (vault);
  return 0;
}

/* The floor: the same records read and parsed into one row per case, with
 * the same folded search text, without decrypting. */
typedef struct
{
  char    *reference;
  GString *text;
} PlainRow;

static void
plain_row_free (gpointer data)
{
  PlainRow *r = data;

  g_free (r->reference);
  g_string_free (r->text, TRUE);
  g_free (r);
}

static PlainRow *
plain_row (GHashTable       *rows,
           const WbRecordId *id)
{
  PlainRow *r = g_hash_table_lookup (rows, id);

  if (r == NULL)
    {
      r = g_new0 (PlainRow, 1);
      r->text = g_string_new (NULL);
      g_hash_table_insert (rows, g_memdup2 (id, sizeof *id), r);
    }
  return r;
}

static guint
id_hash (gconstpointer key)
{
  guint h;

  memcpy (&h, key, sizeof h);
  return h;
}

static gboolean
id_equal (gconstpointer a,
          gconstpointer b)
{
  return memcmp (a, b, WB_RECORD_ID_LEN) == 0;
}

static int
cmd_plain_unlock (const char *path)
{
  static const char * const kinds[] = {
    WB_KIND_CASE, WB_KIND_PERSON, WB_KIND_INCIDENT, WB_KIND_FOLLOWUP, WB_KIND_TIMELINE,
    WB_KIND_NEEDS, WB_KIND_CONSENT,
  };
  gint64 start = g_get_monotonic_time ();
  sqlite3 *db = plain_open (path);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (id_hash, id_equal, g_free, plain_row_free);
  sqlite3_stmt *st;
  GHashTableIter iter;
  PlainRow *r;

  sqlite3_prepare_v2 (db, "SELECT id, blob FROM records WHERE kind = ?", -1, &st, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      sqlite3_bind_text (st, 1, kinds[k], -1, SQLITE_STATIC);
      while (sqlite3_step (st) == SQLITE_ROW)
        {
          g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (st, 1), sqlite3_column_bytes (st, 1));
          g_auto(WbRecordFields) f;
          WbRecordId id;

          memcpy (id.bytes, sqlite3_column_blob (st, 0), WB_RECORD_ID_LEN);
          if (g_str_equal (kinds[k], WB_KIND_NEEDS) || g_str_equal (kinds[k], WB_KIND_CONSENT))
            {
              g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
              const char *case_id = NULL;

              memset (&f, 0, sizeof f);
              if (g_variant_lookup (v, "case-id", "&s", &case_id) &&
                  wb_record_id_from_string (case_id, &id))
                plain_row (rows, &id);
              continue;
            }
          if (!wb_record_fields_read (&f, kinds[k], bytes))
            continue;
          r = plain_row (rows, k == 0 ? &id : &f.case_id);
          if (f.reference)
            r->reference = g_strdup (f.reference);
          if (f.name)
            g_string_append_printf (r->text, "\n%s", f.name);
          if (f.municipality)
            g_string_append_printf (r->text, "\n%s\n%s", f.municipality,
                                    wb_regions_get_area_name (f.municipality) ?: "");
          if (f.description)
            g_string_append_printf (r->text, "\n%s", f.description);
        }
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    {
      g_autofree char *folded = wb_fold_for_search (r->text->str);

      g_string_assign (r->text, folded);
    }
  g_print ("seconds=%.4f\nrows=%u\n", (g_get_monotonic_time () - start) / 1e6,
           g_hash_table_size (rows));
  print_rss ();
  sqlite3_close (db);
  return 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static char *
prefix (const char *s,
        guint       n_chars)
{
  const char *end = s;

  for (guint i = 0; i < n_chars && *end; i++)
    end = g_utf8_next_char (end);
  return g_strndup (s, end - s);
}

static int
cmd_search (const char *path)
{
  g_autoptr(GError) error = NULL;
  WbVault *vault = vault_unlocked (path);
  WbCaseIndex *index = wb_case_index_build_for_inbox (vault, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree WbInboxCase *cases = NULL;
  WbInboxFilter *filter = wb_inbox_filter_new ();
  guint matched = 0;

  g_assert_no_error (error);
  rows = wb_case_index_dup_rows (index);
  g_assert_cmpuint (rows->len, >, 0);
  cases = g_new0 (WbInboxCase, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, i);

      cases[i] = (WbInboxCase) { row->reference, row->status, row->urgency, row->association,
                                 row->assignee, row->municipality, row->search_text,
                                 row->created, row->next_due, row->last_activity };
    }

  /* Queries a user would type: a reporter's surname, a municipality, a
   * reference, typed one character at a time. */
  for (guint q = 0; q < N_QUERIES; q++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, (q * 7919u) % rows->len);
      g_autofree char *text = NULL;
      const char *name;
      guint len;

      if (q % 3 == 0 && row->reporter_name && *row->reporter_name)
        text = prefix ((name = strrchr (row->reporter_name, ' ')) ? name + 1 : row->reporter_name, 6);
      else if (q % 3 == 1 && row->municipality && wb_regions_get_area_name (row->municipality))
        text = prefix (wb_regions_get_area_name (row->municipality), 6);
      else
        text = g_strdup (row->reference);
      len = g_utf8_strlen (text, -1);
      for (guint k = 1; k <= len; k++)
        {
          g_autofree char *typed = prefix (text, k);
          gint64 start = g_get_monotonic_time ();
          double ms;

          wb_inbox_filter_set_query (filter, typed);
          for (guint i = 0; i < rows->len; i++)
            matched += wb_inbox_filter_matches (filter, &cases[i]);
          ms = (g_get_monotonic_time () - start) / 1e3;
          g_array_append_val (times, ms);
        }
    }
  g_array_sort (times, compare_double);
  g_print ("keystrokes=%u\nmedian_ms=%.3f\nmax_ms=%.3f\nmatched=%u\n", times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1), matched);
  wb_inbox_filter_free (filter);
  wb_case_index_free (index);
  wb_vault_free (vault);
  return 0;
}

/* Intake-sized transactions: one case with its people, incident, needs,
 * consent, timeline and follow-ups, committed with synchronous=FULL. */
static int
cmd_insert (const char *path,
            gboolean    plain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbDemo) demo = demo_new (g_random_int (), INSERT_REPS);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  WbVault *vault = plain ? NULL : vault_unlocked (path);
  sqlite3 *db = plain ? plain_open (path) : NULL;

  for (guint i = 0; i < INSERT_REPS; i++)
    {
      g_autoptr(WbDemoCase) dc = wb_demo_next (demo, &error);
      g_autoptr(GPtrArray) recs = case_records (dc);
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (plain)
        {
          PlainHead head;

          plain_begin (db, &head);
          plain_put (db, recs, &head);
          plain_commit (db, &head);
        }
      else
        {
          g_assert_true (wb_vault_begin (vault, &error));
          vault_put (vault, recs);
          g_assert_true (wb_vault_commit (vault, &error));
        }
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (times, ms);
    }
  g_assert_no_error (error);
  g_array_sort (times, compare_double);
  g_print ("median_ms=%.3f\n", g_array_index (times, double, times->len / 2));
  if (db)
    sqlite3_close (db);
  g_clear_pointer (&vault, wb_vault_free);
  return 0;
}

#ifdef WB_BENCH_SQLCIPHER
static int
cmd_import (const char *plain_path,
            const char *cipher_path)
{
  sqlite3 *db = plain_open (cipher_path);
  char *sql = sqlite3_mprintf ("ATTACH %Q AS plain KEY ''; BEGIN;"
                               "INSERT INTO main.records SELECT * FROM plain.records;"
                               "INSERT INTO main.followups SELECT * FROM plain.followups;"
                               "COMMIT; DETACH plain;", plain_path);

  plain_exec (db, sql);
  sqlite3_free (sql);
  sqlite3_close (db);
  return 0;
}
#endif

int
main (int    argc,
      char **argv)
{
  const char *cmd = argc > 1 ? argv[1] : "";

#ifdef WB_BENCH_SQLCIPHER
  if (g_str_equal (cmd, "import") && argc == 4)
    return cmd_import (argv[2], argv[3]);
#endif

  if (g_str_equal (cmd, "generate") && argc == 6)
    return cmd_generate (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10),
                         (guint32) g_ascii_strtoull (argv[5], NULL, 10));
  if (g_str_equal (cmd, "unlock") && argc == 3)
    return cmd_unlock (argv[2]);
  if (g_str_equal (cmd, "plain-unlock") && argc == 3)
    return cmd_plain_unlock (argv[2]);
  if (g_str_equal (cmd, "search") && argc == 3)
    return cmd_search (argv[2]);
  if (g_str_equal (cmd, "insert") && argc == 3)
    return cmd_insert (argv[2], FALSE);
  if (g_str_equal (cmd, "plain-insert") && argc == 3)
    return cmd_insert (argv[2], TRUE);
  if (g_str_equal (cmd, "plain-prepare") && argc == 3)
    {
      sqlite3_close (plain_open (argv[2]));
      return 0;
    }
  if (g_str_equal (cmd, "calibrate"))
    {
      WbKdfCost cost;
      double seconds;

      wb_kdf_calibrate (&cost, &seconds);
      g_print ("seconds=%.3f\n", seconds);
      return 0;
    }
  g_printerr ("usage: bench-weerbaar generate|unlock|plain-unlock|search|insert|plain-insert|calibrate …\n");
  return 2;
}
