/* wb-test-util.h: helpers shared by the store tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "wb-test-store.h"
#include "wb-vault.h"

G_BEGIN_DECLS

#define TEST_PASS "correct horse battery"
#define TEST_PASS2 "another long passphrase"

WbVault  *wb_test_new_vault      (const char *dir,
                                  const char *name);
gsize     wb_test_scan_for       (const char *path,
                                  const char *marker);
gsize     wb_test_scan_dir       (const char *dir,
                                  const char *marker);
sqlite3  *wb_test_raw_db         (const char *path);
void      wb_test_raw_exec       (sqlite3    *db,
                                  const char *sql);
GBytes   *wb_test_text           (const char *text);

G_END_DECLS
