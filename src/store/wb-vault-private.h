/* wb-vault-private.h: shared between the wb-vault*.c files and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>
#include <sqlite3.h>

#include "wb-vault.h"

G_BEGIN_DECLS

#define WB_BLOB_VERSION 1
#define WB_BLOB_HEADER (1 + 4 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
#define WB_KIND_ACCOUNT "wb.account"

typedef struct
{
  guint8 data[32];
  guint8 record[32];
  guint8 audit[32];
  guint8 audit_mac[32];
  guint8 slot_mac[32];
  guint8 export_key[32];
} WbKeys;

typedef void (*WbVaultRotationHook) (guint n_done, gpointer user_data);

/* Statements of the write path, prepared once per connection: parsing SQL
 * for every record was a good part of an intake's time. */
typedef enum
{
  WB_STMT_RECORD_KIND,
  WB_STMT_RECORD_PUT,
  WB_STMT_FOLLOWUP_PUT,
  WB_STMT_AUDIT_INSERT,
  WB_STMT_META_GET,
  WB_STMT_META_SET,
  WB_N_STMTS
} WbVaultStmt;

struct _WbVault
{
  char                *path;
  sqlite3             *db;
  guint8               vault_id[16];
  guint32              key_id;
  WbKeys              *keys;
  WbVaultAccount      *actor;
  gboolean             recovery;
  gboolean             in_txn;
  GArray              *pending;
  WbVaultChangedFunc   changed_func;
  gpointer             changed_data;
  WbVaultRotationHook  rotation_hook;
  gpointer             rotation_hook_data;
  sqlite3_stmt        *stmts[WB_N_STMTS];
  /* The audit head inside a transaction: read once, written once before
   * COMMIT (wb_vault_audit_flush()), not for every entry. */
  gboolean             audit_head_valid;
  gboolean             audit_head_dirty;
  gint64               audit_head_seq;
  guint8               audit_head_mac[32];
};

/* wb-vault-records.c */
GArray   *wb_vault_pending_new (void);
GArray   *wb_vault_list_ids_all (WbVault *vault,
                                 GError **error);
GBytes   *wb_vault_seal        (WbVault          *vault,
                                const guint8     *key,
                                guint32           key_id,
                                const char       *table,
                                const char       *kind,
                                const guint8     *id,
                                gsize             id_len,
                                GBytes           *plaintext);
GBytes   *wb_vault_unseal      (WbVault          *vault,
                                const guint8     *key,
                                guint32           key_id,
                                const char       *table,
                                const char       *kind,
                                const guint8     *id,
                                gsize             id_len,
                                const guint8     *blob,
                                gsize             blob_len,
                                GError          **error);
gboolean  wb_vault_put_raw     (WbVault          *vault,
                                const char       *kind,
                                const WbRecordId *id,
                                GBytes           *plaintext,
                                gboolean          audit,
                                GError          **error);
GBytes   *wb_vault_get_raw     (WbVault          *vault,
                                const WbRecordId *id,
                                char            **out_kind,
                                GError          **error);
gboolean  wb_vault_reencrypt_records (WbVault      *vault,
                                      const WbKeys *new_keys,
                                      guint32       new_key_id,
                                      GError      **error);
gboolean  wb_vault_require_unlocked (WbVault     *vault,
                                     GError     **error);
sqlite3_stmt *wb_vault_stmt         (WbVault      *vault,
                                     WbVaultStmt   which);
void      wb_vault_stmt_done        (sqlite3_stmt *stmt);
void      wb_vault_finalize_stmts   (WbVault      *vault);
gboolean  wb_vault_auto_begin  (WbVault          *vault,
                                gboolean         *out_began,
                                GError          **error);
gboolean  wb_vault_auto_end    (WbVault          *vault,
                                gboolean          began,
                                gboolean          ok,
                                GError          **error);

/* wb-vault-audit.c */
gboolean  wb_vault_audit_append     (WbVault      *vault,
                                     const char   *action,
                                     const char   *kind,
                                     const WbRecordId *id,
                                     const char   *detail,
                                     GError      **error);
gboolean  wb_vault_audit_flush      (WbVault      *vault,
                                     GError      **error);
void      wb_vault_audit_forget_head (WbVault     *vault);
gboolean  wb_vault_audit_rekey      (WbVault      *vault,
                                     const WbKeys *new_keys,
                                     guint32       new_key_id,
                                     GError      **error);

/* wb-vault.c */
WbKeys   *wb_keys_new               (const guint8 *data_key);
void      wb_keys_free              (WbKeys       *keys);
gboolean  wb_vault_meta_set_blob    (WbVault      *vault,
                                     const char   *key,
                                     const void   *data,
                                     gsize         len,
                                     GError      **error);
GBytes   *wb_vault_meta_get_blob    (WbVault      *vault,
                                     const char   *key);
gboolean  wb_vault_save_meta        (WbVault      *vault,
                                     guint32       key_id,
                                     GError      **error);
void      wb_vault_set_rotation_hook (WbVault            *vault,
                                      WbVaultRotationHook hook,
                                      gpointer            user_data);

G_END_DECLS
