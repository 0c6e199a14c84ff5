/* wb-backup-restore.c: replacing a vault with the one in a backup file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Restoring decrypts into memory and checks the database there
 * (integrity_check, vault id) before anything on disk changes. It writes
 * "<target>.restoring" (0600, held with flock), unlocks it as the user and
 * appends the "restore" audit entry, fsyncs it, renames it over the target
 * and fsyncs the folder. An open WAL of the old target would be replayed
 * into the new file after the rename (the WAL does not name its database),
 * so the old target is checkpointed and closed first; if its -wal file
 * still exists afterwards another program has it open and the restore is
 * refused. A program that opens the vault between that check and the
 * rename is not excluded: Weerbaar must be closed while restoring.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-backup-private.h"
#include "wb-db.h"
#include "wb-vault-private.h"

static void
unlink_db_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
}

/* Checkpoints and closes the old target so no WAL of it survives the
 * rename; refuses when another program still holds it open. */
static gboolean
release_target (const char *target,
                GError    **error)
{
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *shm = g_strconcat (target, "-shm", NULL);
  sqlite3 *db = NULL;

  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      unlink_db_files (target);
      return TRUE;
    }
  if (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  /* The last connection to close deletes -wal and -shm. */
  sqlite3_close (db);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_IN_USE,
                   /* Translators: %s is the vault's file name. */
                   _("The vault “%s” is in use by another program; close Weerbaar and try again."),
                   target);
      return FALSE;
    }
  g_unlink (shm);
  return TRUE;
}

static gboolean
audit_restored (const char   *tmp,
                const char   *account,
                const char   *passphrase,
                gboolean      use_recovery_key,
                gboolean      allow_test_cost,
                WbBackupInfo *info,
                GError      **error)
{
  g_autoptr(WbVault) vault = wb_vault_open (tmp, error);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;

  if (vault == NULL)
    return FALSE;
  ok = use_recovery_key ? wb_vault_unlock_recovery (vault, passphrase, allow_test_cost, error)
                        : wb_vault_unlock (vault, account, passphrase, allow_test_cost, error);
  if (!ok)
    return FALSE;
  when = g_date_time_new_from_unix_utc (info->created);
  detail = when ? g_date_time_format_iso8601 (when) : g_strdup ("");
  return wb_vault_audit (vault, "restore", NULL, NULL, detail, error);
}

gboolean
wb_backup_restore (const char    *backup_path,
                   const char    *secret,
                   const char    *target_path,
                   const char    *account,
                   const char    *passphrase,
                   gboolean       use_recovery_key,
                   gboolean       allow_test_cost,
                   WbBackupInfo  *out_info,
                   GError       **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  WbBackupOpened o;
  gboolean ok = FALSE;
  int fd = -1;

  g_return_val_if_fail (backup_path != NULL && secret != NULL && target_path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!wb_store_crypto_init (error) || !wb_backup_open (backup_path, secret, allow_test_cost, &o, error))
    return FALSE;

  dir = g_path_get_dirname (target_path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      wb_backup_set_io_error (error, dir, errno);
      goto out;
    }

  /* A fixed name, so a restore killed halfway leaves no second copy behind
   * once the next one runs; the lock keeps two restores apart. */
  tmp = g_strconcat (target_path, ".restoring", NULL);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      wb_backup_set_io_error (error, tmp, errno);
      g_clear_pointer (&tmp, g_free);
      goto out;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_IN_USE,
                   /* Translators: %s is the vault's file name. */
                   _("Another restore into “%s” is running."), target_path);
      close (fd);
      fd = -1;
      g_clear_pointer (&tmp, g_free);
      goto out;
    }
  /* A WAL left by a killed restore would be replayed into the new file. */
  unlink_db_files (tmp);
  if (fchmod (fd, 0600) != 0 || ftruncate (fd, 0) != 0 ||
      !wb_backup_write_all (fd, o.data, o.info.snapshot_size) || fsync (fd) != 0)
    {
      wb_backup_set_io_error (error, tmp, errno);
      goto out;
    }
  wb_backup_opened_clear (&o);

  if (!audit_restored (tmp, account, passphrase, use_recovery_key, allow_test_cost, &o.info, error))
    goto out;
  {
    g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);

    /* Closing should have checkpointed and removed it; a WAL left behind
     * would not follow the rename. */
    if (g_file_test (tmp_wal, G_FILE_TEST_EXISTS))
      {
        wb_backup_set_io_error (error, tmp_wal, EBUSY);
        goto out;
      }
  }
  /* Closing the vault checkpointed and removed tmp's WAL; make it durable. */
  if (fsync (fd) != 0 || !release_target (target_path, error))
    {
      if (error && *error == NULL)
        wb_backup_set_io_error (error, tmp, errno);
      goto out;
    }
  if (g_rename (tmp, target_path) != 0)
    {
      wb_backup_set_io_error (error, target_path, errno);
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  if (!wb_backup_fsync_dir_of (target_path))
    {
      wb_backup_set_io_error (error, target_path, errno);
      goto out;
    }
  ok = TRUE;
  if (out_info)
    *out_info = o.info;

out:
  if (tmp)
    {
      g_unlink (tmp);
      unlink_db_files (tmp);
    }
  if (fd >= 0)
    close (fd);
  wb_backup_opened_clear (&o);
  return ok;
}
