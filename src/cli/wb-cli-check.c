/* wb-cli-check.c: “weerbaar-cli check”, verify every record, the audit chain and the file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-cli.h"
#include "wb-cli-vault.h"

int
wb_cli_cmd_check (int    argc,
                  char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  WbVaultCheck check;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Check every record’s seal, the audit log and the database file."));
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  vault = wb_cli_open_unlocked (&opts, &rc);
  wb_cli_vault_options_clear (&opts);
  if (vault == NULL)
    return rc;
  if (!wb_vault_check (vault, &check, &error))
    return wb_cli_report_error (error);

  /* Translators: %u is a number of records. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record, ", "%u records, ", check.n_records), check.n_records);
  /* Translators: %u is a number of damaged records. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u damaged\n", "%u damaged\n", check.n_damaged), check.n_damaged);
  for (guint i = 0; i < check.damaged_ids->len; i++)
    {
      g_autofree char *id = wb_record_id_to_string (&g_array_index (check.damaged_ids, WbRecordId, i));
      /* Translators: %s is the id of a record. */
      g_print (_("  damaged record %s\n"), id);
    }
  /* Translators: the first %u is a number of key slots, the second how many of them are damaged. */
  g_print (_("%u key slots, %u damaged\n"), check.n_slots, check.n_damaged_slots);
  if (check.audit_ok)
    /* Translators: %u is a number of audit log entries. */
    g_print (_("Audit log: %u entries, chain intact\n"), check.n_audit);
  else
    /* Translators: %s says where the audit log was altered. */
    g_print (_("Audit log: %s\n"), check.audit_problem);
  /* Translators: %s is SQLite's integrity_check result, “ok” when sound. */
  g_print (_("Database file: %s\n"), check.integrity_message);

  rc = (check.n_damaged || check.n_damaged_slots || !check.audit_ok || !check.integrity_ok)
       ? WB_CLI_EXIT_DAMAGE : WB_CLI_EXIT_OK;
  wb_vault_check_clear (&check);
  return rc;
}
