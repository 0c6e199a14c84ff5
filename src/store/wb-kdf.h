/* wb-kdf.h: libsodium set-up, process hardening and Argon2id cost.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Argon2id cost of a key slot. `test` marks a cost below the minimum that
 * only tests and benchmarks may ask for, through this parameter; there is
 * deliberately no environment variable or user-visible switch for it. */
typedef struct
{
  guint64  opslimit;
  gsize    memlimit;
  gboolean test;
} WbKdfCost;

#define WB_KDF_SALT_LEN 16
/* The most any slot or backup may ask for: four times the highest cost
 * wb_kdf_calibrate() picks (16 passes of 256 MiB). */
#define WB_KDF_OPSLIMIT_MAX 64
#define WB_KDF_MEMLIMIT_MAX ((gsize) 1024 * 1024 * 1024)

const WbKdfCost *wb_kdf_cost_test         (void);
gboolean         wb_kdf_cost_is_too_low   (guint64          opslimit,
                                           gsize            memlimit);
void             wb_kdf_calibrate         (WbKdfCost       *out_cost,
                                           double          *out_seconds);
const WbKdfCost *wb_kdf_cost_calibrated   (void);
gboolean         wb_kdf_derive            (guint8          *out,
                                           gsize            out_len,
                                           const char      *passphrase,
                                           const guint8    *salt,
                                           guint64          opslimit,
                                           gsize            memlimit,
                                           GError         **error);

gboolean         wb_store_crypto_init     (GError         **error);
void             wb_store_harden_process  (void);

G_END_DECLS
