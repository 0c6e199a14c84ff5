/* wb-store-error.c: the error domain of the vault.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-store-error.h"

G_DEFINE_QUARK (wb-store-error-quark, wb_store_error)
