/* wb-cli-backup.c: “weerbaar-cli backup FILE” and “weerbaar-cli restore FILE”.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are audited. A backup needs an unlocked vault and its audit entry
 * goes into that vault. A restore must prove that its user can open the
 * restored vault: it unlocks the restored copy with an account of the
 * backup (or the backup's recovery key), writes the "restore" entry into
 * that copy's audit log, and only then replaces the --db file. Secrets
 * are read in the order they are needed, so one descriptor may carry them
 * all, one per line.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-backup.h"
#include "wb-cli.h"
#include "wb-cli-backup.h"
#include "wb-cli-vault.h"

static int
report (const GError *error)
{
  if (error->domain != WB_BACKUP_ERROR)
    return wb_cli_report_error (error);
  g_printerr ("%s\n", error->message);
  switch (error->code)
    {
    case WB_BACKUP_ERROR_WRONG_PASSPHRASE:
      return WB_CLI_EXIT_WRONG_PASSPHRASE;
    case WB_BACKUP_ERROR_NOT_A_BACKUP:
    case WB_BACKUP_ERROR_HEADER_ALTERED:
    case WB_BACKUP_ERROR_TRUNCATED:
    case WB_BACKUP_ERROR_TRAILING_DATA:
    case WB_BACKUP_ERROR_DAMAGED:
    case WB_BACKUP_ERROR_NOT_A_VAULT:
      return WB_CLI_EXIT_DAMAGE;
    default:
      return WB_CLI_EXIT_FAILURE;
    }
}

static char *
format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

int
wb_cli_cmd_backup (int    argc,
                   char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  gboolean use_recovery = FALSE, sealed = FALSE;
  int backup_fd = -1, recovery_fd = -1;
  GOptionEntry entries[] = {
    { "backup-passphrase-fd", 0, 0, G_OPTION_ARG_INT, &backup_fd, N_("Read the backup passphrase as one line from this file descriptor"), N_("FD") },
    { "recovery-key", 0, 0, G_OPTION_ARG_NONE, &use_recovery, N_("Protect the backup with the vault’s recovery key instead of a backup passphrase"), NULL },
    { "sealed-to-recovery-key", 0, 0, G_OPTION_ARG_NONE, &sealed, N_("Seal the backup to the vault’s recovery key without asking for it, as automatic backups are; the recovery key restores it"), NULL },
    { "recovery-key-fd", 0, 0, G_OPTION_ARG_INT, &recovery_fd, N_("Read the recovery key as one line from this file descriptor"), N_("FD") },
    { NULL }
  };
  char *secret = NULL;
  WbBackupKeyKind kind;
  gboolean ok;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Write an encrypted backup of the vault to FILE. Your passphrase is asked first, then a new backup passphrase."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli backup FILE [--backup-passphrase-fd FD]"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }
  use_recovery = use_recovery || recovery_fd >= 0;

  vault = wb_cli_open_unlocked (&opts, &rc);
  if (vault == NULL)
    {
      wb_cli_vault_options_clear (&opts);
      return rc;
    }
  kind = sealed ? WB_BACKUP_KEY_RECOVERY_SLOT : use_recovery ? WB_BACKUP_KEY_RECOVERY : WB_BACKUP_KEY_PASSPHRASE;
  if (kind == WB_BACKUP_KEY_RECOVERY)
    secret = wb_cli_read_secret (recovery_fd, _("Recovery key: "), FALSE, &error);
  else if (kind == WB_BACKUP_KEY_PASSPHRASE)
    secret = wb_cli_read_secret (backup_fd, _("New backup passphrase: "), TRUE, &error);
  if (secret == NULL && kind != WB_BACKUP_KEY_RECOVERY_SLOT)
    {
      wb_cli_vault_options_clear (&opts);
      return wb_cli_report_error (error);
    }
  /* NULL cost: Argon2id calibrated like the key slots, never below MODERATE. */
  ok = wb_backup_write (vault, argv[1], kind, secret, NULL, &error);
  if (secret)
    wb_cli_free_secret (secret);
  if (!ok)
    rc = report (error);
  else
    {
      /* Translators: %s is a file name. */
      g_print (_("Backup written to “%s”."), argv[1]);
      g_print ("\n");
      rc = WB_CLI_EXIT_OK;
    }
  wb_cli_vault_options_clear (&opts);
  return rc;
}

int
wb_cli_cmd_restore (int    argc,
                    char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *date = NULL;
  gboolean use_recovery = FALSE;
  int backup_fd = -1, recovery_fd = -1;
  GOptionEntry entries[] = {
    { "backup-passphrase-fd", 0, 0, G_OPTION_ARG_INT, &backup_fd, N_("Read the backup passphrase as one line from this file descriptor"), N_("FD") },
    { "recovery-key", 0, 0, G_OPTION_ARG_NONE, &use_recovery, N_("Open the restored vault with its recovery key instead of an account"), NULL },
    { "recovery-key-fd", 0, 0, G_OPTION_ARG_INT, &recovery_fd, N_("Read the recovery key as one line from this file descriptor"), N_("FD") },
    { NULL }
  };
  WbBackupInfo info;
  char *secret = NULL, *pass = NULL;
  int rc = WB_CLI_EXIT_OK;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Replace the vault with the one in the backup FILE. The backup passphrase is asked first, then the passphrase of your account in the backup."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli restore FILE [--backup-passphrase-fd FD]"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }
  use_recovery = use_recovery || recovery_fd >= 0;
  path = wb_cli_db_path (&opts);

  /* The header alone says what protects the file; no secret is used yet. */
  if (!wb_backup_inspect (argv[1], NULL, FALSE, &info, &error))
    rc = report (error);
  else if ((secret = wb_cli_read_secret (backup_fd, info.key_kind != WB_BACKUP_KEY_PASSPHRASE
                                                    ? _("Recovery key of the backup: ")
                                                    : _("Backup passphrase: "),
                                         FALSE, &error)) == NULL)
    rc = wb_cli_report_error (error);
  else if ((pass = use_recovery ? wb_cli_read_secret (recovery_fd, _("Recovery key: "), FALSE, &error)
                                : wb_cli_read_secret (opts.passphrase_fd, _("Passphrase: "), FALSE, &error)) == NULL)
    rc = wb_cli_report_error (error);
  else if (!wb_backup_restore (argv[1], secret, path, opts.account, pass,
                               use_recovery, FALSE, &info, &error))
    rc = report (error);
  else
    {
      date = format_date (info.created);
      /* Translators: the first %s is the backup's date and time, the second a file name. */
      g_print (_("The backup of %s was restored to “%s”."), date, path);
      g_print ("\n");
      /* Translators: %u is a number of cases. */
      g_print (g_dngettext (GETTEXT_PACKAGE, "It holds %u case.", "It holds %u cases.", info.n_cases),
               info.n_cases);
      g_print ("\n");
    }
  wb_cli_free_secret (secret);
  wb_cli_free_secret (pass);
  wb_cli_vault_options_clear (&opts);
  return rc;
}
