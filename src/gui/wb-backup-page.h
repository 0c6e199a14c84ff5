/* wb-backup-page.h: Voorkeuren → Back-up: make, schedule and restore backups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_BACKUP_PAGE (wb_backup_page_get_type ())

G_DECLARE_FINAL_TYPE (WbBackupPage, wb_backup_page, WB, BACKUP_PAGE, AdwPreferencesPage)

GtkWidget *wb_backup_page_new      (WbStore      *store,
                                    GSettings    *settings);
gboolean   wb_backup_page_get_busy (WbBackupPage *self);
/* Starts the restore flow for @file, as choosing it in the file chooser does. */
void       wb_backup_page_open_backup (WbBackupPage *self,
                                       GFile        *file);

/* Makes a recovery key on the store's worker (replacing any earlier one)
 * and shows it once over @parent; the Accounts page uses it too. */
void       wb_recovery_key_make_and_show        (GtkWindow           *parent,
                                                 WbStore             *store,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean   wb_recovery_key_make_and_show_finish (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
