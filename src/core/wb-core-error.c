/* wb-core-error.c: the error domain of the domain layer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-core-error.h"

G_DEFINE_QUARK (wb-core-error-quark, wb_core_error)
