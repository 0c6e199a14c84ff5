/* wb-cli-cases.c: “weerbaar-cli cases list”, the decrypted inbox for scripts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "wb-case-index.h"
#include "wb-cli.h"
#include "wb-cli-output.h"
#include "wb-cli-vault.h"

/* Output */

static const char *
nick (GType type,
      int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return ev ? ev->value_nick : "";
}

/* The column names, like the JSON keys, are for scripts and stay as they
 * are in every language. */
static void
write_table (GString   *out,
             GPtrArray *rows)
{
  g_string_append (out, "reference\treporter\tmunicipality\tstatus\turgency\tdescription\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const WbCaseRow *row = g_ptr_array_index (rows, i);

      wb_cli_append_tsv_field (out, row->reference);
      g_string_append_c (out, '\t');
      wb_cli_append_tsv_field (out, row->reporter_name);
      g_string_append_c (out, '\t');
      wb_cli_append_tsv_field (out, row->municipality);
      g_string_append_printf (out, "\t%s\t%s\t", nick (WB_TYPE_CASE_STATUS, row->status),
                              nick (WB_TYPE_URGENCY, row->urgency));
      wb_cli_append_tsv_field (out, row->description);
      g_string_append_c (out, '\n');
    }
}

static void
write_json (GString   *out,
            GPtrArray *rows)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const WbCaseRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
      g_string_append (out, "\"reference\": ");
      wb_json_append_string (out, row->reference);
      g_string_append (out, ", \"reporter\": ");
      if (row->has_reporter)
        wb_json_append_string (out, row->reporter_name);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"municipality\": ");
      wb_json_append_string (out, row->municipality);
      g_string_append_printf (out, ", \"status\": \"%s\", \"urgency\": \"%s\"",
                              nick (WB_TYPE_CASE_STATUS, row->status),
                              nick (WB_TYPE_URGENCY, row->urgency));
      g_string_append (out, ", \"description\": ");
      wb_json_append_string (out, row->description);
      g_string_append_c (out, '}');
    }
  g_string_append (out, rows->len ? "\n]\n" : "]\n");
}

/* Listing */

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const WbCaseRow *x = *(WbCaseRow * const *) a;
  const WbCaseRow *y = *(WbCaseRow * const *) b;
  int c = strcmp (x->reference, y->reference);

  return c ? c : strcmp (x->case_id, y->case_id);
}

static char *
status_nicks (void)
{
  GEnumClass *klass = g_type_class_ref (WB_TYPE_CASE_STATUS);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", klass->values[i].value_nick);
  g_type_class_unref (klass);
  return g_string_free (s, FALSE);
}

static int
cases_list (WbVault  *vault,
            gboolean  has_status,
            guint     status,
            gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCaseIndex) index = wb_case_index_build (vault, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GString *out;

  if (index == NULL)
    return wb_cli_report_error (error);
  all = wb_case_index_dup_rows (index);
  rows = g_ptr_array_new_full (all->len, (GDestroyNotify) wb_case_row_unref);
  for (guint i = 0; i < all->len; i++)
    {
      WbCaseRow *row = g_ptr_array_index (all, i);

      if (!has_status || row->status == (WbCaseStatus) status)
        g_ptr_array_add (rows, wb_case_row_ref (row));
    }
  g_ptr_array_sort (rows, compare_rows);

  if (!wb_cli_audit_export (vault, "cases list", rows->len, &error))
    return wb_cli_report_error (error);

  out = g_string_new (NULL);
  if (json)
    write_json (out, rows);
  else
    write_table (out, rows);
  wb_cli_write_stdout (out);
  return WB_CLI_EXIT_OK;
}

int
wb_cli_cmd_cases (int    argc,
                  char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new ("list");
  g_autoptr(WbVault) vault = NULL;
  g_autofree char *status_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only cases with this status: new, in-progress, referred, aftercare or closed"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write a JSON array instead of a tab-separated table"), NULL },
    { NULL }
  };
  guint status = 0;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("List the cases, sorted by reference: reference, reporter, municipality code, status, urgency and description. In the table, tabs, line breaks and backslashes in a field are written as \\t, \\n and \\\\."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  if (argc != 2 || strcmp (argv[1], "list") != 0)
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli cases list [--status STATUS] [--json]"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }
  if (status_text != NULL && !wb_enum_from_nick (WB_TYPE_CASE_STATUS, status_text, &status))
    {
      g_autofree char *nicks = status_nicks ();

      /* Translators: the first %s is what the user typed, the second the
       * list of valid statuses, which stay in English */
      g_printerr (_("Unknown status “%s”; use one of: %s."), status_text, nicks);
      g_printerr ("\n");
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }

  vault = wb_cli_open_unlocked (&opts, &rc);
  wb_cli_vault_options_clear (&opts);
  if (vault == NULL)
    return rc;
  return cases_list (vault, status_text != NULL, status, json);
}
