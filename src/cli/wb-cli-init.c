/* wb-cli-init.c: “weerbaar-cli init”, create a vault with its first account.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "wb-cli.h"
#include "wb-cli-vault.h"

int
wb_cli_cmd_init (int    argc,
                 char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  gboolean recovery = FALSE;
  GOptionEntry entries[] = {
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display, N_("Full name shown in the app"), N_("NAME") },
    { "recovery-key", 0, 0, G_OPTION_ARG_NONE, &recovery, N_("Also make a recovery key and print it"), NULL },
    { NULL }
  };
  char *pass;
  int rc = WB_CLI_EXIT_OK;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Create a new vault whose first account is an administrator (beheerder)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  if (opts.account == NULL || argc != 1)
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli init --account NAME [--db PATH]"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }

  path = wb_cli_db_path (&opts);
  vault = wb_vault_open (path, &error);
  if (vault == NULL)
    rc = wb_cli_report_error (error);
  else if ((pass = wb_cli_read_secret (opts.passphrase_fd, _("New passphrase: "), TRUE, &error)) == NULL)
    rc = wb_cli_report_error (error);
  else
    {
      /* NULL cost: calibrated to about a second, never below MODERATE. */
      if (!wb_vault_create (vault, opts.account, display, pass, NULL, &error))
        rc = wb_cli_report_error (error);
      wb_cli_free_secret (pass);
    }
  if (rc == WB_CLI_EXIT_OK)
    {
      /* Translators: %s is a file name. */
      g_print (_("Vault created at %s."), path);
      g_print ("\n");
      if (recovery)
        {
          g_autofree char *key = wb_vault_set_recovery_key (vault, NULL, &error);
          if (key == NULL)
            rc = wb_cli_report_error (error);
          else
            {
              g_print ("%s\n%s\n", _("Recovery key (write it down and keep it in a safe):"), key);
              sodium_memzero (key, strlen (key));
            }
        }
    }
  wb_cli_vault_options_clear (&opts);
  return rc;
}
