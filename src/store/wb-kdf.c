/* wb-kdf.c: libsodium set-up, process hardening and Argon2id cost.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "wb-kdf.h"
#include "wb-store-error.h"

/* Argon2id target time when a slot is made. */
#define TARGET_SECONDS 1.0

static const WbKdfCost test_cost = {
  crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, TRUE
};

const WbKdfCost *
wb_kdf_cost_test (void)
{
  return &test_cost;
}

gboolean
wb_kdf_cost_is_too_low (guint64 opslimit,
                        gsize   memlimit)
{
  return opslimit < crypto_pwhash_OPSLIMIT_MODERATE ||
         memlimit < crypto_pwhash_MEMLIMIT_MODERATE;
}

gboolean
wb_store_crypto_init (GError **error)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_IO,
                         _("The cryptography library could not be started."));
  return ok;
}

/* A core dump or a ptrace attach would copy the data key out of memory. */
void
wb_store_harden_process (void)
{
  struct rlimit rl = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &rl) != 0)
    g_warning ("Could not disable core dumps");
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_warning ("Could not mark the process as not dumpable");
}

gboolean
wb_kdf_derive (guint8      *out,
               gsize        out_len,
               const char  *passphrase,
               const guint8 *salt,
               guint64      opslimit,
               gsize        memlimit,
               GError     **error)
{
  if (!wb_store_crypto_init (error))
    return FALSE;
  /* The cost comes from the file: a tampered slot or backup header asking
   * for 2^32 passes or terabytes would hang or exhaust the machine before
   * the AEAD could say it was altered. */
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > WB_KDF_OPSLIMIT_MAX ||
      memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > WB_KDF_MEMLIMIT_MAX)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                           _("A key slot has impossible key derivation parameters."));
      return FALSE;
    }
  if (crypto_pwhash (out, out_len, passphrase, strlen (passphrase), salt,
                     opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_IO,
                           _("Not enough memory to derive the key from the passphrase."));
      return FALSE;
    }
  return TRUE;
}

static double
time_one (guint64 opslimit,
          gsize   memlimit)
{
  guint8 out[32];
  guint8 salt[WB_KDF_SALT_LEN] = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (crypto_pwhash (out, sizeof out, "calibration", 11, salt, opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    return -1;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Memory stays at MODERATE (256 MiB) so slots open on the smallest laptop
 * of the team; the time target is met by raising the passes, which scale
 * linearly. */
void
wb_kdf_calibrate (WbKdfCost *out_cost,
                  double    *out_seconds)
{
  guint64 ops = crypto_pwhash_OPSLIMIT_MODERATE;
  gsize mem = crypto_pwhash_MEMLIMIT_MODERATE;
  double t;

  g_return_if_fail (out_cost != NULL);

  (void) wb_store_crypto_init (NULL);
  t = time_one (ops, mem);
  if (t > 0 && t < TARGET_SECONDS)
    {
      ops = (guint64) (ops * TARGET_SECONDS / t + 0.5);
      ops = MAX (ops, crypto_pwhash_OPSLIMIT_MODERATE);
      ops = MIN (ops, (guint64) crypto_pwhash_OPSLIMIT_SENSITIVE * 4);
      t = t * ops / crypto_pwhash_OPSLIMIT_MODERATE;
    }
  out_cost->opslimit = ops;
  out_cost->memlimit = mem;
  out_cost->test = FALSE;
  if (out_seconds)
    *out_seconds = t;
}

const WbKdfCost *
wb_kdf_cost_calibrated (void)
{
  static gsize done = 0;
  static WbKdfCost cost;

  if (g_once_init_enter (&done))
    {
      wb_kdf_calibrate (&cost, NULL);
      g_once_init_leave (&done, 1);
    }
  return &cost;
}
