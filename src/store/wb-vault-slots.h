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

G_END_DECLS
