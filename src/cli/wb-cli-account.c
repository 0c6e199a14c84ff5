/* wb-cli-account.c: “weerbaar-cli account add|passwd|remove|list”.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-cli.h"
#include "wb-cli-vault.h"

static int
account_add (WbVault           *vault,
             WbCliVaultOptions *opts,
             const char        *name,
             const char        *display,
             const char        *role_name)
{
  g_autoptr(GError) error = NULL;
  WbVaultRole role = WB_VAULT_ROLE_MEDEWERKER;
  char *pass;
  gboolean ok;

  if (role_name && !wb_vault_role_from_string (role_name, &role))
    {
      g_printerr ("%s\n", _("The role must be beheerder, medewerker or contactpersoon."));
      return WB_CLI_EXIT_USAGE;
    }
  pass = wb_cli_read_secret (opts->new_passphrase_fd, _("Passphrase for the new account: "), TRUE, &error);
  if (pass == NULL)
    return wb_cli_report_error (error);
  ok = wb_vault_add_account (vault, name, display, role, pass, NULL, &error);
  wb_cli_free_secret (pass);
  if (!ok)
    return wb_cli_report_error (error);
  /* Translators: %s is a login name. */
  g_print (_("Account “%s” added."), name);
  g_print ("\n");
  return WB_CLI_EXIT_OK;
}

static int
account_passwd (WbVault           *vault,
                WbCliVaultOptions *opts)
{
  g_autoptr(GError) error = NULL;
  char *pass = wb_cli_read_secret (opts->new_passphrase_fd, _("New passphrase: "), TRUE, &error);
  gboolean ok;

  if (pass == NULL)
    return wb_cli_report_error (error);
  ok = wb_vault_change_passphrase (vault, pass, NULL, &error);
  wb_cli_free_secret (pass);
  if (!ok)
    return wb_cli_report_error (error);
  g_print ("%s\n", _("Passphrase changed."));
  return WB_CLI_EXIT_OK;
}

static int
account_reset (WbVault           *vault,
               WbCliVaultOptions *opts,
               const char        *name)
{
  g_autoptr(GError) error = NULL;
  char *pass;
  gboolean ok;

  /* Translators: %s is a login name. */
  g_autofree char *prompt = g_strdup_printf (_("New passphrase for “%s”: "), name);

  pass = wb_cli_read_secret (opts->new_passphrase_fd, prompt, TRUE, &error);
  if (pass == NULL)
    return wb_cli_report_error (error);
  ok = wb_vault_reset_passphrase (vault, name, pass, NULL, &error);
  wb_cli_free_secret (pass);
  if (!ok)
    return wb_cli_report_error (error);
  /* Translators: %s is a login name. */
  g_print (_("The passphrase of “%s” was reset."), name);
  g_print ("\n");
  return WB_CLI_EXIT_OK;
}

/* With the recovery key instead of an account's passphrase: the way back in
 * when every passphrase is lost. */
static WbVault *
open_with_recovery_key (WbCliVaultOptions *opts,
                        int                recovery_fd,
                        int               *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = wb_cli_open_vault (opts, out_exit);
  char *key;

  if (vault == NULL)
    return NULL;
  key = wb_cli_read_secret (recovery_fd, _("Recovery key: "), FALSE, &error);
  if (key == NULL)
    {
      *out_exit = wb_cli_report_error (error);
      return NULL;
    }
  if (!wb_vault_unlock_recovery (vault, g_strstrip (key), FALSE, &error))
    {
      wb_cli_free_secret (key);
      *out_exit = wb_cli_report_error (error);
      return NULL;
    }
  wb_cli_free_secret (key);
  return g_steal_pointer (&vault);
}

static int
account_list (WbVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = wb_vault_list_accounts (vault, &error);

  if (accounts == NULL)
    return wb_cli_report_error (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      WbVaultAccount *a = g_ptr_array_index (accounts, i);
      g_print ("%s\t%s\t%s\n", a->name, wb_vault_role_to_string (a->role), a->display_name);
    }
  return WB_CLI_EXIT_OK;
}

int
wb_cli_cmd_account (int    argc,
                    char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new (_("add NAME | passwd | reset NAME | remove NAME | list"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autofree char *display = NULL;
  g_autofree char *role = NULL;
  int recovery_fd = -1;
  gboolean use_recovery = FALSE;
  GOptionEntry entries[] = {
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display, N_("Full name shown in the app (add)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("beheerder, medewerker or contactpersoon (add)"), N_("ROLE") },
    { "recovery-key", 0, 0, G_OPTION_ARG_NONE, &use_recovery, N_("Unlock with the recovery key instead of a passphrase (reset)"), NULL },
    { "recovery-key-fd", 0, 0, G_OPTION_ARG_INT, &recovery_fd, N_("Read the recovery key as one line from this file descriptor (reset)"), N_("FD") },
    { NULL }
  };
  const char *sub;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Manage the accounts of the vault."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, TRUE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;

  sub = argc > 1 ? argv[1] : "";
  if (!((g_str_equal (sub, "add") && argc == 3) || (g_str_equal (sub, "remove") && argc == 3) ||
        (g_str_equal (sub, "reset") && argc == 3) ||
        (g_str_equal (sub, "passwd") && argc == 2) || (g_str_equal (sub, "list") && argc == 2)))
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli account add NAME | passwd | reset NAME | remove NAME | list"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }

  if (g_str_equal (sub, "reset") && (use_recovery || recovery_fd >= 0))
    vault = open_with_recovery_key (&opts, recovery_fd, &rc);
  else
    vault = wb_cli_open_unlocked (&opts, &rc);
  if (vault == NULL)
    {
      wb_cli_vault_options_clear (&opts);
      return rc;
    }

  if (g_str_equal (sub, "add"))
    rc = account_add (vault, &opts, argv[2], display, role);
  else if (g_str_equal (sub, "passwd"))
    rc = account_passwd (vault, &opts);
  else if (g_str_equal (sub, "list"))
    rc = account_list (vault);
  else if (g_str_equal (sub, "reset"))
    rc = account_reset (vault, &opts, argv[2]);
  else if (!wb_vault_remove_account (vault, argv[2], &error))
    rc = wb_cli_report_error (error);
  else
    {
      /* Translators: %s is a login name. */
      g_print (_("Account “%s” removed; the data key was replaced."), argv[2]);
      g_print ("\n");
    }
  wb_cli_vault_options_clear (&opts);
  return rc;
}
