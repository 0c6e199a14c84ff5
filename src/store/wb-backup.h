/* wb-backup.h: encrypted backup files of the vault, and restoring them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-kdf.h"
#include "wb-store.h"
#include "wb-vault.h"

G_BEGIN_DECLS

#define WB_BACKUP_ERROR (wb_backup_error_quark ())

/* Each refusal has its own code so the GUI and the CLI can say precisely
 * what is wrong with a file. A reordered chunk and a flipped bit in the
 * body cannot be told apart cryptographically: both are DAMAGED. */
typedef enum
{
  WB_BACKUP_ERROR_NOT_A_BACKUP,
  WB_BACKUP_ERROR_NEWER_VERSION,
  WB_BACKUP_ERROR_HEADER_ALTERED,
  WB_BACKUP_ERROR_WRONG_PASSPHRASE,
  WB_BACKUP_ERROR_TRUNCATED,
  WB_BACKUP_ERROR_TRAILING_DATA,
  WB_BACKUP_ERROR_DAMAGED,
  WB_BACKUP_ERROR_NOT_A_VAULT,
  WB_BACKUP_ERROR_COST_TOO_LOW,
  WB_BACKUP_ERROR_IN_USE,
  WB_BACKUP_ERROR_EXISTS,
  WB_BACKUP_ERROR_IO,
  WB_BACKUP_ERROR_NO_RECOVERY_KEY,
} WbBackupError;

/* What seals the file key. RECOVERY_SLOT seals it to the public key of the
 * vault's recovery slot, so automatic backups need no secret when they are
 * made; the recovery key opens them. */
typedef enum
{
  WB_BACKUP_KEY_PASSPHRASE = 1,
  WB_BACKUP_KEY_RECOVERY = 2,
  WB_BACKUP_KEY_RECOVERY_SLOT = 3,
} WbBackupKeyKind;

typedef struct
{
  /* From the header, known without a secret. */
  gint64           created;          /* Unix seconds */
  guint8           vault_id[16];
  WbBackupKeyKind  key_kind;
  guint64          snapshot_size;
  /* After decryption; the records themselves stay sealed with the vault's
   * keys, but their kind is plaintext in the database, so cases can be
   * counted without the vault key. */
  gboolean         decrypted;
  guint            n_records;
  guint            n_cases;
  guint            n_accounts;
} WbBackupInfo;

GQuark    wb_backup_error_quark (void);

/* Writes a backup of the unlocked @vault to @dest_path (through a temporary
 * name, renamed when complete) and audits it. A NULL @cost calibrates
 * Argon2id; tests pass wb_kdf_cost_test(). With WB_BACKUP_KEY_RECOVERY,
 * @secret must be the vault's recovery key; with WB_BACKUP_KEY_RECOVERY_SLOT
 * @secret and @cost are unused (NULL) and the vault must have a recovery
 * key (else WB_BACKUP_ERROR_NO_RECOVERY_KEY). */
gboolean  wb_backup_write       (WbVault          *vault,
                                 const char       *dest_path,
                                 WbBackupKeyKind   key_kind,
                                 const char       *secret,
                                 const WbKdfCost  *cost,
                                 GError          **error);
/* With a NULL @secret only the header is read. Both recovery kinds open
 * with the recovery key. */
gboolean  wb_backup_inspect     (const char       *backup_path,
                                 const char       *secret,
                                 gboolean          allow_test_cost,
                                 WbBackupInfo     *out_info,
                                 GError          **error);
/* Replaces @target_path with the vault in the backup. The restored vault is
 * first unlocked with @account/@passphrase of an account in the backup (or
 * with its recovery key when @account is NULL and @passphrase is the key
 * with @use_recovery_key) and gets a "restore" audit entry; only then does
 * it replace the target, in one rename. */
gboolean  wb_backup_restore     (const char       *backup_path,
                                 const char       *secret,
                                 const char       *target_path,
                                 const char       *account,
                                 const char       *passphrase,
                                 gboolean          use_recovery_key,
                                 gboolean          allow_test_cost,
                                 WbBackupInfo     *out_info,
                                 GError          **error);

/* Whether the vault has a recovery key, so RECOVERY_SLOT backups can be made. */
gboolean  wb_backup_can_seal_to_recovery (WbVault *vault);

/* WbStore wrappers (wb-store-backup.c): the work runs on the store's worker. */
void      wb_store_backup_async  (WbStore             *self,
                                  GFile               *dest,
                                  WbBackupKeyKind      key_kind,
                                  const char          *secret,
                                  const WbKdfCost     *cost,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean  wb_store_backup_finish (WbStore             *self,
                                  GAsyncResult        *result,
                                  GError             **error);
/* Whether the unlocked vault has a recovery key (FALSE while locked). */
void      wb_store_has_recovery_key_async  (WbStore             *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  wb_store_has_recovery_key_finish (WbStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void      wb_store_inspect_backup_async  (WbStore             *self,
                                          GFile               *backup,
                                          const char          *secret,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Returns a WbBackupInfo to free with g_free(), or NULL. */
WbBackupInfo *wb_store_inspect_backup_finish (WbStore         *self,
                                              GAsyncResult    *result,
                                              GError         **error);
/* Closes the store's vault, restores @backup over the store's path (see
 * wb_backup_restore()) and reopens it, locked: the caller unlocks again. */
void      wb_store_restore_async  (WbStore             *self,
                                   GFile               *backup,
                                   const char          *secret,
                                   const char          *account,
                                   const char          *passphrase,
                                   gboolean             use_recovery_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  wb_store_restore_finish (WbStore             *self,
                                   GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
