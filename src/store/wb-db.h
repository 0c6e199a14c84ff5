/* wb-db.h: the SQLite connection of the vault: file modes, pragmas, schema.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define WB_DB_SCHEMA_VERSION 1

char     *wb_store_default_path  (void);

sqlite3  *wb_db_open             (const char  *path,
                                  GError     **error);
gboolean  wb_db_check_pragmas    (sqlite3     *db,
                                  GError     **error);
gboolean  wb_db_exec             (sqlite3     *db,
                                  const char  *sql,
                                  GError     **error);
void      wb_db_set_error        (GError     **error,
                                  sqlite3     *db,
                                  const char  *what);
gboolean  wb_db_integrity_check  (sqlite3     *db,
                                  char       **out_message,
                                  GError     **error);
void      wb_db_fix_modes        (const char  *path);

G_END_DECLS
