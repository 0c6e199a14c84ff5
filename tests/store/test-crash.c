/* test-crash.c: writers and rotations killed with SIGKILL at random moments.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wb-db.h"
#include "wb-test-util.h"
#include "wb-vault-private.h"

#define CRASH_MARK "CRASHMARK-plaintext-7d1"

static WbVault *
open_unlocked (const char *path,
               const char *name,
               const char *pass)
{
  g_autoptr(GError) error = NULL;
  WbVault *vault = wb_vault_open (path, &error);

  g_assert_no_error (error);
  wb_vault_unlock (vault, name, pass, TRUE, &error);
  g_assert_no_error (error);
  return vault;
}

static char *
content_for (const WbRecordId *id)
{
  g_autofree char *h = wb_record_id_to_string (id);
  return g_strdup_printf ("%s %s %s", CRASH_MARK, h, "padding padding padding padding");
}

G_GNUC_NORETURN static void
writer_child (const char *path,
              int         fd)
{
  WbVault *vault = wb_vault_open (path, NULL);

  if (vault == NULL || !wb_vault_unlock (vault, "anna", TEST_PASS, TRUE, NULL))
    _exit (3);
  for (;;)
    {
      WbRecordId id;
      g_autofree char *text = NULL;
      g_autoptr(GBytes) b = NULL;

      wb_record_id_generate (&id);
      text = content_for (&id);
      b = wb_test_text (text);
      if (!wb_vault_put (vault, "case", &id, b, NULL))
        _exit (4);
      /* Reported only after COMMIT returned: the record must survive. */
      if (write (fd, id.bytes, sizeof id.bytes) != sizeof id.bytes)
        _exit (5);
    }
}

static void
verify_all (const char *path,
            GArray     *committed)
{
  g_autoptr(WbVault) vault = open_unlocked (path, "anna", TEST_PASS);
  g_autoptr(GError) error = NULL;
  WbVaultCheck check;

  for (guint i = 0; i < committed->len; i++)
    {
      const WbRecordId *id = &g_array_index (committed, WbRecordId, i);
      g_autofree char *want = content_for (id);
      g_autoptr(GBytes) got = wb_vault_get (vault, id, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), want, strlen (want));
    }
  wb_vault_check (vault, &check, &error);
  g_assert_no_error (error);
  g_assert_true (check.integrity_ok);
  g_assert_true (check.audit_ok);
  g_assert_cmpuint (check.n_damaged, ==, 0);
  wb_vault_check_clear (&check);
}

static void
test_killed_writer (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (WbRecordId));
  guint kills = g_test_slow () ? 1000 : 200;

  wb_vault_free (wb_test_new_vault (dir, "v.db"));

  for (guint round = 0; round < kills; round++)
    {
      int fds[2];
      pid_t pid;
      int status;
      WbRecordId id;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          writer_child (path, fds[1]);
        }
      close (fds[1]);
      g_usleep (g_test_rand_int_range (1000, 40000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      while (read (fds[0], id.bytes, sizeof id.bytes) == sizeof id.bytes)
        g_array_append_val (committed, id);
      close (fds[0]);

      if (round % 50 == 49)
        verify_all (path, committed);
    }
  g_test_message ("%u kills, %u committed records", kills, committed->len);
  g_assert_cmpuint (committed->len, >, kills);
  verify_all (path, committed);
  g_assert_cmpuint (wb_test_scan_dir (dir, CRASH_MARK), ==, 0);
  wb_test_rm_rf (dir);
}

/* Rotation */

typedef struct
{
  guint  kill_at;
  gulong delay_us;
} HookData;

static void
rotation_hook (guint    n_done,
               gpointer user_data)
{
  HookData *h = user_data;

  if (h->kill_at > 0 && n_done == h->kill_at)
    raise (SIGKILL);
  if (h->delay_us)
    g_usleep (h->delay_us);
}

static void
make_rotation_vault (const char *dir,
                     const char *path,
                     guint       n_records)
{
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(GError) error = NULL;

  wb_vault_add_account (vault, "bert", NULL, WB_VAULT_ROLE_MEDEWERKER, TEST_PASS2, wb_kdf_cost_test (), &error);
  wb_vault_add_account (vault, "carla", NULL, WB_VAULT_ROLE_MEDEWERKER, "carla passphrase", wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  wb_vault_begin (vault, &error);
  for (guint i = 0; i < n_records; i++)
    {
      WbRecordId id;
      g_autofree char *text = NULL;
      g_autoptr(GBytes) b = NULL;

      wb_record_id_generate (&id);
      text = content_for (&id);
      b = wb_test_text (text);
      wb_vault_put (vault, "case", &id, b, &error);
      g_assert_no_error (error);
    }
  wb_vault_commit (vault, &error);
  g_assert_no_error (error);
}

/* All old (bert still there, old key id) or all new, never a mix. */
static gboolean
assert_consistent (const char *path,
                   guint32     old_key_id,
                   guint       n_records)
{
  g_autoptr(WbVault) vault = open_unlocked (path, "carla", "carla passphrase");
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) bert = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean rotated = vault->key_id != old_key_id;
  sqlite3_stmt *stmt = NULL;
  WbVaultCheck check;

  g_assert_cmpuint (vault->key_id, <=, old_key_id + 1);
  sqlite3_prepare_v2 (vault->db, "SELECT count(*) FROM records WHERE key_id != ?", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, vault->key_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  ids = wb_vault_list_ids (vault, "case", &error);
  g_assert_cmpuint (ids->len, ==, n_records);
  /* Every record opens under the key the vault now has, with its content. */
  for (guint i = 0; i < ids->len; i++)
    {
      const WbRecordId *id = &g_array_index (ids, WbRecordId, i);
      g_autofree char *want = content_for (id);
      g_autoptr(GBytes) got = wb_vault_get (vault, id, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), want, strlen (want));
    }
  wb_vault_check (vault, &check, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check.n_damaged, ==, 0);
  g_assert_cmpuint (check.n_damaged_slots, ==, 0);
  g_assert_true (check.audit_ok);
  g_assert_true (check.integrity_ok);
  g_assert_cmpuint (check.n_slots, ==, rotated ? 2 : 3);
  wb_vault_check_clear (&check);

  bert = wb_vault_open (path, &error);
  g_assert_cmpint (wb_vault_unlock (bert, "bert", TEST_PASS2, TRUE, NULL), ==, !rotated);
  return rotated;
}

static void
run_rotation_child (const char *path,
                    HookData   *hook,
                    gulong      kill_after_us)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      WbVault *vault = wb_vault_open (path, NULL);

      if (vault == NULL || !wb_vault_unlock (vault, "anna", TEST_PASS, TRUE, NULL))
        _exit (3);
      wb_vault_set_rotation_hook (vault, rotation_hook, hook);
      _exit (wb_vault_remove_account (vault, "bert", NULL) ? 0 : 4);
    }
  if (kill_after_us)
    {
      g_usleep (kill_after_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
}

static void
test_rotation_killed_halfway (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  HookData hook = { 150, 0 };

  make_rotation_vault (dir, path, 300);
  run_rotation_child (path, &hook, 0);
  g_assert_false (assert_consistent (path, 1, 300));
  wb_test_rm_rf (dir);
}

/* Every record is re-sealed, the audit log and the commit are still to come. */
static void
test_rotation_killed_after_last_record (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  HookData hook = { 120, 0 };

  make_rotation_vault (dir, path, 120);
  run_rotation_child (path, &hook, 0);
  g_assert_false (assert_consistent (path, 1, 120));
  wb_test_rm_rf (dir);
}

/* The control: the same rotation, not killed, is all new. */
static void
test_rotation_not_killed_is_all_new (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  HookData hook = { 0, 0 };

  make_rotation_vault (dir, path, 120);
  run_rotation_child (path, &hook, 0);
  g_assert_true (assert_consistent (path, 1, 120));
  wb_test_rm_rf (dir);
}

static void
test_rotation_killed_randomly (void)
{
  guint outcomes[2] = { 0, 0 };

  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *dir = wb_test_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "v.db", NULL);
      /* ~200 records at 100 µs each: the kill lands before, during or after. */
      HookData hook = { 0, 100 };

      make_rotation_vault (dir, path, 200);
      run_rotation_child (path, &hook, g_test_rand_int_range (1000, 120000));
      outcomes[assert_consistent (path, 1, 200)]++;
      wb_test_rm_rf (dir);
    }
  g_test_message ("rotation killed: %u times all-old, %u times all-new", outcomes[0], outcomes[1]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_store_crypto_init (NULL);

  g_test_add_func ("/store/crash/killed-writer-keeps-every-commit", test_killed_writer);
  g_test_add_func ("/store/crash/rotation-killed-halfway-is-all-old", test_rotation_killed_halfway);
  g_test_add_func ("/store/crash/rotation-killed-after-last-record-is-all-old",
                   test_rotation_killed_after_last_record);
  g_test_add_func ("/store/crash/rotation-not-killed-is-all-new", test_rotation_not_killed_is_all_new);
  g_test_add_func ("/store/crash/rotation-killed-randomly-never-mixed", test_rotation_killed_randomly);
  return g_test_run ();
}
