/* wb-test-store.h: temporary folders and a ready test vault, for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-store.h"

G_BEGIN_DECLS

char    *wb_test_tmpdir    (void);
/* Removes @dir and everything below it. */
void     wb_test_rm_rf     (const char *dir);
/* A WbStore on a new vault at @path, at Argon2id test cost, opened and
 * unlocked as its first account @login. */
WbStore *wb_test_store_new (const char *path,
                            const char *login,
                            const char *display_name,
                            const char *passphrase);

G_END_DECLS
