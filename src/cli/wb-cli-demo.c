/* wb-cli-demo.c: “weerbaar-cli demo”, fill a vault with fictional cases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "wb-case-index.h"
#include "wb-cli.h"
#include "wb-cli-vault.h"
#include "wb-demo.h"
#include "wb-record-fields.h"

/* Cases per transaction: big enough that the synchronous commit is a
 * small part of the time, small enough that little is lost on an error. */
#define BATCH 500

typedef struct
{
  guint n_cases;
  guint n_records;
  guint n_follow_ups;
} Counts;

/* Contact persons take the cases; a vault without any gives them to
 * whoever has an account. */
static GStrv
demo_accounts (WbVault  *vault,
               GError  **error)
{
  g_autoptr(GPtrArray) accounts = wb_vault_list_accounts (vault, error);
  g_autoptr(GStrvBuilder) contacts = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) everyone = g_strv_builder_new ();
  gboolean any_contact = FALSE;

  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < accounts->len; i++)
    {
      WbVaultAccount *a = g_ptr_array_index (accounts, i);
      g_autofree char *id = wb_record_id_to_string (&a->id);

      if (a->role == WB_VAULT_ROLE_CONTACTPERSOON)
        {
          g_strv_builder_add (contacts, id);
          any_contact = TRUE;
        }
      g_strv_builder_add (everyone, id);
    }
  return g_strv_builder_end (any_contact ? contacts : everyone);
}

static gboolean
collect_reference_cb (const WbRecordId *id,
                      GBytes           *plaintext,
                      const GError     *damage,
                      gpointer          user_data)
{
  g_auto(WbRecordFields) f = { 0 };

  if (plaintext != NULL && wb_record_fields_read (&f, WB_KIND_CASE, plaintext) && f.reference)
    g_strv_builder_add (user_data, f.reference);
  return TRUE;
}

static GStrv
existing_references (WbVault  *vault,
                     GError  **error)
{
  g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();

  if (!wb_vault_foreach (vault, WB_KIND_CASE, collect_reference_cb, refs, error))
    return NULL;
  return g_strv_builder_end (refs);
}

static gboolean
put (WbVault     *vault,
     const char  *kind,
     const char  *hex_id,
     GBytes      *bytes,
     WbRecordId  *out_id,
     Counts      *counts,
     GError     **error)
{
  g_autoptr(GBytes) owned = bytes;
  WbRecordId id;

  if (!wb_record_id_from_string (hex_id, &id))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("A generated record has an id the vault cannot use."));
      return FALSE;
    }
  if (!wb_vault_put (vault, kind, &id, owned, error))
    return FALSE;
  if (out_id)
    *out_id = id;
  counts->n_records++;
  return TRUE;
}

/* Follow-ups also get their plaintext schedule, as the store does for the
 * app: the synchronous vault API leaves that to its caller. */
static gboolean
put_case (WbVault     *vault,
          WbDemoCase  *dc,
          Counts      *counts,
          GError     **error)
{
  if (!wb_demo_case_check (dc, error) ||
      !put (vault, WB_KIND_CASE, wb_case_get_id (dc->case_), wb_case_serialize (dc->case_),
            NULL, counts, error) ||
      !put (vault, WB_KIND_INCIDENT, wb_incident_get_id (dc->incident),
            wb_incident_serialize (dc->incident), NULL, counts, error) ||
      !put (vault, "needs", wb_needs_get_id (dc->needs), wb_needs_serialize (dc->needs),
            NULL, counts, error) ||
      !put (vault, "consent", wb_consent_get_id (dc->consent),
            wb_consent_serialize (dc->consent), NULL, counts, error))
    return FALSE;
  for (guint i = 0; i < dc->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (dc->people, i);

      if (!put (vault, WB_KIND_PERSON, wb_person_get_id (p), wb_person_serialize (p),
                NULL, counts, error))
        return FALSE;
    }
  for (guint i = 0; i < dc->timeline->len; i++)
    {
      WbTimelineEntry *e = g_ptr_array_index (dc->timeline, i);

      if (!put (vault, WB_KIND_TIMELINE, wb_timeline_entry_get_id (e),
                wb_timeline_entry_serialize (e), NULL, counts, error))
        return FALSE;
    }
  for (guint i = 0; i < dc->follow_ups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (dc->follow_ups, i);
      GDateTime *due = wb_follow_up_get_due (f);
      WbRecordId id;

      if (!put (vault, WB_KIND_FOLLOWUP, wb_follow_up_get_id (f), wb_follow_up_serialize (f),
                &id, counts, error) ||
          !wb_vault_set_followup (vault, &id,
                                  g_date_time_to_unix (due) * G_USEC_PER_SEC +
                                  g_date_time_get_microsecond (due),
                                  wb_follow_up_get_state (f), error))
        return FALSE;
      counts->n_follow_ups++;
    }
  counts->n_cases++;
  return TRUE;
}

static void
show_progress (guint done,
               guint total)
{
  g_printerr ("\r");
  /* Translators: progress on a terminal; the first %u is the number of
   * cases written so far, the second the number asked for */
  g_printerr (_("Writing demo cases: %u of %u"), done, total);
}

static gboolean
write_cases (WbVault  *vault,
             WbDemo   *demo,
             guint     n_cases,
             gboolean  progress,
             Counts   *counts,
             GError  **error)
{
  Counts pending = *counts;
  gboolean more = TRUE;

  while (more)
    {
      if (!wb_vault_begin (vault, error))
        return FALSE;
      for (guint i = 0; i < BATCH; i++)
        {
          g_autoptr(WbDemoCase) dc = wb_demo_next (demo, error);

          if (dc == NULL)
            {
              more = FALSE;
              if (error && *error)
                {
                  wb_vault_rollback (vault);
                  return FALSE;
                }
              break;
            }
          if (!put_case (vault, dc, &pending, error))
            {
              wb_vault_rollback (vault);
              return FALSE;
            }
        }
      if (!wb_vault_commit (vault, error))
        return FALSE;
      *counts = pending;
      if (progress)
        show_progress (counts->n_cases, n_cases);
    }
  if (progress)
    g_printerr ("\n");
  return TRUE;
}

static gboolean
parse_seed (const char  *text,
            guint32     *seed,
            GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    {
      g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                   /* Translators: %s is what the user gave for --seed */
                   _("The seed “%s” is not a whole number from 0 to 4294967295."), text);
      return FALSE;
    }
  *seed = (guint32) value;
  return TRUE;
}

int
wb_cli_cmd_demo (int    argc,
                 char **argv)
{
  WbCliVaultOptions opts;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbDemo) demo = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_auto(GStrv) accounts = NULL;
  g_auto(GStrv) references = NULL;
  g_autofree char *seed_text = NULL;
  int n_cases = 0;
  guint32 seed;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to add (1 to 100000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Seed of the generator; the same seed gives the same cases"), N_("SEED") },
    { NULL }
  };
  Counts counts = { 0 };
  gint64 started;
  double seconds;
  gboolean ok;
  int rc;

  wb_store_harden_process ();
  wb_cli_vault_options_init (&opts);
  g_option_context_set_summary (context, _("Add fictional demo cases, for trying out and testing the app. Never use this on a vault with real cases."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &opts, FALSE, &argc, &argv))
    return WB_CLI_EXIT_USAGE;
  if (argc != 1 || n_cases < 1 || n_cases > WB_DEMO_MAX_CASES)
    {
      g_printerr ("%s\n", _("Usage: weerbaar-cli demo --cases N [--seed SEED] (N from 1 to 100000)"));
      wb_cli_vault_options_clear (&opts);
      return WB_CLI_EXIT_USAGE;
    }
  seed = g_random_int ();
  if (seed_text != NULL && !parse_seed (seed_text, &seed, &error))
    {
      wb_cli_vault_options_clear (&opts);
      return wb_cli_report_error (error);
    }

  vault = wb_cli_open_unlocked (&opts, &rc);
  wb_cli_vault_options_clear (&opts);
  if (vault == NULL)
    return rc;
  if ((accounts = demo_accounts (vault, &error)) == NULL ||
      (references = existing_references (vault, &error)) == NULL)
    return wb_cli_report_error (error);

  now = g_date_time_new_now_utc ();
  demo = wb_demo_new (seed, n_cases, now, (const char * const *) accounts,
                      (const char * const *) references);
  started = g_get_monotonic_time ();
  ok = write_cases (vault, demo, n_cases, isatty (STDERR_FILENO), &counts, &error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  if (!ok)
    {
      g_printerr ("\n");
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               /* Translators: %u is a number of cases saved before an error */
                               "%u case was added before this error:",
                               "%u cases were added before this error:", counts.n_cases),
                  counts.n_cases);
      g_printerr ("\n");
      return wb_cli_report_error (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of cases, %.1f seconds, the last %u the seed */
                        "Added %u demo case in %.1f s (seed %u).",
                        "Added %u demo cases in %.1f s (seed %u).", counts.n_cases),
           counts.n_cases, seconds, seed);
  g_print ("\n");
  /* Translators: %u is the number of records written */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record written.", "%u records written.",
                        counts.n_records), counts.n_records);
  g_print ("\n");
  /* Translators: %u is how many of the records written are follow-ups */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u follow-up among them.", "%u follow-ups among them.",
                        counts.n_follow_ups), counts.n_follow_ups);
  g_print ("\n");
  return WB_CLI_EXIT_OK;
}
