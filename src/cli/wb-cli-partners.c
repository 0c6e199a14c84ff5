/* wb-cli-partners.c: “weerbaar-cli partners”, the partner directory as CSV and JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import checks the whole file before it asks for the vault, and writes
 * every partner in one transaction; export and list read every partner
 * out, so they are audited as exports.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "wb-cli.h"
#include "wb-cli-output.h"
#include "wb-cli-partners.h"
#include "wb-cli-vault.h"
#include "wb-core.h"
#include "wb-csv.h"
#include "wb-partner-csv.h"
#include "wb-store-partners.h"

/* Larger files are refused before reading: the directory has hundreds of
 * rows, not millions. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)

static void
wipe_string (GString *s)
{
  sodium_memzero (s->str, s->len);
  g_string_free (s, TRUE);
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  WbPartner *x = *(WbPartner * const *) a;
  WbPartner *y = *(WbPartner * const *) b;
  int c = g_utf8_collate (wb_partner_get_name (x), wb_partner_get_name (y));

  return c ? c : g_strcmp0 (wb_partner_get_id (x), wb_partner_get_id (y));
}

static GPtrArray *
list_sorted (WbVault  *vault,
             GError  **error)
{
  GPtrArray *partners = wb_vault_list_partners (vault, NULL, error);

  if (partners != NULL)
    g_ptr_array_sort (partners, compare_partners);
  return partners;
}

static gboolean
audit_export (WbVault     *vault,
              const char  *what,
              guint        n,
              GError     **error)
{
  g_autofree char *detail = g_strdup_printf ("partners %s: %u", what, n);

  return wb_vault_audit (vault, "export", WB_KIND_PARTNER, NULL, detail, error);
}

/* import */

static gboolean
read_file (const char  *path,
           char       **out_data,
           gsize       *out_len,
           GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_BYTES)
    {
      /* Translators: %s is a file name */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is too large for a partner list."), path);
      return FALSE;
    }
  return g_file_get_contents (path, out_data, out_len, error);
}

static int
partners_import (WbCliVaultOptions *opts,
                 const char        *path,
                 gboolean           skip_invalid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autofree char *data = NULL;
  g_autofree char *detail = NULL;
  gsize len = 0;
  gboolean parsed;
  int rc;

  if (!read_file (path, &data, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return WB_CLI_EXIT_FAILURE;
    }
  parsed = wb_partner_csv_parse (data, len, skip_invalid, &partners, &row_errors, &error);
  sodium_memzero (data, len);

  for (guint i = 0; i < row_errors->len; i++)
    {
      g_autofree char *line = wb_csv_row_error_to_string (g_ptr_array_index (row_errors, i));

      g_printerr ("%s\n", line);
    }
  if (!parsed)
    {
      g_printerr ("%s\n", error->message);
      if (!g_error_matches (error, WB_CSV_ERROR, WB_CSV_ERROR_INVALID_ROWS))
        g_printerr ("%s\n", _("Nothing was imported."));
      return WB_CLI_EXIT_FAILURE;
    }

  vault = wb_cli_open_unlocked (opts, &rc);
  if (vault == NULL)
    return rc;

  detail = g_strdup_printf ("partners import: %u", partners->len);
  if (!wb_vault_begin (vault, &error))
    return wb_cli_report_error (error);
  for (guint i = 0; i < partners->len; i++)
    if (!wb_vault_put_partner (vault, g_ptr_array_index (partners, i), &error))
      break;
  if (error == NULL)
    wb_vault_audit (vault, "import", WB_KIND_PARTNER, NULL, detail, &error);
  if (error == NULL)
    wb_vault_commit (vault, &error);
  if (error != NULL)
    {
      wb_vault_rollback (vault);
      rc = wb_cli_report_error (error);
      g_printerr ("%s\n", _("Nothing was imported."));
      return rc;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u partner.", "Imported %u partners.",
                        partners->len),
           partners->len);
  g_print ("\n");
  if (row_errors->len > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: rows of an imported file with errors, left out */
                            "Skipped %u invalid row.", "Skipped %u invalid rows.",
                            row_errors->len),
               row_errors->len);
      g_print ("\n");
    }
  return WB_CLI_EXIT_OK;
}

/* export */

static int
partners_export (WbCliVaultOptions *opts,
                 const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GBytes) csv = NULL;
  gsize len;
  const char *data;
  int rc;

  vault = wb_cli_open_unlocked (opts, &rc);
  if (vault == NULL)
    return rc;
  partners = list_sorted (vault, &error);
  if (partners == NULL || !audit_export (vault, "export", partners->len, &error))
    return wb_cli_report_error (error);

  csv = wb_partner_csv_write (partners);
  data = g_bytes_get_data (csv, &len);
  if (path == NULL)
    {
      fwrite (data, 1, len, stdout);
      fflush (stdout);
    }
  /* Contact details of the network: readable by the owner only. */
  else if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT,
                                      0600, &error))
    {
      sodium_memzero ((gpointer) data, len);
      g_printerr ("%s\n", error->message);
      return WB_CLI_EXIT_FAILURE;
    }
  sodium_memzero ((gpointer) data, len);
  return WB_CLI_EXIT_OK;
}

/* list */

static void
append_json_strv (GString            *out,
                  const char * const *items)
{
  g_string_append_c (out, '[');
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      wb_json_append_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

static char *
verified_text (WbPartner *partner)
{
  GDateTime *verified = wb_partner_get_verified_at (partner);
  g_autoptr(GDateTime) local = NULL;

  if (verified == NULL)
    return NULL;
  local = g_date_time_to_timezone (verified, wb_due_get_time_zone ());
  return g_date_time_format (local, "%Y-%m-%d");
}

static const char *
kind_nick (WbPartnerKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_PARTNER_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  return value ? value->value_nick : "";
}

/* Keys and kind nicks are for scripts and stay English in every language. */
static void
write_json (GString   *out,
            GPtrArray *partners)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < partners->len; i++)
    {
      WbPartner *p = g_ptr_array_index (partners, i);
      g_autofree char *verified = verified_text (p);

      g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
      g_string_append (out, "\"id\": ");
      wb_json_append_string (out, wb_partner_get_id (p));
      g_string_append (out, ", \"name\": ");
      wb_json_append_string (out, wb_partner_get_name (p));
      g_string_append (out, ", \"organisation\": ");
      wb_json_append_string (out, wb_partner_get_organisation (p));
      g_string_append_printf (out, ", \"kind\": \"%s\", \"areas\": ",
                              kind_nick (wb_partner_get_kind (p)));
      append_json_strv (out, wb_partner_get_areas (p));
      g_string_append (out, ", \"languages\": ");
      append_json_strv (out, wb_partner_get_languages (p));
      g_string_append (out, ", \"availability\": ");
      wb_json_append_string (out, wb_partner_get_availability (p));
      g_string_append (out, ", \"phone\": ");
      wb_json_append_string (out, wb_partner_get_phone (p));
      g_string_append (out, ", \"email\": ");
      wb_json_append_string (out, wb_partner_get_email (p));
      g_string_append (out, ", \"notes\": ");
      wb_json_append_string (out, wb_partner_get_notes (p));
      g_string_append_printf (out, ", \"active\": %s, \"last_verified\": ",
                              wb_partner_get_active (p) ? "true" : "false");
      if (verified)
        wb_json_append_string (out, verified);
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, partners->len ? "\n]\n" : "]\n");
}

static void
write_table (GString   *out,
             GPtrArray *partners)
{
  g_string_append (out, "name\torganisation\tkind\tareas\tactive\tlast_verified\n");
  for (guint i = 0; i < partners->len; i++)
    {
      WbPartner *p = g_ptr_array_index (partners, i);
      const char * const *areas = wb_partner_get_areas (p);
      g_autofree char *joined = areas ? g_strjoinv (";", (char **) areas) : NULL;
      g_autofree char *verified = verified_text (p);

      wb_cli_append_tsv_field (out, wb_partner_get_name (p));
      g_string_append_c (out, '\t');
      wb_cli_append_tsv_field (out, wb_partner_get_organisation (p));
      g_string_append_printf (out, "\t%s\t", kind_nick (wb_partner_get_kind (p)));
      wb_cli_append_tsv_field (out, joined);
      g_string_append_printf (out, "\t%s\t%s\n", wb_partner_get_active (p) ? "ja" : "nee",
                              verified ? verified : "");
    }
}

static int
partners_list (WbCliVaultOptions *opts,
               gboolean           json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  GString *out;
  int rc;

  vault = wb_cli_open_unlocked (opts, &rc);
  if (vault == NULL)
    return rc;
  partners = list_sorted (vault, &error);
  if (partners == NULL || !audit_export (vault, "list", partners->len, &error))
    return wb_cli_report_error (error);

  out = g_string_new (NULL);
  if (json)
    write_json (out, partners);
  else
    write_table (out, partners);
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  wipe_string (out);
  return WB_CLI_EXIT_OK;
}

/* Command */

static char *
describe_columns (void)
{
  return g_strdup (_("CSV files are UTF-8 (a byte order mark is allowed) with RFC 4180 quoting "
                     "and one header line naming the columns, in any order:\n"
                     "  name           required\n"
                     "  organisation   optional\n"
                     "  kind           required: peer-mayor, peer-alderman, peer-councillor,\n"
                     "                 experience-expert, security-expert, legal, aftercare,\n"
                     "                 police, communication or other\n"
                     "  areas          required, separated by semicolons: NL, PV20–PV31,\n"
                     "                 VR01–VR25 or GM and a CBS code, e.g. \"GM0363;VR13\"\n"
                     "  languages      optional, separated by semicolons, e.g. \"nl;en\"\n"
                     "  availability   optional free text\n"
                     "  phone, email   at least one of the two\n"
                     "  notes          optional, may hold line breaks\n"
                     "  active         optional: ja/nee, yes/no, true/false or 1/0 (empty is ja)\n"
                     "  last_verified  optional: YYYY-MM-DD\n"
                     "Import checks every row first and imports nothing when a row is invalid, "
                     "unless --skip-invalid is given. Export and list are recorded in the "
                     "audit log."));
}

int
wb_cli_cmd_partners (int    argc,
                     char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context =
    g_option_context_new ("import FILE.csv | export [FILE.csv] | list");
  g_autofree char *description = describe_columns ();
  gboolean json = FALSE;
  gboolean skip_invalid = FALSE;
  GOptionEntry entries[] = {
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid, N_("Import the valid rows and leave out the invalid ones"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("List as a JSON array instead of a tab-separated table"), NULL },
    { NULL }
  };
  const char *command;
  int rc = WB_CLI_EXIT_USAGE;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Import, export or list the partner directory."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;

  command = argc >= 2 ? argv[1] : "";
  if (strcmp (command, "import") == 0 && argc == 3)
    rc = partners_import (&opts, argv[2], skip_invalid);
  else if (strcmp (command, "export") == 0 && argc <= 3)
    rc = partners_export (&opts, argc == 3 ? argv[2] : NULL);
  else if (strcmp (command, "list") == 0 && argc == 2)
    rc = partners_list (&opts, json);
  else
    g_printerr ("%s\n", _("Usage: weerbaar-cli partners import FILE.csv [--skip-invalid] | "
                          "partners export [FILE.csv] | partners list [--json]"));
  wb_cli_vault_options_clear (&opts);
  return rc;
}
