/* test-hygiene.c: file modes checked and fixed at open, no core dumps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wb-backup.h"
#include "wb-kdf.h"
#include "wb-store-error.h"
#include "wb-test-util.h"

static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
test_wide_modes_are_fixed_at_open (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  guint n_files = 0;

  wb_vault_free (wb_test_new_vault (dir, "v.db"));

  /* As a copy made with the default umask would be. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        {
          g_assert_cmpint (g_chmod (file, 0644), ==, 0);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, >=, 1);

  for (guint i = 0; i < n_files + 1; i++)
    g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*was open to other users*it is now*");
  vault = wb_vault_open (path, &error);
  g_assert_no_error (error);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (mode_of (dir), ==, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_assert_cmpuint (mode_of (file), ==, 0600);
    }
  wb_vault_unlock (vault, "anna", TEST_PASS, TRUE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&vault, wb_vault_free);

  /* Narrow modes are left alone, without a word (fatal-warnings). */
  vault = wb_vault_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&vault, wb_vault_free);
  wb_test_rm_rf (dir);
}

/* A sticky, world-writable folder such as /tmp is shared on purpose: it is
 * warned about, never narrowed (the tests run as root, who owns /tmp). */
static void
test_shared_folder_is_left_alone (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;

  wb_vault_free (wb_test_new_vault (dir, "v.db"));
  g_assert_cmpint (g_chmod (dir, 01777), ==, 0);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*is open to other users*not Weerbaar's to change*");
  vault = wb_vault_open (path, &error);
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (mode_of (dir), ==, 01777);
  g_assert_cmpuint (mode_of (path), ==, 0600);

  g_clear_pointer (&vault, wb_vault_free);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  wb_test_rm_rf (dir);
}

static void
test_hardened_process_dumps_no_core (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit rl;

      wb_store_harden_process ();
      if (getrlimit (RLIMIT_CORE, &rl) != 0 || rl.rlim_cur != 0 || rl.rlim_max != 0)
        _exit (2);
      _exit (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 ? 0 : 3);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* A cost read from a tampered file is refused before Argon2id runs. */
static void
test_absurd_kdf_cost_is_refused (void)
{
  guint8 out[32];
  guint8 salt[WB_KDF_SALT_LEN] = { 0 };
  const WbKdfCost *cheap = wb_kdf_cost_test ();
  g_autoptr(GError) error = NULL;

  g_assert_false (wb_kdf_derive (out, sizeof out, "x", salt, G_MAXUINT32, cheap->memlimit, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (wb_kdf_derive (out, sizeof out, "x", salt, cheap->opslimit, (gsize) 1 << 40, &error));
  g_assert_error (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_true (wb_kdf_derive (out, sizeof out, "x", salt, cheap->opslimit, cheap->memlimit, &error));
  g_assert_no_error (error);
}

/* A backup whose header (hash recomputed) asks for 2^32 - 1 passes is
 * reported as altered before any passphrase is tried. */
static void
test_backup_with_absurd_cost_is_altered (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "b.wbbackup", NULL);
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "v.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint64 ops = GUINT64_TO_LE (G_MAXUINT32);
  WbBackupInfo info;
  gsize len = 0;

  wb_backup_write (vault, path, WB_BACKUP_KEY_PASSPHRASE, "backup passphrase for tests",
                   wb_kdf_cost_test (), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_cmpuint (len, >, 180);
  /* Offsets of the format comment in wb-backup.c. */
  memcpy (data + 44, &ops, 8);
  crypto_generichash ((guint8 *) data + 148, 32, (const guint8 *) data, 148, NULL, 0);
  g_assert_true (g_file_set_contents (path, data, len, &error));

  g_assert_false (wb_backup_inspect (path, NULL, TRUE, &info, &error));
  g_assert_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_HEADER_ALTERED);
  g_clear_pointer (&vault, wb_vault_free);
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_store_crypto_init (NULL);

  g_test_add_func ("/store/hygiene/wide-modes-are-warned-about-and-fixed-at-open",
                   test_wide_modes_are_fixed_at_open);
  g_test_add_func ("/store/hygiene/shared-folder-is-left-alone", test_shared_folder_is_left_alone);
  g_test_add_func ("/store/hygiene/hardened-process-dumps-no-core", test_hardened_process_dumps_no_core);
  g_test_add_func ("/store/hygiene/absurd-kdf-cost-is-refused", test_absurd_kdf_cost_is_refused);
  g_test_add_func ("/store/hygiene/backup-with-absurd-cost-is-altered", test_backup_with_absurd_cost_is_altered);
  return g_test_run ();
}
