/* test-retention.c: listing cases past retention, purging one for good (also when killed), the inzage export.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wb-core.h"
#include "wb-inzage.h"
#include "wb-store-retention.h"
#include "wb-test-cases.h"
#include "wb-test-util.h"
#include "wb-vault-private.h"

static gboolean
holds (const void *hay,
       gsize       hay_len,
       const void *needle,
       gsize       needle_len)
{
  for (gsize i = 0; i + needle_len <= hay_len; i++)
    if (memcmp ((const guint8 *) hay + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* Case n of wb_test_case_records() is closed when n % 5 == 4. */
#define CLOSED_N 4
#define OPEN_N   3

typedef struct
{
  char    *dir;
  char    *path;
  WbVault *vault;
} Fixture;

static void
add_records (WbVault   *vault,
             GPtrArray *records)
{
  g_autoptr(GError) error = NULL;

  wb_vault_begin (vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (records, i);

      wb_vault_put (vault, r->kind, &r->id, r->plaintext, &error);
      g_assert_no_error (error);
    }
  wb_vault_commit (vault, &error);
  g_assert_no_error (error);
}

/* A case of wb_test_case_records() plus its needs and consent (with
 * @months, 0 for none), a follow-up's plaintext due row and a referral. */
static GPtrArray *
add_case (WbVault  *vault,
          guint     n,
          guint     months,
          char    **out_case_id)
{
  g_autofree char *case_id = NULL;
  GPtrArray *records = wb_test_case_records (n, &case_id);
  g_autoptr(WbNeeds) needs = wb_needs_new ();
  g_autoptr(WbTimelineEntry) referral = wb_timeline_entry_new ();
  g_autofree char *needs_text = g_strdup_printf ("NEEDSMARK-%u wil praten met een vertrouwenspersoon", n);
  g_autofree char *referral_text = g_strdup_printf ("REFERRALMARK-%u doorverwezen naar Test Visser", n);
  g_autoptr(GError) error = NULL;
  WbRecordId id;

  wb_needs_set_case_id (needs, case_id);
  wb_needs_set_details (needs, needs_text);
  wb_record_id_from_string (wb_needs_get_id (needs), &id);
  {
    g_autoptr(GBytes) bytes = wb_needs_serialize (needs);

    g_ptr_array_add (records, wb_store_record_new (WB_KIND_NEEDS, &id, bytes));
  }
  if (months > 0)
    {
      g_autoptr(WbConsent) consent = wb_consent_new ();
      g_autoptr(GBytes) bytes = NULL;

      wb_consent_set_case_id (consent, case_id);
      wb_consent_set_store (consent, TRUE);
      wb_consent_set_retention_months (consent, months);
      wb_record_id_from_string (wb_consent_get_id (consent), &id);
      bytes = wb_consent_serialize (consent);
      g_ptr_array_add (records, wb_store_record_new (WB_KIND_CONSENT, &id, bytes));
    }
  wb_timeline_entry_set_case_id (referral, case_id);
  wb_timeline_entry_set_kind (referral, WB_TIMELINE_KIND_REFERRAL);
  wb_timeline_entry_set_text (referral, referral_text);
  wb_record_id_from_string (wb_timeline_entry_get_id (referral), &id);
  {
    g_autoptr(GBytes) bytes = wb_timeline_entry_serialize (referral);

    g_ptr_array_add (records, wb_store_record_new (WB_KIND_TIMELINE, &id, bytes));
  }
  /* The bytes are copied: the records own theirs. */
  for (guint i = 0; i < records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (records, i);
      GBytes *copy = g_bytes_new (g_bytes_get_data (r->plaintext, NULL), g_bytes_get_size (r->plaintext));

      g_bytes_unref (r->plaintext);
      r->plaintext = copy;
    }
  add_records (vault, records);
  for (guint i = 0; i < records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (records, i);

      if (g_str_equal (r->kind, WB_KIND_FOLLOWUP))
        {
          wb_vault_set_followup (vault, &r->id, wb_test_case_time (n, WB_TEST_TIME_DUE_OPEN) * G_USEC_PER_SEC,
                                 0, &error);
          g_assert_no_error (error);
        }
    }
  if (out_case_id)
    *out_case_id = g_steal_pointer (&case_id);
  return records;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = wb_test_tmpdir ();
  f->path = g_build_filename (f->dir, "v.db", NULL);
  f->vault = wb_test_new_vault (f->dir, "v.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->vault, wb_vault_free);
  wb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* How many audit entries hold @needle, unsealed with the vault's keys. */
static guint
audit_count (WbVault    *vault,
             const char *needle)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (vault->db, "SELECT seq, blob FROM audit ORDER BY seq", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint64 s = GUINT64_TO_LE ((guint64) sqlite3_column_int64 (stmt, 0));
      g_autoptr(GBytes) plain = wb_vault_unseal (vault, vault->keys->audit, vault->key_id, "audit", "",
                                                 (const guint8 *) &s, 8, sqlite3_column_blob (stmt, 1),
                                                 sqlite3_column_bytes (stmt, 1), NULL);
      gsize len;
      const char *data;

      g_assert_nonnull (plain);
      data = g_bytes_get_data (plain, &len);
      if (holds (data, len, needle, strlen (needle)))
        n++;
    }
  sqlite3_finalize (stmt);
  return n;
}

static GDateTime *
far_future (void)
{
  return g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autofree char *closed_default = NULL, *closed_long = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) future = far_future ();
  g_autoptr(GDateTime) early = g_date_time_new_utc (2025, 6, 1, 0, 0, 0);
  WbRetentionItem *item;

  r1 = add_case (f->vault, CLOSED_N, 0, &closed_default);     /* default period */
  r2 = add_case (f->vault, CLOSED_N + 5, 120, &closed_long);  /* 10 years agreed */
  r3 = add_case (f->vault, OPEN_N, 1, NULL);                   /* open: never */

  items = wb_vault_list_retention (f->vault, NULL, 24, future, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->case_id, ==, closed_default);
  g_assert_cmpstr (item->reference, ==, "WB-TEST-4");
  g_assert_cmpuint (item->months, ==, 24);
  g_assert_cmpint (item->closed, ==, wb_test_case_time (CLOSED_N, WB_TEST_TIME_UPDATED) * G_USEC_PER_SEC);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Before the 24 months have run: nothing. */
  items = wb_vault_list_retention (f->vault, NULL, 24, early, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
}

/* The first 32 bytes of ciphertext of a record, read from the file. */
static GBytes *
raw_slice (const char       *path,
           const WbRecordId *id)
{
  sqlite3 *db = wb_test_raw_db (path);
  sqlite3_stmt *stmt = NULL;
  GBytes *slice = NULL;

  sqlite3_prepare_v2 (db, "SELECT blob FROM records WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_bytes (stmt, 0), >, 64 + 32);
  slice = g_bytes_new ((const guint8 *) sqlite3_column_blob (stmt, 0) + 64, 32);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return slice;
}

static gboolean
file_holds (const char *path,
            GBytes     *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0, nlen;
  const void *n = g_bytes_get_data (needle, &nlen);

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return holds (data, len, n, nlen);
}

static void
test_purge_leaves_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *doomed_id = NULL, *kept_id = NULL, *reference = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GPtrArray) doomed = add_case (f->vault, CLOSED_N, 0, &doomed_id);
  g_autoptr(GPtrArray) kept = add_case (f->vault, OPEN_N, 0, &kept_id);
  g_autoptr(GPtrArray) slices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(WbCaseIndex) index = NULL;
  g_autoptr(GArray) due = NULL;
  WbVaultCheck check;
  WbRecordId id;

  for (guint i = 0; i < doomed->len; i++)
    g_ptr_array_add (slices, raw_slice (f->path, &((WbStoreRecord *) g_ptr_array_index (doomed, i))->id));
  g_assert_cmpuint (doomed->len, >=, 9);
  g_assert_true (file_holds (f->path, g_ptr_array_index (slices, 0)) ||
                 file_holds (wal, g_ptr_array_index (slices, 0)));

  wb_record_id_from_string (doomed_id, &id);
  wb_vault_purge_case (f->vault, NULL, &id, &reference, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference, ==, "WB-TEST-4");

  /* Not a byte of any purged record's ciphertext in either file. */
  for (guint i = 0; i < slices->len; i++)
    {
      g_assert_false (file_holds (f->path, g_ptr_array_index (slices, i)));
      g_assert_false (file_holds (wal, g_ptr_array_index (slices, i)));
    }
  g_assert_cmpuint (wb_test_scan_dir (f->dir, "NEEDSMARK-4"), ==, 0);
  g_assert_cmpuint (wb_test_scan_dir (f->dir, "Test Jansen-4"), ==, 0);

  for (guint i = 0; i < doomed->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (doomed, i);
      g_autoptr(GBytes) gone = wb_vault_get (f->vault, &r->id, NULL, &error);

      g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND);
      g_assert_null (gone);
      g_clear_error (&error);
    }
  for (guint i = 0; i < kept->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (kept, i);
      g_autoptr(GBytes) still = wb_vault_get (f->vault, &r->id, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (still, r->plaintext));
    }

  /* The due rows went with their follow-ups; the other case keeps its own. */
  due = wb_vault_list_due (f->vault, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  index = wb_case_index_build (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wb_case_index_get_n_rows (index), ==, 1);
  g_assert_null (wb_case_index_dup_children (index, &id));

  /* One audit entry keeps the reference, none a name; the chain holds. */
  g_assert_cmpuint (audit_count (f->vault, "case WB-TEST-4 purged"), ==, 1);
  g_assert_cmpuint (audit_count (f->vault, "Test Jansen"), ==, 0);
  wb_vault_check (f->vault, &check, &error);
  g_assert_no_error (error);
  g_assert_true (check.audit_ok);
  g_assert_true (check.integrity_ok);
  g_assert_cmpuint (check.n_damaged, ==, 0);
  wb_vault_check_clear (&check);

  /* A second purge of the same case finds nothing. */
  g_assert_false (wb_vault_purge_case (f->vault, NULL, &id, NULL, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND);
}

static void
test_find_case (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL, *found_hex = NULL;
  g_autoptr(GPtrArray) r = add_case (f->vault, OPEN_N, 0, &case_id);
  WbRecordId found;

  g_assert_true (wb_vault_find_case (f->vault, NULL, "wb-test-3", &found, &error));
  g_assert_no_error (error);
  found_hex = wb_record_id_to_string (&found);
  g_assert_cmpstr (found_hex, ==, case_id);
  g_assert_false (wb_vault_find_case (f->vault, NULL, "WB-TEST-99", &found, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND);
}

/* Inzage */

static char *
set_reporter_contact (WbVault    *vault,
                      GPtrArray  *records,
                      const char *name,
                      const char *phone,
                      const char *email)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (records, i);
      g_autoptr(WbPerson) p = NULL;
      g_autoptr(GBytes) b = NULL;

      if (!g_str_equal (r->kind, WB_KIND_PERSON))
        continue;
      p = wb_person_deserialize (r->plaintext, &error);
      g_assert_no_error (error);
      if (wb_person_get_relation (p) != WB_PERSON_RELATION_REPORTER)
        continue;
      wb_person_set_name (p, name);
      wb_person_set_phone (p, phone);
      wb_person_set_email (p, email);
      b = wb_person_serialize (p);
      wb_vault_put (vault, WB_KIND_PERSON, &r->id, b, &error);
      g_assert_no_error (error);
      return wb_record_id_to_string (&r->id);
    }
  g_assert_not_reached ();
}

static void
test_inzage (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL, *second_id = NULL, *other_id = NULL, *json = NULL;
  g_autoptr(GPtrArray) first = add_case (f->vault, 1, 0, &first_id);
  g_autoptr(GPtrArray) second = add_case (f->vault, 2, 0, &second_id);
  g_autoptr(GPtrArray) other = add_case (f->vault, 3, 0, &other_id);
  g_autofree char *p1 = set_reporter_contact (f->vault, first, "Test Bakker-7", "06-12345678", NULL);
  g_autofree char *p2 = set_reporter_contact (f->vault, second, "TEST BÄKKER-7", "0612345678", "t7@example.org");
  /* Same name, another phone: another person. */
  g_autofree char *p3 = set_reporter_contact (f->vault, other, "Test Bakker-7", "0687654321", NULL);
  g_autofree char *out = g_build_filename (f->dir, "inzage.json", NULL);
  g_autoptr(WbInzage) inzage = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  WbRecordId id;
  struct stat st;

  wb_record_id_from_string (first_id, &id);
  inzage = wb_vault_collect_inzage (f->vault, NULL, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inzage->reference, ==, "WB-TEST-1");
  g_assert_cmpuint (inzage->people->len, ==, 2);
  g_assert_cmpuint (inzage->cases->len, ==, 2);
  json = wb_inzage_to_json (inzage, now);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  /* Every field of the person, both cases, their timelines and needs. */
  g_assert_nonnull (strstr (json, "\"format\": \"weerbaar-inzage-1\""));
  g_assert_nonnull (strstr (json, p1));
  g_assert_nonnull (strstr (json, p2));
  g_assert_nonnull (strstr (json, "\"name\": \"Test Bakker-7\""));
  g_assert_nonnull (strstr (json, "\"phone\": \"06-12345678\""));
  g_assert_nonnull (strstr (json, "\"email\": \"t7@example.org\""));
  g_assert_nonnull (strstr (json, "\"municipality\": \"GM1900\""));
  g_assert_nonnull (strstr (json, "\"relation\""));
  g_assert_nonnull (strstr (json, "\"role\""));
  g_assert_nonnull (strstr (json, "WB-TEST-1"));
  g_assert_nonnull (strstr (json, "WB-TEST-2"));
  g_assert_nonnull (strstr (json, "Fictief contact."));
  g_assert_nonnull (strstr (json, "REFERRALMARK-1"));
  g_assert_nonnull (strstr (json, "REFERRALMARK-2"));
  g_assert_nonnull (strstr (json, "NEEDSMARK-2"));
  g_assert_nonnull (strstr (json, "Testmelding 1:"));
  /* A case reads in order: the case record first, the timeline last. */
  g_assert_true (strstr (json, "\"kind\": \"case\"") < strstr (json, "\"kind\": \"incident\""));
  g_assert_true (strstr (json, "\"kind\": \"incident\"") < strstr (json, "\"kind\": \"timeline\""));
  /* Nothing of anyone else: not the other case, not the partners. */
  g_assert_null (strstr (json, "WB-TEST-3"));
  g_assert_null (strstr (json, p3));
  g_assert_null (strstr (json, "0687654321"));
  g_assert_null (strstr (json, "REFERRALMARK-3"));
  g_assert_null (strstr (json, "Test Visser-1"));
  g_assert_null (strstr (json, "Test Visser-2"));

  g_assert_true (wb_inzage_write_file (out, json, strlen (json), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (audit_count (f->vault, "inzage export for case WB-TEST-1"), ==, 1);
  g_assert_cmpuint (audit_count (f->vault, "Test Bakker"), ==, 0);

  /* An existing file with wider permissions ends up 0600 too. */
  g_assert_cmpint (g_chmod (out, 0644), ==, 0);
  g_assert_true (wb_inzage_write_file (out, "{}", 2, &error));
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_inzage_anonymous (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(GBytes) b = NULL;
  WbRecordId id;

  wb_case_set_reference (c, "WB-TEST-ANON");
  b = wb_case_serialize (c);
  wb_record_id_from_string (wb_case_get_id (c), &id);
  wb_vault_put (f->vault, WB_KIND_CASE, &id, b, &error);
  g_assert_no_error (error);
  g_assert_null (wb_vault_collect_inzage (f->vault, NULL, &id, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND);
}

/* Killed while purging */

typedef struct
{
  WbRecordId  case_id;
  GArray     *ids;         /* WbRecordId of the case and its records */
} CaseIds;

/* Runs in a process of its own (this program, exec'd with --purger), so
 * no thread of the test process is half-copied by a fork: purges every
 * case, saying "r" on stdout once it starts. */
G_GNUC_NORETURN static void
purger_main (const char *path)
{
  WbVault *vault = wb_vault_open (path, NULL);
  WbCaseIndex *index;
  GPtrArray *rows;

  if (vault == NULL || !wb_vault_unlock (vault, "anna", TEST_PASS, TRUE, NULL))
    _exit (3);
  index = wb_case_index_build (vault, NULL);
  if (index == NULL || write (STDOUT_FILENO, "r", 1) != 1)
    _exit (4);
  rows = wb_case_index_dup_rows (index);
  for (guint i = 0; i < rows->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (rows, i);
      WbRecordId id;

      if (!wb_record_id_from_string (row->case_id, &id)
          || !wb_vault_purge_case (vault, index, &id, NULL, NULL))
        _exit (5);
    }
  _exit (0);
}

static guint
count_present (sqlite3 *db,
               GArray  *ids)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM records WHERE id = ?", -1, &stmt, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_blob (stmt, 1, g_array_index (ids, WbRecordId, i).bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      n += sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return n;
}

static guint
verify_all_or_nothing (const char *path,
                       GArray     *cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = wb_vault_open (path, &error);
  guint gone = 0;
  WbVaultCheck check;

  g_assert_no_error (error);
  wb_vault_unlock (vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      CaseIds *c = &g_array_index (cases, CaseIds, i);
      guint present = count_present (vault->db, c->ids);

      if (present != 0 && present != c->ids->len)
        g_error ("case %u half purged: %u of %u records left", i, present, c->ids->len);
      gone += present == 0;
    }
  wb_vault_check (vault, &check, &error);
  g_assert_no_error (error);
  g_assert_true (check.integrity_ok);
  g_assert_true (check.audit_ok);
  g_assert_cmpuint (check.n_damaged, ==, 0);
  wb_vault_check_clear (&check);
  g_assert_cmpuint (audit_count (vault, " purged"), ==, gone);
  return gone;
}

static void
test_killed_purge (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) cases = g_array_new (FALSE, TRUE, sizeof (CaseIds));
  guint rounds = g_test_slow () ? 300 : 40;
  guint n_cases = rounds * 4;
  guint gone = 0;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  g_assert_nonnull (self_exe);
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *case_id = NULL;
      g_autoptr(GPtrArray) records = add_case (f->vault, i * 5 + CLOSED_N, 0, &case_id);
      CaseIds c;

      wb_record_id_from_string (case_id, &c.case_id);
      c.ids = g_array_new (FALSE, FALSE, sizeof (WbRecordId));
      for (guint j = 0; j < records->len; j++)
        g_array_append_val (c.ids, ((WbStoreRecord *) g_ptr_array_index (records, j))->id);
      g_array_append_val (cases, c);
    }
  g_clear_pointer (&f->vault, wb_vault_free);

  guint round, kills = 0;

  for (round = 0; round < rounds && gone < n_cases; round++)
    {
      const char *child_argv[] = { self_exe, "--purger", f->path, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int out_fd;
      int status;
      char ready;

      g_spawn_async_with_pipes (NULL, (char **) child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      /* Killed only once it purges, at a random moment after. */
      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      close (out_fd);
      g_usleep (g_test_rand_int_range (0, 4000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
      kills += WIFSIGNALED (status);
      gone = verify_all_or_nothing (f->path, cases);
    }
  g_test_message ("%u rounds, %u killed while purging, %u of %u cases purged", round, kills, gone, n_cases);
  g_assert_cmpuint (gone, >, 0);
  /* Most rounds ended with a kill, not with nothing left to purge. */
  g_assert_cmpuint (kills, >=, round / 2);
  for (guint i = 0; i < cases->len; i++)
    g_array_unref (g_array_index (cases, CaseIds, i).ids);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--purger") == 0)
    purger_main (argv[2]);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/retention/list-closed-past-period", test_list);
  ADD ("/store/retention/purge-leaves-nothing", test_purge_leaves_nothing);
  ADD ("/store/retention/find-case-by-reference", test_find_case);
  ADD ("/store/retention/inzage-holds-the-person-and-nothing-else", test_inzage);
  ADD ("/store/retention/inzage-of-anonymous-case-is-refused", test_inzage_anonymous);
  ADD ("/store/retention/killed-purge-is-all-or-nothing", test_killed_purge);
#undef ADD

  return g_test_run ();
}
