/* wb-backup-private.h: shared by wb-backup.c and wb-backup-restore.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-backup.h"

G_BEGIN_DECLS

typedef struct
{
  WbBackupInfo  info;
  guint8       *data;           /* the decrypted snapshot; wiped on clear */
} WbBackupOpened;

/* Reads the header and, with a secret, decrypts and checks the snapshot. */
gboolean  wb_backup_open          (const char      *path,
                                   const char      *secret,
                                   gboolean         allow_test_cost,
                                   WbBackupOpened  *out,
                                   GError         **error);
void      wb_backup_opened_clear  (WbBackupOpened  *opened);
void      wb_backup_set_io_error  (GError         **error,
                                   const char      *path,
                                   int              saved_errno);
gboolean  wb_backup_write_all     (int              fd,
                                   const guint8    *data,
                                   gsize            len);
gboolean  wb_backup_fsync_dir_of  (const char      *path);

G_END_DECLS
