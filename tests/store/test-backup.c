/* test-backup.c: encrypted backups, their refusals, and restores killed halfway.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wb-backup.h"
#include "wb-store-private.h"
#include "wb-vault-private.h"
#include "wb-test-util.h"
#include "wb-test-async.h"

#define MARK "BACKUPMARK-plaintext-5c2"
#define BACKUP_PASS "backup passphrase for tests"
#define HEADER_LEN 180
#define PREFIX_LEN 204
#define CHUNK_LEN (64 * 1024 + 17)

static char *private_tmp;

static WbVault *
open_unlocked (const char *path)
{
  g_autoptr(GError) error = NULL;
  WbVault *vault = wb_vault_open (path, &error);

  g_assert_no_error (error);
  wb_vault_unlock (vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
  return vault;
}

/* Records of one "generation", so a restored vault can be told apart. */
static void
fill (WbVault    *vault,
      const char *generation,
      guint       n,
      gsize       size)
{
  g_autoptr(GError) error = NULL;

  wb_vault_begin (vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GBytes) b = NULL;
      WbRecordId id;

      wb_record_id_generate (&id);
      g_string_append_printf (s, "%s %s Test Jansen-%u ", MARK, generation, i);
      /* Random filler: sealed records do not compress, nor should these. */
      while (s->len < size)
        g_string_append_printf (s, "%08x", g_test_rand_int ());
      b = g_bytes_new (s->str, s->len);
      wb_vault_put (vault, i % 3 == 0 ? "case" : "person", &id, b, &error);
      g_assert_no_error (error);
    }
  wb_vault_commit (vault, &error);
  g_assert_no_error (error);
}

typedef struct
{
  GHashTable *records;          /* id hex → "kind\nplaintext" */
} Snapshot;

static gboolean
collect_cb (const WbRecordId *id,
            GBytes           *plaintext,
            const GError     *damage,
            gpointer          user_data)
{
  GHashTable *records = user_data;

  g_assert_null (damage);
  g_hash_table_insert (records, wb_record_id_to_string (id),
                       g_strndup (g_bytes_get_data (plaintext, NULL), g_bytes_get_size (plaintext)));
  return TRUE;
}

/* kind → (id → plaintext), over the kinds the tests write. */
static GHashTable *
contents (WbVault *vault)
{
  static const char * const kinds[] = { "case", "person", NULL };
  GHashTable *all = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);

  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GError) error = NULL;
      GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      wb_vault_foreach (vault, kinds[k], collect_cb, records, &error);
      g_assert_no_error (error);
      g_hash_table_insert (all, (gpointer) kinds[k], records);
    }
  return all;
}

static gboolean
same_contents (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter it;
  gpointer kind, ra;

  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &kind, &ra))
    {
      GHashTable *rb = g_hash_table_lookup (b, kind);
      GHashTableIter j;
      gpointer id, text;

      if (rb == NULL || g_hash_table_size (ra) != g_hash_table_size (rb))
        return FALSE;
      g_hash_table_iter_init (&j, ra);
      while (g_hash_table_iter_next (&j, &id, &text))
        if (g_strcmp0 (text, g_hash_table_lookup (rb, id)) != 0)
          return FALSE;
    }
  return g_hash_table_size (a) == g_hash_table_size (b);
}

static void
assert_vault_sound (WbVault *vault)
{
  g_autoptr(GError) error = NULL;
  WbVaultCheck check;

  wb_vault_check (vault, &check, &error);
  g_assert_no_error (error);
  g_assert_true (check.integrity_ok);
  g_assert_true (check.audit_ok);
  g_assert_cmpuint (check.n_damaged, ==, 0);
  wb_vault_check_clear (&check);
}

static void
write_backup (WbVault    *vault,
              const char *dest)
{
  g_autoptr(GError) error = NULL;

  wb_backup_write (vault, dest, WB_BACKUP_KEY_PASSPHRASE, BACKUP_PASS, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
}

/* Round trip */

static void
test_round_trip (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *src = g_build_filename (dir, "v.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "v.wbbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "restored", "v.db", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(WbVault) restored = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) due = NULL;
  WbBackupInfo info, header_only;
  WbRecordId fu;
  guint n_audit = 0, n_audit_src = 0;

  fill (vault, "A", 30, 200);
  /* A follow-up keeps its plaintext due moment; it must travel too. */
  wb_record_id_generate (&fu);
  {
    g_autoptr(GBytes) b = wb_test_text (MARK " follow-up");
    wb_vault_put (vault, "followup", &fu, b, &error);
    g_assert_no_error (error);
    wb_vault_set_followup (vault, &fu, 1234567, 0, &error);
    g_assert_no_error (error);
  }
  wb_vault_add_account (vault, "bram", "Test Bakker-7", WB_VAULT_ROLE_CONTACTPERSOON, TEST_PASS2,
                        wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  before = contents (vault);

  write_backup (vault, backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  wb_vault_verify_audit (vault, &n_audit_src, &error);
  g_assert_no_error (error);

  wb_backup_inspect (backup, NULL, TRUE, &header_only, &error);
  g_assert_no_error (error);
  g_assert_false (header_only.decrypted);
  g_assert_cmpmem (header_only.vault_id, 16, vault->vault_id, 16);
  g_assert_cmpint (ABS (header_only.created - g_get_real_time () / G_USEC_PER_SEC), <, 600);

  wb_backup_inspect (backup, BACKUP_PASS, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_true (info.decrypted);
  g_assert_cmpuint (info.n_cases, ==, 10);
  /* 30 written, one follow-up, two account profiles. */
  g_assert_cmpuint (info.n_records, ==, 33);
  g_assert_cmpuint (info.n_accounts, ==, 2);

  /* The other account restores it: its slot travelled inside. */
  wb_backup_restore (backup, BACKUP_PASS, target, "bram", TEST_PASS2, FALSE, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *tmp = g_strconcat (target, ".restoring", NULL);
    g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }

  restored = open_unlocked (target);
  after = contents (restored);
  g_assert_true (same_contents (before, after));
  g_assert_cmpmem (restored->vault_id, 16, vault->vault_id, 16);
  due = wb_vault_list_due (restored, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (g_array_index (due, WbVaultDue, 0).due, ==, 1234567);
  assert_vault_sound (restored);
  /* The restore is in the restored vault's own audit chain. */
  wb_vault_verify_audit (restored, &n_audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit, ==, n_audit_src);

  g_assert_cmpuint (wb_test_scan_for (backup, MARK), ==, 0);
  g_assert_cmpuint (wb_test_scan_for (backup, "Test Bakker-7"), ==, 0);
  g_clear_pointer (&restored, wb_vault_free);
  g_clear_pointer (&vault, wb_vault_free);
  g_assert_cmpuint (wb_test_scan_dir (private_tmp, MARK), ==, 0);
  wb_test_rm_rf (dir);
}

static void
test_recovery_key (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *backup = g_build_filename (dir, "v.wbbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "r.db", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *typed = NULL;
  WbBackupInfo info;

  key = wb_vault_set_recovery_key (vault, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  fill (vault, "R", 4, 100);

  /* A key that is not the vault's would make an unreadable backup. */
  wb_backup_write (vault, backup, WB_BACKUP_KEY_RECOVERY, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                   wb_kdf_cost_test (), &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  wb_backup_write (vault, backup, WB_BACKUP_KEY_RECOVERY, key, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);

  /* Typed in lower case without dashes, as a user might. */
  typed = g_ascii_strdown (key, -1);
  g_strdelimit (typed, "-", ' ');
  wb_backup_inspect (backup, typed, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.key_kind, ==, WB_BACKUP_KEY_RECOVERY);
  wb_backup_inspect (backup, BACKUP_PASS, TRUE, &info, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  wb_backup_restore (backup, key, target, NULL, key, TRUE, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&vault, wb_vault_free);
  vault = open_unlocked (target);
  assert_vault_sound (vault);
  wb_test_rm_rf (dir);
}

/* Automatic backups: sealed to the recovery slot's public key, no secret
 * needed to write them, the recovery key alone opens them. */
static void
test_recovery_slot (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *backup = g_build_filename (dir, "auto.wbbackup", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.wbbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "r.db", NULL);
  g_autofree char *target2 = g_build_filename (dir, "r2.db", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(WbVault) restored = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autofree guint8 *copy = NULL;
  g_autofree char *key = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *other_key = NULL;
  WbBackupInfo info;
  gsize len;

  /* Without a recovery key there is nothing to seal to. */
  g_assert_false (wb_backup_can_seal_to_recovery (vault));
  g_assert_false (wb_backup_write (vault, backup, WB_BACKUP_KEY_RECOVERY_SLOT, NULL, NULL, &error));
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_NO_RECOVERY_KEY);
  g_clear_error (&error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  key = wb_vault_set_recovery_key (vault, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  g_assert_true (wb_backup_can_seal_to_recovery (vault));
  fill (vault, "S", 9, 300);
  before = contents (vault);
  wb_backup_write (vault, backup, WB_BACKUP_KEY_RECOVERY_SLOT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wb_test_scan_for (backup, MARK), ==, 0);

  wb_backup_inspect (backup, NULL, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.key_kind, ==, WB_BACKUP_KEY_RECOVERY_SLOT);
  g_assert_false (info.decrypted);
  g_assert_cmpmem (info.vault_id, 16, vault->vault_id, 16);

  typed = g_ascii_strdown (key, -1);
  g_strdelimit (typed, "-", ' ');
  wb_backup_inspect (backup, typed, TRUE, &info, &error);
  g_assert_no_error (error);
  g_assert_true (info.decrypted);
  g_assert_cmpuint (info.n_cases, ==, 3);

  /* Neither another recovery key nor a passphrase opens it. */
  wb_backup_inspect (backup, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", TRUE, &info, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  wb_backup_inspect (backup, TEST_PASS, TRUE, &info, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* Every header byte is covered: an edit is reported as such, and an
   * editor who fixes the hash meets the slot's AEAD or the file key's. */
  good = read_bytes (backup);
  len = g_bytes_get_size (good);
  copy = g_memdup2 (g_bytes_get_data (good, NULL), len);
  for (gsize at = 8; at < 380; at += (at < 100 ? 1 : 7))
    {
      copy[at] ^= 0x01;
      write_bytes (bad, copy, len);
      g_assert_false (wb_backup_inspect (bad, key, TRUE, &info, &error));
      g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_HEADER_ALTERED);
      g_clear_error (&error);
      copy[at] ^= 0x01;
    }
  {
    /* vault id, date, size, salt, nonce, sealed slot key, slot id, public
     * key, sealed wrap key, second nonce, sealed file key */
    static const gsize edits[] = { 12, 28, 36, 60, 80, 110, 150, 170, 200, 280, 310 };

    for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
      {
        copy[edits[e]] ^= 0x01;
        crypto_generichash (copy + 348, 32, copy, 348, NULL, 0);
        write_bytes (bad, copy, len);
        g_assert_false (wb_backup_restore (bad, key, target2, NULL, key, TRUE, TRUE, NULL, &error));
        g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
        g_clear_error (&error);
        g_assert_false (g_file_test (target2, G_FILE_TEST_EXISTS));
        memcpy (copy, g_bytes_get_data (good, NULL), len);
      }
  }

  /* A new recovery key does not open the backups sealed to the old slot;
   * the old key still does. */
  other_key = wb_vault_set_recovery_key (vault, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  wb_backup_inspect (backup, other_key, TRUE, &info, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  wb_backup_restore (backup, key, target, NULL, key, TRUE, TRUE, &info, &error);
  g_assert_no_error (error);
  g_clear_pointer (&vault, wb_vault_free);
  restored = open_unlocked (target);
  after = contents (restored);
  g_assert_true (same_contents (before, after));
  assert_vault_sound (restored);
  g_assert_cmpuint (wb_test_scan_dir (private_tmp, MARK), ==, 0);
  wb_test_rm_rf (dir);
}

static void
test_refuses_weak_and_occupied (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *backup = g_build_filename (dir, "v.wbbackup", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *target = g_build_filename (dir, "t.db", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(WbVault) busy = NULL;
  g_autoptr(GError) error = NULL;
  WbKdfCost low = { 1, 8192, FALSE };
  WbBackupInfo info;

  wb_backup_write (vault, backup, WB_BACKUP_KEY_PASSPHRASE, "short", wb_kdf_cost_test (), &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  /* Below the minimum without the explicit test flag. */
  wb_backup_write (vault, backup, WB_BACKUP_KEY_PASSPHRASE, BACKUP_PASS, &low, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_COST_TOO_LOW);
  g_clear_error (&error);
  /* Never overwrites a file that is not a backup (the vault itself, say). */
  write_bytes (other, (const guint8 *) "keep me", 7);
  wb_backup_write (vault, other, WB_BACKUP_KEY_PASSPHRASE, BACKUP_PASS, wb_kdf_cost_test (), &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (wb_test_scan_for (other, "keep me"), ==, 1);

  write_backup (vault, backup);
  /* An older backup is replaced. */
  write_backup (vault, backup);
  /* A test-cost backup is refused where the caller did not ask for test cost. */
  wb_backup_inspect (backup, BACKUP_PASS, FALSE, &info, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_COST_TOO_LOW);
  g_clear_error (&error);

  /* A target open elsewhere is not replaced under its feet. */
  wb_vault_free (wb_test_new_vault (dir, "t.db"));
  busy = open_unlocked (target);
  wb_backup_restore (backup, BACKUP_PASS, target, "anna", TEST_PASS, FALSE, TRUE, NULL, &error);
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_pointer (&busy, wb_vault_free);
  /* A wrong account passphrase for the restored vault replaces nothing. */
  wb_backup_restore (backup, BACKUP_PASS, target, "anna", TEST_PASS2, FALSE, TRUE, NULL, &error);
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  wb_test_rm_rf (dir);
}

/* The old target's WAL must not be replayed into the restored file: a
 * process that died with the target open leaves one behind. */
static void
test_restore_over_stale_wal_and_damage (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *backup = g_build_filename (dir, "v.wbbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "t.db", NULL);
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(WbVault) restored = NULL;
  g_autoptr(GHashTable) want = NULL;
  g_autoptr(GHashTable) got = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  fill (vault, "NEW", 5, 100);
  want = contents (vault);
  write_backup (vault, backup);
  wb_vault_free (wb_test_new_vault (dir, "t.db"));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      WbVault *v = open_unlocked (target);

      fill (v, "OLD", 5, 100);
      _exit (0);                /* without closing: the WAL stays */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  wb_backup_restore (backup, BACKUP_PASS, target, "anna", TEST_PASS, FALSE, TRUE, NULL, &error);
  g_assert_no_error (error);
  restored = open_unlocked (target);
  got = contents (restored);
  g_assert_true (same_contents (got, want));
  assert_vault_sound (restored);
  g_clear_pointer (&restored, wb_vault_free);

  /* A target that is no database at all is what a restore is for. */
  write_bytes (target, (const guint8 *) "not a database at all, just damage", 34);
  wb_backup_restore (backup, BACKUP_PASS, target, "anna", TEST_PASS, FALSE, TRUE, NULL, &error);
  g_assert_no_error (error);
  restored = open_unlocked (target);
  g_clear_pointer (&got, g_hash_table_unref);
  got = contents (restored);
  g_assert_true (same_contents (got, want));
  wb_test_rm_rf (dir);
}

/* Refusals */

typedef struct
{
  char   *dir;
  char   *backup;
  char   *bad;
  char   *target;
  GBytes *good;
  GBytes *target_before;
  gsize   n_chunks;
} Damage;

static void
damage_setup (Damage *d)
{
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbVault) target = NULL;
  gsize len;

  d->dir = wb_test_tmpdir ();
  d->backup = g_build_filename (d->dir, "v.wbbackup", NULL);
  d->bad = g_build_filename (d->dir, "bad.wbbackup", NULL);
  d->target = g_build_filename (d->dir, "t.db", NULL);
  vault = wb_test_new_vault (d->dir, "v.db");
  /* About 200 KiB of records: four chunks. */
  fill (vault, "A", 50, 4000);
  write_backup (vault, d->backup);
  d->good = read_bytes (d->backup);
  len = g_bytes_get_size (d->good);
  d->n_chunks = (len - PREFIX_LEN + CHUNK_LEN - 1) / CHUNK_LEN;
  g_assert_cmpuint (d->n_chunks, >=, 3);

  target = wb_test_new_vault (d->dir, "t.db");
  fill (target, "OLD", 3, 100);
  g_clear_pointer (&target, wb_vault_free);
  d->target_before = read_bytes (d->target);
}

static void
damage_teardown (Damage *d)
{
  wb_test_rm_rf (d->dir);
  g_free (d->dir);
  g_free (d->backup);
  g_free (d->bad);
  g_free (d->target);
  g_bytes_unref (d->good);
  g_bytes_unref (d->target_before);
}

static void
expect_refused (Damage       *d,
                const guint8 *data,
                gsize         len,
                const char   *secret,
                int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autofree char *tmp = g_strconcat (d->target, ".restoring", NULL);
  g_autofree char *wal = g_strconcat (d->target, "-wal", NULL);

  write_bytes (d->bad, data, len);
  g_assert_false (wb_backup_restore (d->bad, secret, d->target, "anna", TEST_PASS, FALSE, TRUE, NULL, &error));
  g_assert_error (error, WB_BACKUP_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  now = read_bytes (d->target);
  g_assert_true (g_bytes_equal (now, d->target_before));
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_truncated (void)
{
  Damage d;
  const guint8 *data;
  gsize len;

  damage_setup (&d);
  data = g_bytes_get_data (d.good, &len);
  expect_refused (&d, data, 0, BACKUP_PASS, WB_BACKUP_ERROR_NOT_A_BACKUP);
  expect_refused (&d, data, 5, BACKUP_PASS, WB_BACKUP_ERROR_NOT_A_BACKUP);
  expect_refused (&d, data, 100, BACKUP_PASS, WB_BACKUP_ERROR_TRUNCATED);
  expect_refused (&d, data, HEADER_LEN, BACKUP_PASS, WB_BACKUP_ERROR_TRUNCATED);
  for (gsize k = 0; k < d.n_chunks; k++)
    {
      gsize boundary = PREFIX_LEN + k * CHUNK_LEN;

      /* At the boundary before chunk k, and in the middle of chunk k. */
      expect_refused (&d, data, boundary, BACKUP_PASS, WB_BACKUP_ERROR_TRUNCATED);
      expect_refused (&d, data, MIN (boundary + CHUNK_LEN / 2, len - 1), BACKUP_PASS,
                      WB_BACKUP_ERROR_TRUNCATED);
    }
  expect_refused (&d, data, len - 1, BACKUP_PASS, WB_BACKUP_ERROR_TRUNCATED);
  damage_teardown (&d);
}

static void
test_appended (void)
{
  Damage d;
  g_autoptr(GByteArray) more = g_byte_array_new ();
  gsize len;
  const guint8 *data = NULL;

  damage_setup (&d);
  data = g_bytes_get_data (d.good, &len);
  g_byte_array_append (more, data, len);
  g_byte_array_append (more, (const guint8 *) "x", 1);
  expect_refused (&d, more->data, more->len, BACKUP_PASS, WB_BACKUP_ERROR_TRAILING_DATA);
  /* A whole extra chunk copied from the file. */
  g_byte_array_append (more, data + PREFIX_LEN, CHUNK_LEN - 1);
  expect_refused (&d, more->data, more->len, BACKUP_PASS, WB_BACKUP_ERROR_TRAILING_DATA);
  damage_teardown (&d);
}

static void
test_reordered_and_flipped (void)
{
  Damage d;
  g_autofree guint8 *copy = NULL;
  gsize len;

  damage_setup (&d);
  g_bytes_get_data (d.good, &len);
  copy = g_memdup2 (g_bytes_get_data (d.good, NULL), len);

  /* Chunks 0 and 1 swapped, then 1 and 2. */
  for (gsize k = 0; k + 2 < d.n_chunks; k++)
    {
      guint8 *a = copy + PREFIX_LEN + k * CHUNK_LEN;
      g_autofree guint8 *save = g_memdup2 (a, CHUNK_LEN);

      memcpy (a, a + CHUNK_LEN, CHUNK_LEN);
      memcpy (a + CHUNK_LEN, save, CHUNK_LEN);
      expect_refused (&d, copy, len, BACKUP_PASS, WB_BACKUP_ERROR_DAMAGED);
      memcpy (copy, g_bytes_get_data (d.good, NULL), len);
    }

  /* One flipped bit anywhere in the secretstream header or the body. */
  for (guint i = 0; i < 24; i++)
    {
      gsize at = i < 4 ? HEADER_LEN + g_test_rand_int_range (0, PREFIX_LEN - HEADER_LEN)
                       : g_test_rand_int_range (PREFIX_LEN, len);

      copy[at] ^= 1 << g_test_rand_int_range (0, 8);
      expect_refused (&d, copy, len, BACKUP_PASS, WB_BACKUP_ERROR_DAMAGED);
      memcpy (copy, g_bytes_get_data (d.good, NULL), len);
    }
  damage_teardown (&d);
}

static void
test_header_edited (void)
{
  Damage d;
  g_autofree guint8 *copy = NULL;
  gsize len;

  damage_setup (&d);
  g_bytes_get_data (d.good, &len);
  copy = g_memdup2 (g_bytes_get_data (d.good, NULL), len);

  copy[3] ^= 0x20;
  expect_refused (&d, copy, len, BACKUP_PASS, WB_BACKUP_ERROR_NOT_A_BACKUP);
  copy[3] ^= 0x20;
  /* Every byte after the magic: version, key kind, vault id, date, size,
   * KDF cost, salt, nonce, sealed key and the hash itself. */
  for (gsize at = 8; at < HEADER_LEN; at++)
    {
      copy[at] ^= 0x01;
      expect_refused (&d, copy, len, BACKUP_PASS, WB_BACKUP_ERROR_HEADER_ALTERED);
      copy[at] ^= 0x01;
    }
  /* An editor who also fixes the hash still meets the AEAD: a changed
   * vault id or a lowered cost does not open. */
  static const gsize edits[] = { 12, 27, 28, 36, 52, 60, 80 };
  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      gsize at = edits[e];

      copy[at] ^= 0x01;
      crypto_generichash (copy + 148, 32, copy, 148, NULL, 0);
      expect_refused (&d, copy, len, BACKUP_PASS, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
      memcpy (copy, g_bytes_get_data (d.good, NULL), len);
    }
  damage_teardown (&d);
}

static void
test_wrong_passphrase (void)
{
  Damage d;
  gsize len;
  const guint8 *data;

  damage_setup (&d);
  data = g_bytes_get_data (d.good, &len);
  expect_refused (&d, data, len, "not the backup passphrase", WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  expect_refused (&d, data, len, "", WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  damage_teardown (&d);
}

/* Kill tests */

static gint64
time_restore (const char *backup,
              const char *target)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  wb_backup_restore (backup, BACKUP_PASS, target, "anna", TEST_PASS, FALSE, TRUE, NULL, &error);
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

static void
test_restore_killed (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "t.db", NULL);
  char *backups[2];
  GHashTable *want[2];
  gint64 span;
  guint state, n_seen[2] = { 0, 0 };
  guint rounds = g_test_slow () ? 200 : 30;

  for (guint g = 0; g < 2; g++)
    {
      g_autofree char *name = g_strdup_printf ("g%u.db", g);
      g_autoptr(WbVault) v = wb_test_new_vault (dir, name);

      fill (v, g == 0 ? "A" : "B", 40, 3000);
      want[g] = contents (v);
      backups[g] = g_strdup_printf ("%s/g%u.wbbackup", dir, g);
      write_backup (v, backups[g]);
    }
  span = time_restore (backups[1], target);
  span = MAX (span, time_restore (backups[0], target));
  state = 0;

  for (guint round = 0; round < rounds; round++)
    {
      guint next = 1 - state;
      g_autoptr(WbVault) v = NULL;
      g_autoptr(GHashTable) got = NULL;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (wb_backup_restore (backups[next], BACKUP_PASS, target, "anna", TEST_PASS, FALSE, TRUE,
                                  NULL, NULL) ? 0 : 1);
      /* Kill moments spread over the whole restore, a few after its end. */
      g_usleep (g_test_rand_int_range (0, (int) (span * 1.2) + 1));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));

      v = open_unlocked (target);
      got = contents (v);
      if (same_contents (got, want[next]))
        state = next;
      else
        g_assert_true (same_contents (got, want[state]));
      assert_vault_sound (v);
      n_seen[state]++;
    }
  g_test_message ("%u kills: %u times A, %u times B", rounds, n_seen[0], n_seen[1]);
  for (guint g = 0; g < 2; g++)
    {
      g_free (backups[g]);
      g_hash_table_unref (want[g]);
    }
  g_assert_cmpuint (wb_test_scan_dir (dir, MARK), ==, 0);
  wb_test_rm_rf (dir);
}

static pid_t
fork_backup_child (const char *src,
                   const char *dest)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      WbVault *v = wb_vault_open (src, NULL);

      _exit (v && wb_vault_unlock (v, "anna", TEST_PASS, TRUE, NULL) &&
             wb_backup_write (v, dest, WB_BACKUP_KEY_PASSPHRASE, BACKUP_PASS, wb_kdf_cost_test (), NULL)
             ? 0 : 1);
    }
  return pid;
}

static void
test_backup_killed (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *dest = g_build_filename (dir, "out.wbbackup", NULL);
  g_autofree char *src = g_build_filename (dir, "v.db", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  guint rounds = g_test_slow () ? 200 : 30;
  guint n_complete = 0, n_partial = 0;
  gint64 span;

  fill (vault, "A", 40, 3000);
  g_clear_pointer (&vault, wb_vault_free);
  /* The whole child, timed once, so the kill moments cover its writing. */
  {
    gint64 start = g_get_monotonic_time ();
    int status;
    pid_t pid = fork_backup_child (src, dest);

    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    span = g_get_monotonic_time () - start;
  }

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GDir) d = NULL;
      const char *name;
      int status;
      pid_t pid;

      g_unlink (dest);
      pid = fork_backup_child (src, dest);
      g_usleep (g_test_rand_int_range (0, (int) (span * 1.2) + 1));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      /* The final name is a whole backup or absent; partial files never
       * pass for one. */
      if (g_file_test (dest, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GError) error = NULL;
          WbBackupInfo info;

          wb_backup_inspect (dest, BACKUP_PASS, TRUE, &info, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (info.n_records, ==, 41);
          n_complete++;
        }
      d = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (d)) != NULL)
        if (strstr (name, ".partial-") != NULL)
          {
            g_autofree char *p = g_build_filename (dir, name, NULL);
            WbBackupInfo info;

            /* Killed between its fsync and the rename, the file is whole;
             * anything less is refused. */
            if (wb_backup_inspect (p, BACKUP_PASS, TRUE, &info, NULL))
              g_assert_cmpuint (info.n_records, ==, 41);
            else
              n_partial++;
            g_unlink (p);
          }
    }
  g_test_message ("%u kills: %u complete backups, %u partial files refused", rounds, n_complete, n_partial);
  vault = open_unlocked (src);
  assert_vault_sound (vault);
  wb_test_rm_rf (dir);
}

/* WbStore */

static void
test_store_async (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autofree char *dest = g_build_filename (dir, "s.wbbackup", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dest);
  g_autoptr(WbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) res = NULL;
  g_autofree WbBackupInfo *info = NULL;

  {
    g_autoptr(WbVault) v = wb_test_new_vault (dir, "v.db");
    fill (v, "S", 6, 100);
  }
  store = wb_store_new (path);
  wb_store_set_kdf_cost_for_testing (store, wb_kdf_cost_test ());
  wb_store_open_async (store, NULL, wb_test_result_cb, &res);
  g_assert_true (wb_store_open_finish (store, wb_test_wait_result (&res), &error));
  g_clear_object (&res);
  wb_store_unlock_async (store, "anna", TEST_PASS, TRUE, NULL, wb_test_result_cb, &res);
  g_assert_true (wb_store_unlock_finish (store, wb_test_wait_result (&res), &error));
  g_assert_no_error (error);
  g_clear_object (&res);

  wb_store_backup_async (store, file, WB_BACKUP_KEY_PASSPHRASE, BACKUP_PASS, NULL, NULL, wb_test_result_cb, &res);
  wb_store_backup_finish (store, wb_test_wait_result (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);

  wb_store_inspect_backup_async (store, file, BACKUP_PASS, NULL, wb_test_result_cb, &res);
  info = wb_store_inspect_backup_finish (store, wb_test_wait_result (&res), &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpuint (info->n_cases, ==, 2);
  g_clear_object (&res);

  wb_store_inspect_backup_async (store, file, "wrong backup passphrase", NULL, wb_test_result_cb, &res);
  g_assert_null (wb_store_inspect_backup_finish (store, wb_test_wait_result (&res), &error));
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&res);

  /* A case added after the backup is gone once the store restored it. */
  {
    g_autoptr(GBytes) b = wb_test_text (MARK " later");
    WbRecordId id;

    wb_record_id_generate (&id);
    wb_store_put_async (store, "case", &id, b, NULL, wb_test_result_cb, &res);
    g_assert_true (wb_store_put_finish (store, wb_test_wait_result (&res), &error));
    g_clear_object (&res);
  }
  wb_store_restore_async (store, file, "wrong backup passphrase", "anna", TEST_PASS, FALSE, NULL,
                          wb_test_result_cb, &res);
  g_assert_false (wb_store_restore_finish (store, wb_test_wait_result (&res), &error));
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&res);
  wb_store_restore_async (store, file, BACKUP_PASS, "anna", TEST_PASS, FALSE, NULL, wb_test_result_cb, &res);
  g_assert_true (wb_store_restore_finish (store, wb_test_wait_result (&res), &error));
  g_assert_no_error (error);
  g_clear_object (&res);
  /* Locked after the restore; the state reaches the main thread after the
   * result, so wait for it. */
  while (!wb_store_get_locked (store))
    g_main_context_iteration (NULL, TRUE);
  wb_store_unlock_async (store, "anna", TEST_PASS, TRUE, NULL, wb_test_result_cb, &res);
  g_assert_true (wb_store_unlock_finish (store, wb_test_wait_result (&res), &error));
  g_clear_object (&res);
  wb_store_list_kind_async (store, "case", NULL, wb_test_result_cb, &res);
  {
    g_autoptr(GArray) ids = wb_store_list_kind_finish (store, wb_test_wait_result (&res), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }
  g_clear_object (&res);
  g_clear_object (&store);
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  /* A private TMPDIR, set before anything caches it, so the plaintext scan
   * covers every temporary file SQLite or GLib could write. */
  private_tmp = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                                  "wb-test-backup-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (private_tmp));
  g_setenv ("TMPDIR", private_tmp, TRUE);
  g_test_init (&argc, &argv, NULL);
  wb_store_crypto_init (NULL);

  g_test_add_func ("/store/backup/round-trip-keeps-every-record", test_round_trip);
  g_test_add_func ("/store/backup/recovery-key-seals-the-file-key", test_recovery_key);
  g_test_add_func ("/store/backup/recovery-slot-needs-no-secret-to-write", test_recovery_slot);
  g_test_add_func ("/store/backup/refuses-weak-secret-and-occupied-target", test_refuses_weak_and_occupied);
  g_test_add_func ("/store/backup/restore-over-stale-wal-or-damage", test_restore_over_stale_wal_and_damage);
  g_test_add_func ("/store/backup/truncation-is-refused", test_truncated);
  g_test_add_func ("/store/backup/appended-bytes-are-refused", test_appended);
  g_test_add_func ("/store/backup/reordered-or-flipped-chunks-are-refused", test_reordered_and_flipped);
  g_test_add_func ("/store/backup/edited-header-is-refused", test_header_edited);
  g_test_add_func ("/store/backup/wrong-passphrase-is-refused", test_wrong_passphrase);
  g_test_add_func ("/store/backup/restore-killed-is-old-or-new", test_restore_killed);
  g_test_add_func ("/store/backup/backup-killed-leaves-no-false-backup", test_backup_killed);
  g_test_add_func ("/store/backup/store-async", test_store_async);

  {
    int rc = g_test_run ();

    wb_test_rm_rf (private_tmp);
    g_free (private_tmp);
    return rc;
  }
}
