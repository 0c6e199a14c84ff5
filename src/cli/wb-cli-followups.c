/* wb-cli-followups.c: “weerbaar-cli followups due”, the follow-ups that are due, for cron or a status bar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a passphrase only the plaintext schedule is read (due moment and
 * state, which the vault keeps unsealed for the reminders): how many are
 * due and when, about whom nothing. That suits a cron mail or a status-bar
 * item that must not ask for a passphrase. With --unlock (or --account or
 * --passphrase-fd) the vault is unlocked and each line also gives the case
 * reference, the kind and for whom; never a person's name.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-case-index.h"
#include "wb-cli.h"
#include "wb-cli-output.h"
#include "wb-cli-followups.h"
#include "wb-cli-vault.h"
#include "wb-core.h"

typedef struct
{
  char             *id;
  GDateTime        *due;
  int               state;
  gboolean          overdue;
  gboolean          known;      /* the fields below were read */
  char             *reference;
  WbFollowUpKind    kind;
  WbFollowUpTarget  target;
} DueLine;

static void
due_line_free (DueLine *line)
{
  g_free (line->id);
  g_clear_pointer (&line->due, g_date_time_unref);
  g_free (line->reference);
  g_free (line);
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : "";
}

/* Case id → reference, read from the sealed case records. */
static GHashTable *
read_references (WbVault  *vault,
                 GError  **error)
{
  g_autoptr(GArray) ids = wb_vault_list_ids (vault, WB_KIND_CASE, error);
  GHashTable *references;

  if (ids == NULL)
    return NULL;
  references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GBytes) bytes = wb_vault_get (vault, &g_array_index (ids, WbRecordId, i), NULL, NULL);
      g_autoptr(WbCase) c = bytes != NULL ? wb_case_deserialize (bytes, NULL) : NULL;

      if (c != NULL && wb_case_get_reference (c) != NULL)
        g_hash_table_insert (references, g_strdup (wb_case_get_id (c)),
                             g_strdup (wb_case_get_reference (c)));
    }
  return references;
}

static void
print_text (GPtrArray *lines,
            guint      n_overdue,
            gboolean   unlocked)
{
  GTimeZone *tz = wb_due_get_time_zone ();

  if (lines->len == 0)
    {
      g_print ("%s\n", _("No follow-ups are due."));
      return;
    }
  /* Translators: %u is a number of follow-ups due today or earlier. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u follow-up due", "%u follow-ups due", lines->len),
           lines->len);
  g_print (" ");
  /* Translators: %u is how many of the due follow-ups are past their moment. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "(%u overdue)", "(%u overdue)", n_overdue), n_overdue);
  g_print ("\n");

  for (guint i = 0; i < lines->len; i++)
    {
      const DueLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (line->due, tz);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

      g_print ("  %s  %s", when, line->overdue ? _("overdue") : _("due today"));
      if (unlocked && line->known)
        g_print ("  %s  %s  %s",
                 line->reference != NULL ? line->reference : "-",
                 wb_follow_up_kind_to_label (line->kind),
                 wb_follow_up_target_to_label (line->target));
      g_print ("\n");
    }
}

static void
print_json (GPtrArray *lines,
            guint      n_overdue,
            gboolean   unlocked)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "{\"unlocked\": %s, \"due\": %u, \"overdue\": %u, \"followups\": [",
                          unlocked ? "true" : "false", lines->len, n_overdue);
  for (guint i = 0; i < lines->len; i++)
    {
      const DueLine *line = g_ptr_array_index (lines, i);
      g_autofree char *due = g_date_time_format_iso8601 (line->due);

      g_string_append (out, i > 0 ? ", {" : "{");
      g_string_append (out, "\"id\": ");
      wb_json_append_string (out, line->id);
      g_string_append (out, ", \"due\": ");
      wb_json_append_string (out, due);
      g_string_append (out, ", \"state\": ");
      wb_json_append_string (out, enum_nick (WB_TYPE_FOLLOW_UP_STATE, line->state));
      g_string_append_printf (out, ", \"is_overdue\": %s", line->overdue ? "true" : "false");
      if (unlocked && line->known)
        {
          g_string_append (out, ", \"case_reference\": ");
          if (line->reference != NULL)
            wb_json_append_string (out, line->reference);
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"kind\": ");
          wb_json_append_string (out, enum_nick (WB_TYPE_FOLLOW_UP_KIND, line->kind));
          g_string_append (out, ", \"for\": ");
          wb_json_append_string (out, enum_nick (WB_TYPE_FOLLOW_UP_TARGET, line->target));
        }
      g_string_append (out, "}");
    }
  g_string_append (out, "]}\n");
  g_print ("%s", out->str);
}

int
wb_cli_cmd_followups (int    argc,
                      char **argv)
{
  WbCliVaultOptions opts;
  gboolean json = FALSE;
  gboolean unlock = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "unlock", 0, 0, G_OPTION_ARG_NONE, &unlock,
      N_("Unlock the vault to add the case reference, kind and for whom"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("due");
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) references = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  GTimeZone *tz = wb_due_get_time_zone ();
  guint n_overdue = 0;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context,
                                _("List the open follow-ups due today or earlier. Without a passphrase "
                                  "only when they are due is shown; --unlock adds the case reference, "
                                  "kind and for whom."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  if (argc != 2 || !g_str_equal (argv[1], "due"))
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli followups due [--json] [--unlock]"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }

  unlock = unlock || opts.account != NULL || opts.passphrase_fd >= 0;
  vault = unlock ? wb_cli_open_unlocked (&opts, &rc) : wb_cli_open_vault (&opts, &rc);
  wb_cli_vault_options_clear (&opts);
  if (vault == NULL)
    return rc;

  /* Due today or earlier: before the next midnight in Europe/Amsterdam. */
  now = g_date_time_new_now (tz);
  tomorrow = g_date_time_add_days (now, 1);
  midnight = g_date_time_new (tz, g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                              g_date_time_get_day_of_month (tomorrow), 0, 0, 0);
  due = wb_vault_list_due (vault, g_date_time_to_unix (midnight) * G_USEC_PER_SEC, &error);
  if (due == NULL)
    return wb_cli_report_error (error);
  if (unlock)
    {
      references = read_references (vault, &error);
      if (references == NULL)
        return wb_cli_report_error (error);
    }

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) due_line_free);
  for (guint i = 0; i < due->len; i++)
    {
      const WbVaultDue *d = &g_array_index (due, WbVaultDue, i);
      g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
      DueLine *line;

      if (d->state != WB_FOLLOW_UP_STATE_OPEN && d->state != WB_FOLLOW_UP_STATE_SNOOZED)
        continue;
      line = g_new0 (DueLine, 1);
      line->id = wb_record_id_to_string (&d->id);
      line->due = g_date_time_add (epoch, d->due);
      line->state = d->state;
      line->overdue = g_date_time_compare (line->due, now) < 0;
      n_overdue += line->overdue;
      if (unlock)
        {
          g_autoptr(GBytes) bytes = wb_vault_get (vault, &d->id, NULL, NULL);
          g_autoptr(WbFollowUp) f = bytes != NULL ? wb_follow_up_deserialize (bytes, NULL) : NULL;

          if (f != NULL)
            {
              const char *reference = g_hash_table_lookup (references, wb_follow_up_get_case_id (f));

              line->known = TRUE;
              line->reference = g_strdup (reference);
              line->kind = wb_follow_up_get_kind (f);
              line->target = wb_follow_up_get_target (f);
            }
        }
      g_ptr_array_add (lines, line);
    }

  if (json)
    print_json (lines, n_overdue, unlock);
  else
    print_text (lines, n_overdue, unlock);
  return WB_CLI_EXIT_OK;
}
