/* wb-core-error.h: the error domain of the domain layer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WB_CORE_ERROR (wb_core_error_quark ())

/**
 * WbCoreError:
 * @WB_CORE_ERROR_INVALID: a value breaks a validation rule
 * @WB_CORE_ERROR_FORMAT: serialized data is damaged, of the wrong kind or has
 *   a missing or mistyped field
 * @WB_CORE_ERROR_UNSUPPORTED_VERSION: serialized data was written by a newer
 *   version of the format
 * @WB_CORE_ERROR_WEAK_PASSPHRASE: a passphrase is too short or not valid text
 */
typedef enum
{
  WB_CORE_ERROR_INVALID,
  WB_CORE_ERROR_FORMAT,
  WB_CORE_ERROR_UNSUPPORTED_VERSION,
  WB_CORE_ERROR_WEAK_PASSPHRASE,
} WbCoreError;

GQuark wb_core_error_quark (void);

G_END_DECLS
