/* wb-auto-backup.h: weekly automatic backups while the vault is unlocked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_AUTO_BACKUP_INTERVAL (7 * 24 * 3600)

#define WB_TYPE_AUTO_BACKUP (wb_auto_backup_get_type ())

G_DECLARE_FINAL_TYPE (WbAutoBackup, wb_auto_backup, WB, AUTO_BACKUP, GObject)

WbAutoBackup *wb_auto_backup_new         (WbStore      *store,
                                          GSettings    *settings);
/* Writes a backup now when automatic backups are on, the vault is unlocked
 * and the last backup is a week old; the hourly timer and unlocking call it. */
void          wb_auto_backup_check       (WbAutoBackup *self);
gboolean      wb_auto_backup_get_running (WbAutoBackup *self);

/* Shared with the backup page. */
char         *wb_backup_folder           (GSettings    *settings);
char         *wb_backup_file_name        (gboolean      automatic,
                                          GDateTime    *when);
gboolean      wb_backup_is_auto_name     (const char   *name);
/* Deletes the oldest automatic backups in @folder beyond @keep; only files
 * named as wb_backup_file_name (TRUE, …) makes them. Returns the number
 * deleted. Blocking: run it in a thread. */
guint         wb_backup_prune            (const char   *folder,
                                          guint         keep);

G_END_DECLS
