/* bench-store.c: Argon2id calibration and seal/open throughput (reported, never asserted).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sodium.h>

#include "wb-test-util.h"
#include "wb-vault-private.h"

#define N_RECORDS 5000

static void
bench_calibration (void)
{
  WbKdfCost cost;
  double predicted = 0;
  guint8 out[32], salt[WB_KDF_SALT_LEN] = { 0 };
  gint64 start;

  wb_kdf_calibrate (&cost, &predicted);
  start = g_get_monotonic_time ();
  g_assert_true (wb_kdf_derive (out, sizeof out, "benchmark passphrase", salt,
                                cost.opslimit, cost.memlimit, NULL));
  g_test_message ("argon2id calibrated: opslimit=%" G_GUINT64_FORMAT " memlimit=%zu MiB, "
                  "predicted %.2f s, measured %.2f s",
                  cost.opslimit, cost.memlimit >> 20, predicted,
                  (g_get_monotonic_time () - start) / 1e6);
}

static void
bench_seal_open (void)
{
  g_autofree char *dir = wb_test_tmpdir ();
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) record = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (WbRecordId));
  guint8 payload[1024];
  gint64 start;
  double seal_s, put_s, get_s;

  randombytes_buf (payload, sizeof payload);
  record = g_bytes_new (payload, sizeof payload);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_RECORDS; i++)
    {
      WbRecordId id;
      g_autoptr(GBytes) blob = NULL;

      wb_record_id_generate (&id);
      blob = wb_vault_seal (vault, vault->keys->record, vault->key_id, "records", "case",
                            id.bytes, 16, record);
    }
  seal_s = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  wb_vault_begin (vault, &error);
  for (guint i = 0; i < N_RECORDS; i++)
    {
      WbRecordId id;

      wb_record_id_generate (&id);
      g_array_append_val (ids, id);
      wb_vault_put (vault, "case", &id, record, &error);
      g_assert_no_error (error);
    }
  wb_vault_commit (vault, &error);
  put_s = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GBytes) b = wb_vault_get (vault, &g_array_index (ids, WbRecordId, i), NULL, &error);
      g_assert_no_error (error);
    }
  get_s = (g_get_monotonic_time () - start) / 1e6;

  g_test_message ("1 KiB record: seal only %.0f/s; put (sealed + audit entry, one transaction) %.0f/s; "
                  "get (read + open) %.0f/s",
                  N_RECORDS / seal_s, N_RECORDS / put_s, N_RECORDS / get_s);
  g_clear_pointer (&vault, wb_vault_free);
  wb_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_store_crypto_init (NULL);
  g_test_add_func ("/store/bench/argon2id-calibration", bench_calibration);
  g_test_add_func ("/store/bench/seal-open-throughput", bench_seal_open);
  return g_test_run ();
}
