/* wb-cli-retention.c: “weerbaar-cli retention”, “purge” and “inzage”.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default retention period is the app's setting (GSettings
 * retention-months) when its schema is installed, else 24 months;
 * --months overrides it. The inzage export is JSON only here: its PDF
 * needs cairo, which only the GUI links.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wb-case-index.h"
#include "wb-cli.h"
#include "wb-due.h"
#include "wb-cli-output.h"
#include "wb-cli-retention.h"
#include "wb-cli-vault.h"
#include "wb-inzage.h"
#include "wb-store-retention.h"

static guint
default_months (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "retention-months"))
    return WB_RETENTION_DEFAULT_MONTHS;
  settings = g_settings_new (BASE_APP_ID);
  return g_settings_get_uint (settings, "retention-months");
}

static char *
format_day (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wb_due_get_time_zone ());

  return g_date_time_format (local, "%Y-%m-%d");
}

static int
retention_list (WbVault  *vault,
                guint     months,
                gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = wb_vault_list_retention (vault, NULL, months, NULL, &error);
  GString *out;

  if (items == NULL || !wb_cli_audit_export (vault, "retention list", items->len, &error))
    return wb_cli_report_error (error);

  out = g_string_new (json ? "[" : "reference\tclosed\tmonths\texpired\n");
  for (guint i = 0; i < items->len; i++)
    {
      WbRetentionItem *item = g_ptr_array_index (items, i);
      g_autofree char *closed = format_day (item->closed);
      g_autofree char *expires = format_day (item->expires);

      if (json)
        {
          g_string_append (out, i ? ",\n  {\"reference\": " : "\n  {\"reference\": ");
          wb_json_append_string (out, item->reference);
          g_string_append_printf (out, ", \"closed\": \"%s\", \"months\": %u, \"expired\": \"%s\"}",
                                  closed, item->months, expires);
        }
      else
        {
          wb_cli_append_tsv_field (out, item->reference);
          g_string_append_printf (out, "\t%s\t%u\t%s\n", closed, item->months, expires);
        }
    }
  if (json)
    g_string_append (out, items->len ? "\n]\n" : "]\n");
  wb_cli_write_stdout (out);
  return WB_CLI_EXIT_OK;
}

int
wb_cli_cmd_retention (int    argc,
                      char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new ("list");
  g_autoptr(WbVault) vault = NULL;
  gboolean json = FALSE;
  int months = 0;
  GOptionEntry entries[] = {
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Retention period of cases without one agreed at intake (default: the app’s setting)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write a JSON array instead of a tab-separated table"), NULL },
    { NULL }
  };
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("List the closed cases past their retention period: reference, date closed, retention period in months and the date it ran out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  vault = wb_cli_open_checked (&opts,
                               argc == 2 && strcmp (argv[1], "list") == 0 && months >= 0 && months <= 120,
                               _("Usage: weerbaar-cli retention list [--months N] [--json]"), &rc);
  if (vault == NULL)
    return rc;
  return retention_list (vault, months > 0 ? (guint) months : default_months (), json);
}

static gboolean
confirmed (const char *reference)
{
  char answer[16] = { 0 };

  if (!isatty (STDIN_FILENO))
    return FALSE;
  /* Translators: %s is a case reference; the answer y/N stays in English */
  g_printerr (_("Remove case %s and everything stored with it for good? This cannot be undone. [y/N] "),
              reference);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  return answer[0] == 'y' || answer[0] == 'Y';
}

int
wb_cli_cmd_purge (int    argc,
                  char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new ("REFERENCE");
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbCaseIndex) index = NULL;
  g_autoptr(WbCaseRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *hex = NULL;
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask for confirmation"), NULL },
    { NULL }
  };
  WbRecordId id;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Remove a closed case and everything stored with it for good. The audit log keeps only that the case with this reference was removed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  vault = wb_cli_open_checked (&opts, argc == 2, _("Usage: weerbaar-cli purge REFERENCE [--yes]"), &rc);
  if (vault == NULL)
    return rc;
  index = wb_case_index_build (vault, &error);
  if (index == NULL || !wb_vault_find_case (vault, index, argv[1], &id, &error))
    return wb_cli_report_error (error);
  hex = wb_record_id_to_string (&id);
  rows = wb_case_index_dup_rows (index);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((WbCaseRow *) g_ptr_array_index (rows, i))->case_id, hex))
      row = wb_case_row_ref (g_ptr_array_index (rows, i));
  if (row == NULL || row->status != WB_CASE_STATUS_CLOSED)
    {
      /* Translators: %s is a case reference */
      g_printerr (_("Case %s is not closed; close it before removing it."), argv[1]);
      g_printerr ("\n");
      return WB_CLI_EXIT_FAILURE;
    }
  if (!yes && !confirmed (row->reference))
    {
      g_printerr ("%s\n", _("Nothing was removed. Use --yes to remove without asking."));
      return WB_CLI_EXIT_USAGE;
    }
  if (!wb_vault_purge_case (vault, index, &id, NULL, &error))
    return wb_cli_report_error (error);
  /* Translators: %s is a case reference */
  g_print (_("Case %s was removed.\n"), argv[1]);
  return WB_CLI_EXIT_OK;
}

int
wb_cli_cmd_inzage (int    argc,
                   char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new ("REFERENCE");
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbCaseIndex) index = NULL;
  g_autoptr(WbInzage) inzage = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *json_path = NULL;
  char *json;
  gboolean ok;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, N_("Write the export as JSON to FILE (readable by you only)"), N_("FILE") },
    { NULL }
  };
  WbRecordId id;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Export everything stored about the reporter of a case, across all cases, for a request for access (inzageverzoek). The PDF version is made in the app."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  vault = wb_cli_open_checked (&opts, argc == 2 && json_path != NULL,
                               _("Usage: weerbaar-cli inzage REFERENCE --json FILE"), &rc);
  if (vault == NULL)
    return rc;
  index = wb_case_index_build (vault, &error);
  if (index == NULL || !wb_vault_find_case (vault, index, argv[1], &id, &error))
    return wb_cli_report_error (error);
  inzage = wb_vault_collect_inzage (vault, index, &id, &error);
  if (inzage == NULL)
    return wb_cli_report_error (error);
  now = g_date_time_new_now_utc ();
  json = wb_inzage_to_json (inzage, now);
  ok = wb_inzage_write_file (json_path, json, strlen (json), &error);
  sodium_memzero (json, strlen (json));
  g_free (json);
  if (!ok)
    return wb_cli_report_error (error);
  /* Translators: the first %u is a number of cases, %s a file name */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u case to %s.\n", "Wrote %u cases to %s.\n",
                        inzage->cases->len),
           inzage->cases->len, json_path);
  return WB_CLI_EXIT_OK;
}
