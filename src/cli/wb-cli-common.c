/* wb-cli-common.c: options, passphrase prompts and unlocking for weerbaar-cli.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "wb-case-index.h"
#include "wb-cli.h"
#include "wb-cli-vault.h"
#include "wb-db.h"

#define SECRET_MAX 1024

void
wb_cli_vault_options_init (WbCliVaultOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->passphrase_fd = -1;
  opts->new_passphrase_fd = -1;
}

void
wb_cli_vault_options_clear (WbCliVaultOptions *opts)
{
  g_clear_pointer (&opts->db, g_free);
  g_clear_pointer (&opts->account, g_free);
}

gboolean
wb_cli_parse (GOptionContext     *context,
              WbCliVaultOptions  *opts,
              gboolean            with_new,
              int                *argc,
              char             ***argv)
{
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &opts->db, N_("Vault file (else $WEERBAAR_DB, else the default)"), N_("PATH") },
    { "account", 'a', 0, G_OPTION_ARG_STRING, &opts->account, N_("Login name of your account"), N_("NAME") },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opts->passphrase_fd, N_("Read the passphrase as one line from this file descriptor"), N_("FD") },
    { "new-passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opts->new_passphrase_fd, N_("Read the new passphrase as one line from this file descriptor"), N_("FD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!with_new)
    entries[3] = (GOptionEntry) { NULL };
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
read_line (int     fd,
           GError **error)
{
  char *buf = sodium_malloc (SECRET_MAX + 1);
  gsize len = 0;

  g_assert (buf != NULL);
  /* One byte at a time: the same descriptor may carry a second line. */
  for (;;)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      if (len == SECRET_MAX)
        {
          sodium_free (buf);
          g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                               _("The passphrase is too long."));
          return NULL;
        }
      buf[len++] = c;
    }
  if (len > 0 && buf[len - 1] == '\r')
    len--;
  buf[len] = '\0';
  return buf;
}

static char *
prompt_tty (const char *prompt,
            GError    **error)
{
  struct termios old, quiet;
  int tty = open ("/dev/tty", O_RDWR | O_CLOEXEC);
  char *secret;

  if (tty < 0)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("No terminal to ask for the passphrase; use --passphrase-fd."));
      return NULL;
    }
  if (write (tty, prompt, strlen (prompt)) < 0)
    {}
  tcgetattr (tty, &old);
  quiet = old;
  quiet.c_lflag &= ~(ECHO | ECHONL);
  quiet.c_lflag |= ICANON;
  tcsetattr (tty, TCSAFLUSH, &quiet);
  secret = read_line (tty, error);
  tcsetattr (tty, TCSAFLUSH, &old);
  if (write (tty, "\n", 1) < 0)
    {}
  close (tty);
  return secret;
}

char *
wb_cli_read_secret (int         fd,
                    const char *prompt,
                    gboolean    confirm,
                    GError    **error)
{
  char *first, *again;

  if (fd >= 0)
    return read_line (fd, error);
  first = prompt_tty (prompt, error);
  if (first == NULL || !confirm)
    return first;
  again = prompt_tty (_("Repeat the passphrase: "), error);
  if (again == NULL || strcmp (first, again) != 0)
    {
      wb_cli_free_secret (first);
      wb_cli_free_secret (again);
      if (error && *error == NULL)
        g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                             _("The passphrases do not match."));
      return NULL;
    }
  wb_cli_free_secret (again);
  return first;
}

void
wb_cli_free_secret (char *secret)
{
  if (secret)
    sodium_free (secret);
}

char *
wb_cli_db_path (WbCliVaultOptions *opts)
{
  return opts->db ? g_strdup (opts->db) : wb_store_default_path ();
}

int
wb_cli_report_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  if (error->domain != WB_STORE_ERROR)
    return WB_CLI_EXIT_FAILURE;
  switch (error->code)
    {
    case WB_STORE_ERROR_WRONG_PASSPHRASE:
      return WB_CLI_EXIT_WRONG_PASSPHRASE;
    case WB_STORE_ERROR_DAMAGED:
      return WB_CLI_EXIT_DAMAGE;
    case WB_STORE_ERROR_INVALID:
      return WB_CLI_EXIT_USAGE;
    default:
      return WB_CLI_EXIT_FAILURE;
    }
}

WbVault *
wb_cli_open_vault (WbCliVaultOptions *opts,
                   int               *out_exit)
{
  g_autofree char *path = wb_cli_db_path (opts);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name. */
      g_printerr (_("There is no vault at “%s”; create one with “weerbaar-cli init”."), path);
      g_printerr ("\n");
      *out_exit = WB_CLI_EXIT_FAILURE;
      return NULL;
    }
  vault = wb_vault_open (path, &error);
  if (vault == NULL)
    {
      *out_exit = wb_cli_report_error (error);
      return NULL;
    }
  if (!wb_vault_is_initialized (vault))
    {
      g_printerr ("%s\n", _("This vault has not been set up yet."));
      *out_exit = WB_CLI_EXIT_FAILURE;
      return NULL;
    }
  *out_exit = WB_CLI_EXIT_OK;
  return g_steal_pointer (&vault);
}

WbVault *
wb_cli_open_unlocked (WbCliVaultOptions *opts,
                      int               *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  char *pass;

  vault = wb_cli_open_vault (opts, out_exit);
  if (vault == NULL)
    return NULL;
  if (opts->account == NULL && wb_vault_count_accounts (vault) != 1)
    {
      g_printerr ("%s\n", _("This vault has several accounts: name yours with --account."));
      *out_exit = WB_CLI_EXIT_USAGE;
      return NULL;
    }
  pass = wb_cli_read_secret (opts->passphrase_fd, _("Passphrase: "), FALSE, &error);
  if (pass == NULL)
    {
      *out_exit = wb_cli_report_error (error);
      return NULL;
    }
  /* The CLI never accepts test cost: slots below the minimum are refused. */
  if (!wb_vault_unlock (vault, opts->account, pass, FALSE, &error))
    {
      wb_cli_free_secret (pass);
      *out_exit = wb_cli_report_error (error);
      return NULL;
    }
  wb_cli_free_secret (pass);
  *out_exit = WB_CLI_EXIT_OK;
  return g_steal_pointer (&vault);
}

/* After parsing: prints @usage if the arguments are not @usage_ok, else
 * opens and unlocks the vault. Clears @opts either way. */
WbVault *
wb_cli_open_checked (WbCliVaultOptions *opts,
                     gboolean           usage_ok,
                     const char        *usage,
                     int               *out_exit)
{
  WbVault *vault = NULL;

  if (!usage_ok)
    {
      g_printerr ("%s\n", usage);
      *out_exit = WB_CLI_EXIT_USAGE;
    }
  else
    vault = wb_cli_open_unlocked (opts, out_exit);
  wb_cli_vault_options_clear (opts);
  return vault;
}

/* Reading cases out is an export: the audit log says so, with @what and
 * how many (@n), before anything is shown. */
gboolean
wb_cli_audit_export (WbVault     *vault,
                     const char  *what,
                     guint        n,
                     GError     **error)
{
  g_autofree char *detail = g_strdup_printf ("%s: %u", what, n);

  return wb_vault_audit (vault, "export", WB_KIND_CASE, NULL, detail, error);
}
