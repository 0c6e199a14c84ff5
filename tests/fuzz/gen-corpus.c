/* gen-corpus.c: writes the seed corpus of the fuzz harnesses.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: gen-corpus OUTDIR  Writes OUTDIR/<harness>/seed-* from generated,
 * fictional data (wb-demo.c) and a test vault at test KDF cost; the files
 * in tests/fuzz/corpus were made with it. Inputs found by fuzzing are added
 * next to them by hand.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "wb-account.h"
#include "wb-backup.h"
#include "wb-case-index.h"
#include "wb-demo.h"
#include "wb-fuzz.h"
#include "wb-intake-draft.h"
#include "wb-kdf.h"
#include "wb-partner.h"
#include "wb-partner-csv.h"
#include "wb-vault-private.h"

#define VAULT_PASS "fuzz vault passphrase 1"

static const char *outdir;

static void
write_seed (const char   *harness,
            const char   *name,
            guint8        selector,
            gboolean      with_selector,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *dir = g_build_filename (outdir, harness, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  if (with_selector)
    g_byte_array_append (buf, &selector, 1);
  g_byte_array_append (buf, data, len);
  if (!g_file_set_contents (path, (const char *) buf->data, buf->len, &error))
    g_error ("%s", error->message);
}

static void
write_text (const char *harness,
            const char *name,
            const char *text)
{
  write_seed (harness, name, 0, FALSE, (const guint8 *) text, strlen (text));
}

static void
write_bytes (const char *harness,
             const char *name,
             guint8      selector,
             GBytes     *bytes)
{
  write_seed (harness, name, selector, TRUE, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The selector bytes follow the tables in fuzz-records.c and fuzz-unseal.c. */
enum { REC_CASE, REC_PERSON, REC_INCIDENT, REC_FOLLOWUP, REC_TIMELINE, REC_NEEDS, REC_CONSENT,
       REC_PARTNER, REC_ACCOUNT };
static const char * const unseal_kinds[] = {
  WB_KIND_CASE, WB_KIND_PERSON, WB_KIND_INCIDENT, WB_KIND_FOLLOWUP, WB_KIND_TIMELINE,
};

static void
seal_seed (guint8      selector,
           const char *name,
           GBytes     *plain)
{
  WbVault vault = { 0 };
  guint8 key[32];
  guint8 id[WB_RECORD_ID_LEN];
  g_autoptr(GBytes) blob = NULL;

  memset (key, WB_FUZZ_RECORD_KEY_BYTE, sizeof key);
  memset (vault.vault_id, WB_FUZZ_VAULT_ID_BYTE, sizeof vault.vault_id);
  for (guint i = 0; i < sizeof id; i++)
    id[i] = i;
  blob = wb_vault_seal (&vault, key, WB_FUZZ_KEY_ID, "records", unseal_kinds[selector], id, sizeof id,
                        plain);
  write_bytes ("unseal", name, selector, blob);
}

static void
put (WbVault    *vault,
     const char *kind,
     const char *hex_id,
     GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  WbRecordId id;

  if (!wb_record_id_from_string (hex_id, &id) || !wb_vault_put (vault, kind, &id, bytes, &error))
    g_error ("storing a demo record: %s", error ? error->message : "bad id");
}

static void
records_and_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 2, 10, 0, 0);
  const char * const accounts[] = { "0123456789abcdef0123456789abcdef", NULL };
  g_autoptr(WbDemo) demo = wb_demo_new (42, 3, now, accounts, NULL);
  g_autofree char *tmp = g_dir_make_tmp ("wb-gen-corpus-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmp, "vault.db", NULL);
  g_autofree char *backup = g_build_filename (tmp, "vault.wbbackup", NULL);
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbAccount) account = wb_account_new ();
  g_autoptr(GBytes) account_bytes = NULL;
  g_autofree char *backup_data = NULL;
  gsize backup_len = 0;
  WbDemoCase *dc;
  guint n = 0;

  g_assert_no_error (error);
  vault = wb_vault_open (db, &error);
  g_assert_no_error (error);
  wb_vault_create (vault, "test-jansen", "Test Jansen-42", VAULT_PASS, wb_kdf_cost_test (), &error);
  g_assert_no_error (error);

  while ((dc = wb_demo_next (demo, &error)) != NULL)
    {
      g_autoptr(GBytes) c = wb_case_serialize (dc->case_);
      g_autoptr(GBytes) p = wb_person_serialize (g_ptr_array_index (dc->people, 0));
      g_autoptr(GBytes) i = wb_incident_serialize (dc->incident);
      g_autoptr(GBytes) needs = wb_needs_serialize (dc->needs);
      g_autoptr(GBytes) consent = wb_consent_serialize (dc->consent);
      g_autoptr(GBytes) t = wb_timeline_entry_serialize (g_ptr_array_index (dc->timeline, 0));
      char name[32];

      g_snprintf (name, sizeof name, "seed-case-%u", n);
      write_bytes ("records", name, REC_CASE, c);
      seal_seed (REC_CASE, name, c);
      g_snprintf (name, sizeof name, "seed-person-%u", n);
      write_bytes ("records", name, REC_PERSON, p);
      seal_seed (REC_PERSON, name, p);
      g_snprintf (name, sizeof name, "seed-incident-%u", n);
      write_bytes ("records", name, REC_INCIDENT, i);
      seal_seed (REC_INCIDENT, name, i);
      g_snprintf (name, sizeof name, "seed-needs-%u", n);
      write_bytes ("records", name, REC_NEEDS, needs);
      g_snprintf (name, sizeof name, "seed-consent-%u", n);
      write_bytes ("records", name, REC_CONSENT, consent);
      g_snprintf (name, sizeof name, "seed-timeline-%u", n);
      write_bytes ("records", name, REC_TIMELINE, t);
      seal_seed (REC_TIMELINE, name, t);
      if (dc->follow_ups->len > 0)
        {
          g_autoptr(GBytes) u = wb_follow_up_serialize (g_ptr_array_index (dc->follow_ups, 0));

          g_snprintf (name, sizeof name, "seed-followup-%u", n);
          write_bytes ("records", name, REC_FOLLOWUP, u);
          seal_seed (REC_FOLLOWUP, name, u);
        }

      put (vault, WB_KIND_CASE, wb_case_get_id (dc->case_), c);
      put (vault, WB_KIND_PERSON, wb_person_get_id (g_ptr_array_index (dc->people, 0)), p);
      put (vault, WB_KIND_INCIDENT, wb_incident_get_id (dc->incident), i);
      wb_demo_case_free (dc);
      n++;
    }
  g_assert_no_error (error);

  wb_account_set_name (account, "test-jansen");
  wb_account_set_display_name (account, "Test Jansen-42");
  account_bytes = wb_account_serialize (account);
  write_bytes ("records", "seed-account", REC_ACCOUNT, account_bytes);

  if (!wb_backup_write (vault, backup, WB_BACKUP_KEY_PASSPHRASE, WB_FUZZ_BACKUP_PASSPHRASE,
                        wb_kdf_cost_test (), &error))
    g_error ("%s", error->message);
  if (!g_file_get_contents (backup, &backup_data, &backup_len, &error))
    g_error ("%s", error->message);
  write_seed ("backup", "seed-valid", 0, FALSE, (const guint8 *) backup_data, backup_len);
  write_seed ("backup", "seed-header-only", 0, FALSE, (const guint8 *) backup_data, MIN (backup_len, 204));
  write_seed ("backup", "seed-first-chunk", 0, FALSE, (const guint8 *) backup_data,
              MIN (backup_len, 204 + 64 * 1024 + 17));
  write_text ("backup", "seed-not-a-backup", "WBBACKUQ");

  /* A format-2 backup, sealed to the recovery slot: its key is random, so
   * the harness reads only the header and the slot material behind it. */
  {
    g_autofree char *recovery = wb_vault_set_recovery_key (vault, wb_kdf_cost_test (), &error);
    g_autofree char *slot_data = NULL;
    gsize slot_len = 0;

    if (recovery == NULL)
      g_error ("%s", error->message);
    g_unlink (backup);
    if (!wb_backup_write (vault, backup, WB_BACKUP_KEY_RECOVERY_SLOT, NULL,
                          wb_kdf_cost_test (), &error))
      g_error ("%s", error->message);
    if (!g_file_get_contents (backup, &slot_data, &slot_len, &error))
      g_error ("%s", error->message);
    write_seed ("backup", "seed-valid-recovery-slot", 0, FALSE, (const guint8 *) slot_data,
                MIN (slot_len, 380 + 64 * 1024 + 17));
  }

  g_clear_pointer (&vault, wb_vault_free);
  g_unlink (backup);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (tmp);
}

#define PARTNER_HEADER "name,organisation,kind,areas,languages,availability,phone,email,notes,active," \
                       "last_verified\n"
#define PARTNER_ROWS "Test Jansen-42,Jansen Advocaten,legal,GM0363;VR13,nl;en,Ma–vr 9–17," \
                     "+31 20 123 4567,info@jansen-advocaten.example,\"Zegt: \"\"bel eerst\"\",\nook 's avonds\"," \
                     "ja,2025-03-31\n" \
                     "Bureau Veilig-7,,security-expert,PV21,,,+31 58 123 4567,,,nee,\n"

static void
partners (void)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;

  write_text ("partner-csv", "seed-documented", PARTNER_HEADER PARTNER_ROWS);
  write_text ("partner-csv", "seed-bom-crlf", "\xEF\xBB\xBF" "Kind , AREAS,Name,Email,Active\r\n"
              "Aftercare, gm1900 ; pv21 ,Stichting Nazorg-3,nazorg@example.nl,TRUE\r\n");
  write_text ("partner-csv", "seed-bad-rows", PARTNER_HEADER "x,,nonsense,GM9999,,,12,no-at,,maybe,31-03-2025\n"
              "\"unterminated\n");
  if (!wb_partner_csv_parse (PARTNER_HEADER PARTNER_ROWS, strlen (PARTNER_HEADER PARTNER_ROWS), FALSE,
                             &list, &row_errors, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(GBytes) bytes = wb_partner_serialize (g_ptr_array_index (list, i));
      char name[32];

      g_snprintf (name, sizeof name, "seed-partner-%u", i);
      write_bytes ("records", name, REC_PARTNER, bytes);
    }

  write_text ("csv", "seed-simple", "a,b,c\n1,2,3\n");
  write_text ("csv", "seed-quotes", "\"x\",\"y \"\"z\"\"\"\r\n\"multi\nline\",\n");
  write_text ("csv", "seed-ragged", "a,b\n1\n1,2,3\n,,\n");
  write_text ("csv", "seed-partners", PARTNER_HEADER PARTNER_ROWS);
}

static void
drafts (void)
{
  const char * const touched[] = { "person:name", "incident:types", NULL };
  g_autoptr(WbIntakeDraft) empty = wb_intake_draft_new ();
  g_autoptr(WbIntakeDraft) draft = wb_intake_draft_new ();
  g_autoptr(GBytes) empty_bytes = NULL;
  g_autoptr(GBytes) draft_bytes = NULL;
  g_autoptr(GVariant) fields = NULL;
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&b, "{sv}", "name", g_variant_new_string ("Test Jansen-42"));
  g_variant_builder_add (&b, "{sv}", "municipality", g_variant_new_string ("GM0363"));
  g_variant_builder_add (&b, "{sv}", "types", g_variant_new_uint32 (5));
  g_variant_builder_add (&b, "{sv}", "date", g_variant_new_string ("01-11-2026"));
  g_variant_builder_add (&b, "{sv}", "description", g_variant_new_string ("Een dreigbrief, regel één\nen twee"));
  g_variant_builder_add (&b, "{sv}", "follow-ups",
                         g_variant_new_parsed ("[('04-12-2026', 'aftercare-contact'), ('31-02-20x', 'other')]"));
  g_variant_builder_add (&b, "{sv}", "touched", g_variant_new_strv (touched, -1));
  draft->step = 3;
  fields = g_variant_ref_sink (g_variant_builder_end (&b));
  wb_intake_draft_set_fields (draft, fields);

  empty_bytes = wb_intake_draft_serialize (empty);
  draft_bytes = wb_intake_draft_serialize (draft);
  write_seed ("intake-draft", "seed-empty", 0, FALSE, g_bytes_get_data (empty_bytes, NULL),
              g_bytes_get_size (empty_bytes));
  write_seed ("intake-draft", "seed-filled", 0, FALSE, g_bytes_get_data (draft_bytes, NULL),
              g_bytes_get_size (draft_bytes));
}

static void
texts (void)
{
  write_text ("case-reference", "seed-valid", "OT-2026-0042");
  write_text ("case-reference", "seed-list", "OT-2026-0001\nOT-2026-0042\nOT-2025-9999\nOT-2026-00x1");
  write_text ("case-reference", "seed-bad", "OT-1999-0000");
  write_text ("passphrase", "seed-good", "paard batterij nietje correct");
  write_text ("passphrase", "seed-short", "abc123");
  write_text ("passphrase", "seed-common", "welkom01welkom01");
  write_text ("passphrase", "seed-invalid-utf8", "lang genoeg maar \xff\xfe kapot");
  write_text ("inbox-filter", "seed-words", "jansen amsterdam");
  write_text ("inbox-filter", "seed-accents", "Ëlla  Çağlar\tOT-2026");
  write_text ("validation", "seed-phone", "+31 20 123 4567");
  write_text ("validation", "seed-phone-local", "06-12345678");
  write_text ("validation", "seed-email", "info@jansen-advocaten.example");
  write_text ("validation", "seed-area", "GM0363");
  write_text ("validation", "seed-id", "0123456789abcdef0123456789abcdef");
  write_text ("validation", "seed-login", "test-jansen");
}

int
main (int    argc,
      char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  if (!wb_store_crypto_init (NULL))
    return 1;
  records_and_backup ();
  partners ();
  drafts ();
  texts ();
  return 0;
}
