/* test-cli-followups.c: “weerbaar-cli followups due” without and with the passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vault is made here with the calibrated Argon2id cost, since the CLI
 * refuses cheaper slots; one run unlocks, so the test takes a few seconds.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wb-case-index.h"
#include "wb-core.h"
#include "wb-vault.h"

#define PASS "anna passphrase for tests 1"
#define REFERENCE "WB-TEST-31"
#define REPORTER "Test Jansen-31"

static const char *cli;
static char *dir;
static char *db;

static void
put (WbVault    *vault,
     const char *kind,
     const char *hex_id,
     GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  WbRecordId id;

  g_assert_true (wb_record_id_from_string (hex_id, &id));
  wb_vault_put (vault, kind, &id, bytes, &error);
  g_assert_no_error (error);
  g_bytes_unref (bytes);
}

static void
put_follow_up (WbVault         *vault,
               const char      *case_id,
               gint64           offset_seconds,
               WbFollowUpState  state)
{
  g_autoptr(WbFollowUp) f = wb_follow_up_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = g_date_time_add_seconds (now, offset_seconds);
  g_autoptr(GError) error = NULL;
  WbRecordId id;

  wb_follow_up_set_case_id (f, case_id);
  wb_follow_up_set_due (f, due);
  wb_follow_up_set_state (f, state);
  wb_follow_up_set_kind (f, WB_FOLLOW_UP_KIND_EVALUATION);
  wb_follow_up_set_target (f, WB_FOLLOW_UP_TARGET_FAMILY);
  put (vault, WB_KIND_FOLLOWUP, wb_follow_up_get_id (f), wb_follow_up_serialize (f));
  g_assert_true (wb_record_id_from_string (wb_follow_up_get_id (f), &id));
  wb_vault_set_followup (vault, &id, g_date_time_to_unix (due) * G_USEC_PER_SEC, state, &error);
  g_assert_no_error (error);
}

static void
make_vault (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbCase) c = wb_case_new ();
  g_autoptr(WbPerson) reporter = wb_person_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  vault = wb_vault_open (db, &error);
  g_assert_no_error (error);
  wb_vault_create (vault, "anna", "Test Jansen-1", PASS, NULL, &error);
  g_assert_no_error (error);

  wb_case_set_reference (c, REFERENCE);
  wb_case_set_created (c, now);
  wb_case_set_updated (c, now);
  put (vault, WB_KIND_CASE, wb_case_get_id (c), wb_case_serialize (c));
  wb_person_set_case_id (reporter, wb_case_get_id (c));
  wb_person_set_relation (reporter, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (reporter, REPORTER);
  put (vault, WB_KIND_PERSON, wb_person_get_id (reporter), wb_person_serialize (reporter));

  /* An hour overdue: listed. Done, or due in ten days: not listed. */
  put_follow_up (vault, wb_case_get_id (c), -3600, WB_FOLLOW_UP_STATE_OPEN);
  put_follow_up (vault, wb_case_get_id (c), -7200, WB_FOLLOW_UP_STATE_DONE);
  put_follow_up (vault, wb_case_get_id (c), 10 * 86400, WB_FOLLOW_UP_STATE_OPEN);
  wb_vault_lock (vault);
}

/* Runs the CLI; with @passphrase it is given on fd 3. */
static int
run (const char  *passphrase,
     char       **out,
     const char  *first,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, db);
  if (passphrase != NULL)
    {
      int fds[2];

      g_assert_cmpint (pipe (fds), ==, 0);
      g_assert_cmpint (write (fds[1], passphrase, strlen (passphrase)), ==, (gssize) strlen (passphrase));
      g_assert_cmpint (write (fds[1], "\n", 1), ==, 1);
      close (fds[1]);
      g_subprocess_launcher_take_fd (launcher, fds[0], 3);
      g_ptr_array_add (args, "--passphrase-fd");
      g_ptr_array_add (args, "3");
    }
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static void
test_locked_json_names_nothing (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (NULL, &out, "followups", "due", "--json", NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"unlocked\": false, \"due\": 1, \"overdue\": 1,"));
  g_assert_nonnull (strstr (out, "\"state\": \"open\""));
  g_assert_null (strstr (out, REFERENCE));
  g_assert_null (strstr (out, "Jansen"));
  g_assert_null (strstr (out, "case_reference"));
}

static void
test_locked_text (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (NULL, &out, "followups", "due", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1 follow-up due (1 overdue)\n"));
  g_assert_nonnull (strstr (out, "overdue\n"));
  g_assert_null (strstr (out, REFERENCE));
}

static void
test_unlocked_gives_reference (void)
{
  g_autofree char *out = NULL;

  /* Options may stand before the subcommand. */
  g_assert_cmpint (run (PASS, &out, "followups", "--json", "due", NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"unlocked\": true, \"due\": 1, \"overdue\": 1,"));
  g_assert_nonnull (strstr (out, "\"case_reference\": \"" REFERENCE "\""));
  g_assert_nonnull (strstr (out, "\"kind\": \"evaluation\""));
  g_assert_nonnull (strstr (out, "\"for\": \"family\""));
  g_assert_null (strstr (out, "Jansen"));
}

static void
test_wrong_passphrase_and_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  g_assert_cmpint (run ("not the passphrase 1", &out, "followups", "due", NULL), ==, 3);
  g_assert_cmpint (run (NULL, &out2, "followups", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];
  g_assert_true (wb_store_crypto_init (NULL));

  dir = g_dir_make_tmp ("weerbaar-cli-followups-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "weerbaar.db", NULL);
  make_vault ();

  g_test_add_func ("/notify/cli/followups-due-locked-json-names-nothing", test_locked_json_names_nothing);
  g_test_add_func ("/notify/cli/followups-due-locked-text", test_locked_text);
  g_test_add_func ("/notify/cli/followups-due-unlocked-gives-reference", test_unlocked_gives_reference);
  g_test_add_func ("/notify/cli/followups-due-wrong-passphrase-and-usage", test_wrong_passphrase_and_usage);
  status = g_test_run ();

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  g_free (db);
  g_free (dir);
  return status;
}
