/* test-vault.c: records, accounts, tampering and the audit chain.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wb-db.h"
#include "wb-test-util.h"
#include "wb-vault-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  WbVault *vault;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = wb_test_tmpdir ();
  f->path = g_build_filename (f->dir, "v.db", NULL);
  f->vault = wb_test_new_vault (f->dir, "v.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->vault, wb_vault_free);
  wb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->vault, wb_vault_free);
  f->vault = wb_vault_open (f->path, &error);
  g_assert_no_error (error);
  wb_vault_unlock (f->vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
}

static void
put_text (WbVault    *vault,
          const char *kind,
          WbRecordId *id,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) b = wb_test_text (text);

  wb_vault_put (vault, kind, id, b, &error);
  g_assert_no_error (error);
}

static void
assert_text (WbVault          *vault,
             const WbRecordId *id,
             const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) b = wb_vault_get (vault, id, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), text, strlen (text));
}

static void
assert_damaged (WbVault          *vault,
                const WbRecordId *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) b = wb_vault_get (vault, id, NULL, &error);

  g_assert_null (b);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED);
}

/* Runs SQL on the closed vault file, then reopens and unlocks. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db;

  g_clear_pointer (&f->vault, wb_vault_free);
  db = wb_test_raw_db (f->path);
  wb_test_raw_exec (db, sql);
  sqlite3_close (db);
  reopen (f);
}

static char *
hex (const WbRecordId *id)
{
  return wb_record_id_to_string (id);
}

/* Tests */

static void
test_put_get_list (Fixture *f, gconstpointer data)
{
  WbRecordId a, b, c;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) big = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GBytes) got = NULL;
  GString *s = g_string_new (NULL);

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  wb_record_id_generate (&c);
  put_text (f->vault, "case", &a, "first");
  put_text (f->vault, "case", &b, "second");
  put_text (f->vault, "partner", &c, "third");
  put_text (f->vault, "case", &a, "first, edited");

  for (int i = 0; i < 5000; i++)
    g_string_append_c (s, 'x');
  big = g_bytes_new (s->str, s->len);
  g_string_free (s, TRUE);
  wb_vault_put (f->vault, "note", &c, big, &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  reopen (f);
  assert_text (f->vault, &a, "first, edited");
  assert_text (f->vault, &b, "second");
  got = wb_vault_get (f->vault, &c, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kind, ==, "partner");

  ids = wb_vault_list_ids (f->vault, "case", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);

  wb_vault_delete (f->vault, &b, &error);
  g_assert_no_error (error);
  g_clear_pointer (&got, g_bytes_unref);
  got = wb_vault_get (f->vault, &b, NULL, &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  wb_vault_put (f->vault, "wb.account", &b, big, &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  wb_vault_lock (f->vault);
  g_clear_pointer (&got, g_bytes_unref);
  got = wb_vault_get (f->vault, &a, NULL, &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_LOCKED);
}

static void
test_transaction_rollback (Fixture *f, gconstpointer data)
{
  WbRecordId a, b;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = NULL;

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  wb_vault_begin (f->vault, &error);
  g_assert_no_error (error);
  put_text (f->vault, "case", &a, "in txn");
  put_text (f->vault, "case", &b, "in txn too");
  wb_vault_rollback (f->vault);
  got = wb_vault_get (f->vault, &a, NULL, &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  wb_vault_begin (f->vault, &error);
  put_text (f->vault, "case", &a, "committed");
  put_text (f->vault, "case", &b, "committed too");
  wb_vault_commit (f->vault, &error);
  g_assert_no_error (error);
  reopen (f);
  assert_text (f->vault, &a, "committed");
  assert_text (f->vault, &b, "committed too");
}

static void
test_padding_buckets (Fixture *f, gconstpointer data)
{
  static const gsize sizes[] = { 0, 1, 200, 255, 256, 1000, 1500 };
  static const gsize want[] = { 256, 256, 256, 256, 512, 1024, 2048 };
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = g_malloc0 (sizes[i] + 1);
      g_autofree char *sql = NULL;
      WbRecordId id;

      memset (text, 'a', sizes[i]);
      wb_record_id_generate (&id);
      put_text (f->vault, "pad", &id, text);
      sqlite3_prepare_v2 (f->vault->db, "SELECT length(blob) FROM records WHERE id = ?", -1, &stmt, NULL);
      sqlite3_bind_blob (stmt, 1, id.bytes, 16, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, WB_BLOB_HEADER + want[i] + 16);
      sqlite3_finalize (stmt);
      assert_text (f->vault, &id, text);
    }
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;

  wb_vault_lock (f->vault);
  g_assert_false (wb_vault_unlock (f->vault, "anna", "wrong passphrase!!", TRUE, &e1));
  g_assert_false (wb_vault_unlock (f->vault, "nobody", TEST_PASS, TRUE, &e2));
  g_assert_false (wb_vault_unlock (f->vault, "anna", "wrong passphrase!!", TRUE, &e3));
  g_assert_error (e1, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_assert_error (e2, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_assert_error (e3, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_assert_cmpstr (e1->message, ==, e2->message);
  g_assert_cmpstr (e1->message, ==, e3->message);
  g_assert_true (wb_vault_is_locked (f->vault));
}

static void
test_test_cost_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  WbKdfCost weak = { 1, 8192, FALSE };

  wb_vault_lock (f->vault);
  g_assert_false (wb_vault_unlock (f->vault, "anna", TEST_PASS, FALSE, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_COST_TOO_LOW);
  g_clear_error (&error);
  wb_vault_unlock (f->vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (wb_vault_add_account (f->vault, "bert", NULL, WB_VAULT_ROLE_MEDEWERKER,
                                        TEST_PASS2, &weak, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_COST_TOO_LOW);
}

static void
test_accounts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  const WbKdfCost *cost = wb_kdf_cost_test ();

  g_assert_false (wb_vault_add_account (f->vault, "bert", NULL, WB_VAULT_ROLE_MEDEWERKER,
                                        "short", cost, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  wb_vault_add_account (f->vault, "bert", "Bert", WB_VAULT_ROLE_MEDEWERKER, TEST_PASS2, cost, &error);
  g_assert_no_error (error);
  g_assert_false (wb_vault_add_account (f->vault, "BERT", NULL, WB_VAULT_ROLE_MEDEWERKER,
                                        TEST_PASS2, cost, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  accounts = wb_vault_list_accounts (f->vault, &error);
  g_assert_cmpuint (accounts->len, ==, 2);

  /* Bert is not an administrator and cannot add accounts. */
  wb_vault_unlock (f->vault, "bert", TEST_PASS2, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_vault_get_actor (f->vault)->display_name, ==, "Bert");
  g_assert_false (wb_vault_add_account (f->vault, "carla", NULL, WB_VAULT_ROLE_MEDEWERKER,
                                        TEST_PASS2, cost, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  wb_vault_change_passphrase (f->vault, "bert's new passphrase", cost, &error);
  g_assert_no_error (error);
  wb_vault_lock (f->vault);
  g_assert_false (wb_vault_unlock (f->vault, "bert", TEST_PASS2, TRUE, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  wb_vault_unlock (f->vault, "Bert", "bert's new passphrase", TRUE, &error);
  g_assert_no_error (error);
  /* Anna's slot was not touched. */
  wb_vault_unlock (f->vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wb_vault_count_accounts (f->vault), ==, 2);
}

static void
test_remove_rotates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const WbKdfCost *cost = wb_kdf_cost_test ();
  WbRecordId ids[20];
  guint32 old_key_id = f->vault->key_id;
  guint n = 0;

  wb_vault_add_account (f->vault, "bert", NULL, WB_VAULT_ROLE_MEDEWERKER, TEST_PASS2, cost, &error);
  wb_vault_add_account (f->vault, "carla", NULL, WB_VAULT_ROLE_CONTACTPERSOON, "carla passphrase", cost, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("record %u", i);
      wb_record_id_generate (&ids[i]);
      put_text (f->vault, "case", &ids[i], text);
    }
  g_assert_false (wb_vault_remove_account (f->vault, "anna", &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  wb_vault_remove_account (f->vault, "bert", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->vault->key_id, ==, old_key_id + 1);

  wb_vault_lock (f->vault);
  g_assert_false (wb_vault_unlock (f->vault, "bert", TEST_PASS2, TRUE, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  wb_vault_unlock (f->vault, "carla", "carla passphrase", TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("record %u", i);
      assert_text (f->vault, &ids[i], text);
    }
  wb_vault_verify_audit (f->vault, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 20);
}

static void
test_recovery_key (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = wb_vault_set_recovery_key (f->vault, wb_kdf_cost_test (), &error);
  g_autofree char *lower = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (key), ==, 39);
  wb_vault_lock (f->vault);
  g_assert_false (wb_vault_unlock_recovery (f->vault, "AAAA-BBBB", TRUE, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  lower = g_ascii_strdown (key, -1);
  wb_vault_unlock_recovery (f->vault, lower, TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (wb_vault_get_actor (f->vault));
  wb_vault_reset_passphrase (f->vault, "anna", "anna's reset passphrase", wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  wb_vault_unlock (f->vault, "anna", "anna's reset passphrase", TRUE, &error);
  g_assert_no_error (error);
}

/* Tampering */

static void
test_tamper_bitflip (Fixture *f, gconstpointer data)
{
  WbRecordId a, b;
  g_autofree char *sql = NULL;
  g_autofree char *ha = NULL;
  WbVaultCheck check;
  g_autoptr(GError) error = NULL;

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  put_text (f->vault, "case", &a, "victim");
  put_text (f->vault, "case", &b, "bystander");
  ha = hex (&a);
  sql = g_strdup_printf ("UPDATE records SET blob = substr(blob, 1, 40) || "
                         "char(unicode(substr(blob, 41, 1)) # 1) || substr(blob, 42) "
                         "WHERE id = x'%s'", ha);
  g_clear_pointer (&sql, g_free);
  /* Flip one bit with a blob-safe expression. */
  sql = g_strdup_printf ("UPDATE records SET blob = substr(blob, 1, 40) || "
                         "CASE WHEN substr(blob, 41, 1) = x'00' THEN x'01' ELSE x'00' END || "
                         "substr(blob, 42) WHERE id = x'%s'", ha);
  tamper (f, sql);
  assert_damaged (f->vault, &a);
  assert_text (f->vault, &b, "bystander");
  wb_vault_check (f->vault, &check, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check.n_damaged, ==, 1);
  g_assert_true (check.integrity_ok);
  wb_vault_check_clear (&check);
}

static void
test_tamper_swap_rows (Fixture *f, gconstpointer data)
{
  WbRecordId a, b, c, d;
  g_autofree char *ha = NULL, *hb = NULL, *hc = NULL, *hd = NULL;
  g_autofree char *sql = NULL;

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  wb_record_id_generate (&c);
  wb_record_id_generate (&d);
  put_text (f->vault, "case", &a, "alpha");
  put_text (f->vault, "case", &b, "beta");
  put_text (f->vault, "person", &c, "gamma");
  put_text (f->vault, "case", &d, "delta");
  ha = hex (&a);
  hb = hex (&b);
  hc = hex (&c);
  hd = hex (&d);
  /* a <-> b (same kind), d gets c's blob (another kind), c's kind edited. */
  sql = g_strdup_printf ("CREATE TEMP TABLE t AS SELECT id, blob FROM records;"
                         "UPDATE records SET blob = (SELECT blob FROM t WHERE id = x'%s') WHERE id = x'%s';"
                         "UPDATE records SET blob = (SELECT blob FROM t WHERE id = x'%s') WHERE id = x'%s';"
                         "UPDATE records SET blob = (SELECT blob FROM t WHERE id = x'%s') WHERE id = x'%s';"
                         "UPDATE records SET kind = 'case' WHERE id = x'%s';",
                         hb, ha, ha, hb, hc, hd, hc);
  tamper (f, sql);
  assert_damaged (f->vault, &a);
  assert_damaged (f->vault, &b);
  assert_damaged (f->vault, &c);
  assert_damaged (f->vault, &d);
}

static void
test_tamper_other_vault (Fixture *f, gconstpointer data)
{
  g_autoptr(WbVault) other = wb_test_new_vault (f->dir, "other.db");
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  WbRecordId a, b;
  g_autofree char *ha = NULL, *hb = NULL, *sql = NULL;

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  put_text (f->vault, "case", &a, "mine");
  put_text (f->vault, "case", &b, "mine too");
  put_text (other, "case", &a, "theirs");
  g_clear_pointer (&other, wb_vault_free);
  ha = hex (&a);
  hb = hex (&b);
  sql = g_strdup_printf ("ATTACH '%s' AS o;"
                         "UPDATE records SET blob = (SELECT blob FROM o.records WHERE id = x'%s') WHERE id = x'%s';"
                         "DETACH o;", other_path, ha, ha);
  tamper (f, sql);
  assert_damaged (f->vault, &a);
  assert_text (f->vault, &b, "mine too");
}

static void
test_tamper_truncate (Fixture *f, gconstpointer data)
{
  WbRecordId a, b;
  g_autofree char *ha = NULL, *sql = NULL;

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  put_text (f->vault, "case", &a, "to be cut");
  put_text (f->vault, "case", &b, "whole");
  ha = hex (&a);
  sql = g_strdup_printf ("UPDATE records SET blob = substr(blob, 1, length(blob) - 5) WHERE id = x'%s';", ha);
  tamper (f, sql);
  assert_damaged (f->vault, &a);
  assert_text (f->vault, &b, "whole");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE records SET blob = x'01' WHERE id = x'%s';", ha);
  tamper (f, sql);
  assert_damaged (f->vault, &a);
}

static void
test_tamper_slot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  WbVaultCheck check;

  wb_vault_add_account (f->vault, "bert", NULL, WB_VAULT_ROLE_BEHEERDER, TEST_PASS2, wb_kdf_cost_test (), &error);
  wb_vault_add_account (f->vault, "carla", NULL, WB_VAULT_ROLE_MEDEWERKER, TEST_PASS2, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);

  /* Downgrade: lower memlimit of bert's slot (it is the second one). */
  g_clear_pointer (&f->vault, wb_vault_free);
  {
    sqlite3 *db = wb_test_raw_db (f->path);
    wb_test_raw_exec (db, "UPDATE slots SET memlimit = memlimit - 1024 "
                          "WHERE rowid = (SELECT rowid FROM slots ORDER BY rowid LIMIT 1 OFFSET 1)");
    sqlite3_close (db);
  }
  f->vault = wb_vault_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (wb_vault_unlock (f->vault, "bert", TEST_PASS2, TRUE, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  wb_vault_unlock (f->vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
  wb_vault_check (f->vault, &check, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check.n_slots, ==, 3);
  g_assert_cmpuint (check.n_damaged_slots, ==, 1);
  wb_vault_check_clear (&check);
  /* A rotation refuses to seal a new key to an altered slot. */
  g_assert_false (wb_vault_remove_account (f->vault, "carla", &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* An edited sealed secret key. */
  tamper (f, "UPDATE slots SET sealed_sk = zeroblob(48) WHERE rowid = (SELECT max(rowid) FROM slots)");
  g_assert_false (wb_vault_unlock (f->vault, "carla", TEST_PASS2, TRUE, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
}

static void
audit_setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 5; i++)
    {
      WbRecordId id;
      wb_record_id_generate (&id);
      put_text (f->vault, "case", &id, "x");
      wb_vault_audit (f->vault, "view", "case", &id, NULL, &error);
      g_assert_no_error (error);
    }
  wb_vault_verify_audit (f->vault, NULL, &error);
  g_assert_no_error (error);
}

static void
assert_audit_broken (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  WbVaultCheck check;

  g_assert_false (wb_vault_verify_audit (f->vault, NULL, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED);
  wb_vault_check (f->vault, &check, NULL);
  g_assert_false (check.audit_ok);
  g_assert_cmpuint (check.n_damaged, ==, 0);
  wb_vault_check_clear (&check);
}

static void
test_audit_removed (Fixture *f, gconstpointer data)
{
  audit_setup (f);
  tamper (f, "DELETE FROM audit WHERE seq = 4");
  assert_audit_broken (f);
}

static void
test_audit_removed_last (Fixture *f, gconstpointer data)
{
  audit_setup (f);
  tamper (f, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
  assert_audit_broken (f);
}

static void
test_audit_edited (Fixture *f, gconstpointer data)
{
  audit_setup (f);
  /* Byte 31 changed for sure: zeroing it missed once in 256 runs. */
  tamper (f, "UPDATE audit SET blob = substr(blob, 1, 30) || "
             "CASE WHEN substr(blob, 31, 1) = x'00' THEN x'01' ELSE x'00' END || substr(blob, 32) WHERE seq = 3");
  assert_audit_broken (f);
}

static void
test_audit_reordered (Fixture *f, gconstpointer data)
{
  audit_setup (f);
  tamper (f, "UPDATE audit SET seq = -1 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 4;"
             "UPDATE audit SET seq = 4 WHERE seq = -1;");
  assert_audit_broken (f);
}

/* No plaintext on disk */

static void
test_no_plaintext (Fixture *f, gconstpointer data)
{
  static const char *markers[] = { "MARKER-insert-Zq81", "MARKER-update-Pw55",
                                   "MARKER-delete-Lk09", "MARKER-profile-Hh20" };
  g_autoptr(GError) error = NULL;
  WbRecordId a, b;

  wb_record_id_generate (&a);
  wb_record_id_generate (&b);
  put_text (f->vault, "case", &a, markers[0]);
  put_text (f->vault, "case", &b, "harmless");
  put_text (f->vault, "case", &b, markers[1]);
  put_text (f->vault, "case", &b, "harmless again");
  {
    WbRecordId c;
    wb_record_id_generate (&c);
    put_text (f->vault, "note", &c, markers[2]);
    wb_vault_delete (f->vault, &c, &error);
  }
  g_assert_no_error (error);
  wb_vault_add_account (f->vault, markers[3], markers[3], WB_VAULT_ROLE_MEDEWERKER, TEST_PASS2,
                        wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  wb_vault_remove_account (f->vault, markers[3], &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_assert_cmpuint (wb_test_scan_dir (f->dir, markers[i]), ==, 0);
      g_assert_cmpuint (wb_test_scan_dir (g_get_tmp_dir (), markers[i]), ==, 0);
    }
  /* And after the connection is gone (WAL checkpointed). */
  g_clear_pointer (&f->vault, wb_vault_free);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    g_assert_cmpuint (wb_test_scan_dir (f->dir, markers[i]), ==, 0);
  /* The names of anna and the vault never appear either. */
  g_assert_cmpuint (wb_test_scan_dir (f->dir, "Test de Vries-1"), ==, 0);
  g_assert_cmpuint (wb_test_scan_dir (f->dir, "beheerder"), ==, 0);
}

/* Database settings */

static void
test_file_modes (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "a", "b", NULL);
  g_autofree char *path = g_build_filename (sub, "v.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (sub, "v.db");
  struct stat st;

  g_assert_cmpint (stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (shm, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_pointer (&vault, wb_vault_free);
  wb_test_rm_rf (dir);
}

static void
test_pragma_checker (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.db", NULL);
  sqlite3 *db = wb_test_raw_db (path);
  g_autoptr(GError) error = NULL;

  /* A default connection: rollback journal, synchronous=FULL but no WAL. */
  g_assert_false (wb_db_check_pragmas (db, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_UNSAFE_DATABASE);
  g_clear_error (&error);
  wb_test_raw_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
                        "PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;");
  g_assert_true (wb_db_check_pragmas (db, &error));
  g_assert_no_error (error);
  wb_test_raw_exec (db, "PRAGMA synchronous=NORMAL");
  g_assert_false (wb_db_check_pragmas (db, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_UNSAFE_DATABASE);
  g_clear_error (&error);
  wb_test_raw_exec (db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=OFF");
  g_assert_false (wb_db_check_pragmas (db, &error));
  g_clear_error (&error);
  sqlite3_close (db);

  /* A newer schema is refused, not migrated down. */
  db = wb_test_raw_db (path);
  wb_test_raw_exec (db, "PRAGMA user_version = 999");
  sqlite3_close (db);
  /* SQLite made the file with the umask's mode, which the vault would warn about. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  {
    g_autoptr(WbVault) v = wb_vault_open (path, &error);
    g_assert_null (v);
    g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NEWER_VERSION);
  }
  wb_test_rm_rf (dir);
}

static void
test_default_path (void)
{
  g_autofree char *p = NULL;
  g_autofree char *want = g_build_filename (g_get_user_data_dir (), "weerbaar", "weerbaar.db", NULL);

  g_unsetenv ("WEERBAAR_DB");
  p = wb_store_default_path ();
  g_assert_cmpstr (p, ==, want);
  g_free (p);
  g_setenv ("WEERBAAR_DB", "/x/y.db", TRUE);
  p = wb_store_default_path ();
  g_assert_cmpstr (p, ==, "/x/y.db");
  g_unsetenv ("WEERBAAR_DB");
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = NULL;

  /* A private TMPDIR, set before anything caches it, so the plaintext scan
   * covers every temporary file SQLite or GLib could write. */
  tmp = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp", "wb-test-vault-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);
  wb_store_crypto_init (NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/records/put-get-list-delete", test_put_get_list);
  ADD ("/store/records/transaction-rollback-and-commit", test_transaction_rollback);
  ADD ("/store/records/padded-to-buckets", test_padding_buckets);
  ADD ("/store/accounts/wrong-passphrase-same-error", test_wrong_passphrase);
  ADD ("/store/accounts/test-cost-refused-unless-asked", test_test_cost_refused);
  ADD ("/store/accounts/add-change-roles", test_accounts);
  ADD ("/store/accounts/remove-rotates-data-key", test_remove_rotates);
  ADD ("/store/accounts/recovery-key", test_recovery_key);
  ADD ("/store/tamper/bit-flip-is-damage-of-that-record", test_tamper_bitflip);
  ADD ("/store/tamper/blob-swapped-between-rows-and-kinds", test_tamper_swap_rows);
  ADD ("/store/tamper/blob-from-other-vault", test_tamper_other_vault);
  ADD ("/store/tamper/truncated-blob", test_tamper_truncate);
  ADD ("/store/tamper/edited-or-downgraded-slot", test_tamper_slot);
  ADD ("/store/audit/removed-entry-detected", test_audit_removed);
  ADD ("/store/audit/removed-last-entry-detected", test_audit_removed_last);
  ADD ("/store/audit/edited-entry-detected", test_audit_edited);
  ADD ("/store/audit/reordered-entries-detected", test_audit_reordered);
  ADD ("/store/disk/no-plaintext-on-disk", test_no_plaintext);
#undef ADD
  g_test_add_func ("/store/disk/file-modes-0600-in-0700", test_file_modes);
  g_test_add_func ("/store/disk/pragma-checker-refuses", test_pragma_checker);
  g_test_add_func ("/store/disk/default-path", test_default_path);
  {
    int rc = g_test_run ();
    wb_test_rm_rf (tmp);
    return rc;
  }
}
