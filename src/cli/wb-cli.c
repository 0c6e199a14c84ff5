/* wb-cli.c: weerbaar-cli, the command-line companion of Weerbaar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "wb-build-env.h"
#include "wb-cli.h"
#include "wb-cli-backup.h"
#include "wb-cli-followups.h"
#include "wb-cli-partners.h"
#include "wb-cli-retention.h"
#include "wb-cli-vault.h"

typedef int (*WbCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char       *name;
  const char       *summary;
  WbCliCommandFunc  func;
} WbCliCommand;

/* Later subcommands (init, account, check, cases, …) are added to this table. */
static const WbCliCommand commands[] = {
  { "init", N_("Create a vault with its first account"), wb_cli_cmd_init },
  { "account", N_("Add, list or remove accounts; change your passphrase"), wb_cli_cmd_account },
  { "check", N_("Verify every record, the audit log and the database file"), wb_cli_cmd_check },
  { "cases", N_("List the cases (cases list [--status STATUS] [--json])"), wb_cli_cmd_cases },
  { "demo", N_("Add fictional demo cases (demo --cases N [--seed SEED])"), wb_cli_cmd_demo },
  { "backup", N_("Write an encrypted backup of the vault (backup FILE)"), wb_cli_cmd_backup },
  { "restore", N_("Replace the vault with an encrypted backup (restore FILE)"), wb_cli_cmd_restore },
  { "followups", N_("Follow-ups due today or earlier (followups due [--json] [--unlock])"), wb_cli_cmd_followups },
  { "partners", N_("Import, export or list the partner directory (partners import FILE.csv | export [FILE.csv] | list [--json])"), wb_cli_cmd_partners },
  { "retention", N_("Closed cases past their retention period (retention list [--json])"), wb_cli_cmd_retention },
  { "purge", N_("Remove a closed case for good (purge REFERENCE [--yes])"), wb_cli_cmd_purge },
  { "inzage", N_("Export what is stored about a case’s reporter (inzage REFERENCE --json FILE)"), wb_cli_cmd_inzage },
  { NULL, NULL, NULL },
};

/* Options given as "--name VALUE" (not "--name=VALUE"): their value is not a command. */
static gboolean
option_takes_value (const char *arg)
{
  static const char * const with_value[] = {
    "--db", "--account", "-a", "--passphrase-fd", "--new-passphrase-fd",
    "--display-name", "--role", "--recovery-key-fd", "--backup-passphrase-fd",
    "--cases", "--seed", "--status", NULL
  };

  return g_strv_contains (with_value, arg);
}

static char *
build_description (void)
{
  GString *s = g_string_new (NULL);

  if (commands[0].name != NULL)
    {
      g_string_append (s, _("Commands:"));
      g_string_append_c (s, '\n');
      for (guint i = 0; commands[i].name != NULL; i++)
        g_string_append_printf (s, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
      g_string_append_c (s, '\n');
    }

  g_string_append (s, _("Exit status:"));
  g_string_append_c (s, '\n');
  g_string_append_printf (s, "  0  %s\n", _("success"));
  g_string_append_printf (s, "  1  %s\n", _("damage found in the vault"));
  g_string_append_printf (s, "  2  %s\n", _("wrong usage"));
  g_string_append_printf (s, "  3  %s\n", _("wrong passphrase"));
  g_string_append_printf (s, "  4  %s\n", _("other failure"));
  g_string_append_c (s, '\n');
  g_string_append (s, _("The database is $XDG_DATA_HOME/weerbaar/weerbaar.db unless --db or WEERBAAR_DB names another."));

  return g_string_free (s, FALSE);
}

int
wb_cli_run (int argc, char **argv)
{
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  wb_build_env_init_i18n ();

  /* The first word that is not an option (nor an option's value) is the
   * command. Options may stand before or after it: they are handed to the
   * command in their order, after its name. */
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-')
        {
          if (option_takes_value (argv[i]))
            i++;
          continue;
        }
      for (guint c = 0; commands[c].name != NULL; c++)
        if (g_str_equal (argv[i], commands[c].name))
          {
            g_autofree char **cmd_argv = g_new0 (char *, argc + 1);
            int n = 0;

            cmd_argv[n++] = argv[i];
            for (int j = 1; j < argc; j++)
              if (j != i)
                cmd_argv[n++] = argv[j];
            return commands[c].func (n, cmd_argv);
          }
      /* Translators: %s is the command the user typed. */
      g_printerr (_("Unknown command “%s”. See “weerbaar-cli --help”."), argv[i]);
      g_printerr ("\n");
      return WB_CLI_EXIT_USAGE;
    }

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with a Weerbaar vault from the command line."));
  description = build_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return WB_CLI_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("weerbaar-cli %s\n", PACKAGE_VERSION);
      return WB_CLI_EXIT_OK;
    }

  {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
    g_printerr ("%s", help);
  }
  return WB_CLI_EXIT_USAGE;
}
