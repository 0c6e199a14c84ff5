/* wb-passphrase.h: the rules for passphrases and a strength estimate.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In characters, not bytes. */
#define WB_PASSPHRASE_MIN_CHARS 12
#define WB_PASSPHRASE_MAX_CHARS 1024

#define WB_PASSPHRASE_STRENGTH_MAX 4

gboolean wb_passphrase_check    (const char  *passphrase,
                                 GError     **error);
guint    wb_passphrase_strength (const char  *passphrase,
                                 char       **hint);

G_END_DECLS
