/* wb-vault-slots.h: key slots, internal to src/store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-vault-private.h"

G_BEGIN_DECLS

typedef enum
{
  WB_SLOT_ACCOUNT = 1,
  WB_SLOT_RECOVERY = 2,
} WbSlotKind;

guint     wb_vault_count_slots  (WbVault  *vault,
                                 int       kind);
gboolean  wb_vault_check_slots  (WbVault  *vault,
                                 guint    *out_n,
                                 guint    *out_damaged,
                                 GError  **error);

/* The public part of the recovery slot, as a backup header carries it so
 * the recovery key alone opens the backup. */
typedef struct
{
  guint8   id[16];
  guint8   salt[WB_KDF_SALT_LEN];
  guint64  ops;
  guint64  mem;
  guint8   nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8   sealed_sk[32 + crypto_aead_xchacha20poly1305_ietf_ABYTES];
  guint8   pk[32];
} WbRecoverySlot;

/* FALSE without an error when the vault has no recovery key; needs the
 * vault unlocked, to check the slot's MAC. */
gboolean  wb_vault_get_recovery_slot (WbVault              *vault,
                                      WbRecoverySlot       *out,
                                      GError              **error);
/* The slot's secret key (32 bytes, sodium memory, sodium_free it) when
 * @recovery_key opens it, else NULL. */
guint8   *wb_recovery_slot_open      (const guint8         *vault_id,
                                      const WbRecoverySlot *slot,
                                      const char           *recovery_key);

G_END_DECLS
