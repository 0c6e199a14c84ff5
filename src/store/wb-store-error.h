/* wb-store-error.h: the error domain of the vault.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WB_STORE_ERROR (wb_store_error_quark ())

typedef enum
{
  WB_STORE_ERROR_WRONG_PASSPHRASE,
  WB_STORE_ERROR_DAMAGED,
  WB_STORE_ERROR_LOCKED,
  WB_STORE_ERROR_NOT_FOUND,
  WB_STORE_ERROR_EXISTS,
  WB_STORE_ERROR_WEAK_PASSPHRASE,
  WB_STORE_ERROR_UNSAFE_DATABASE,
  WB_STORE_ERROR_IO,
  WB_STORE_ERROR_COST_TOO_LOW,
  WB_STORE_ERROR_NOT_PERMITTED,
  WB_STORE_ERROR_NEWER_VERSION,
  WB_STORE_ERROR_INVALID,
  WB_STORE_ERROR_NOT_INITIALIZED,
} WbStoreError;

GQuark wb_store_error_quark (void);

G_END_DECLS
