/* wb-vault.h: the encrypted vault, synchronous API (one thread at a time).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-kdf.h"
#include "wb-passphrase.h"
#include "wb-store-error.h"

G_BEGIN_DECLS

#define WB_RECORD_ID_LEN 16

typedef struct _WbVault WbVault;

typedef struct
{
  guint8 bytes[WB_RECORD_ID_LEN];
} WbRecordId;

typedef enum
{
  WB_VAULT_ROLE_BEHEERDER,
  WB_VAULT_ROLE_MEDEWERKER,
  WB_VAULT_ROLE_CONTACTPERSOON,
} WbVaultRole;

typedef struct
{
  WbRecordId   id;
  char        *name;
  char        *display_name;
  WbVaultRole  role;
} WbVaultAccount;

typedef struct
{
  guint       n_records;
  guint       n_damaged;
  GArray     *damaged_ids;      /* WbRecordId */
  guint       n_slots;
  guint       n_damaged_slots;
  guint       n_audit;
  gboolean    audit_ok;
  char       *audit_problem;
  gboolean    integrity_ok;
  char       *integrity_message;
} WbVaultCheck;

typedef struct
{
  WbRecordId  id;
  gint64      due;
  int         state;
} WbVaultDue;

/* Called on the vault's thread after a commit, once per changed record. */
typedef void     (*WbVaultChangedFunc) (const char       *kind,
                                        const WbRecordId *id,
                                        gpointer          user_data);
/* plaintext is NULL and damage set when the record could not be opened.
 * Return FALSE to stop. */
typedef gboolean (*WbVaultForeachFunc) (const WbRecordId *id,
                                        GBytes           *plaintext,
                                        const GError     *damage,
                                        gpointer          user_data);

void             wb_record_id_generate      (WbRecordId        *id);
char            *wb_record_id_to_string     (const WbRecordId  *id);
gboolean         wb_record_id_from_string   (const char        *str,
                                             WbRecordId        *id);
const char      *wb_vault_role_to_string    (WbVaultRole        role);
gboolean         wb_vault_role_from_string  (const char        *str,
                                             WbVaultRole       *role);
void             wb_vault_account_free      (WbVaultAccount    *account);
void             wb_vault_check_clear       (WbVaultCheck      *check);

WbVault         *wb_vault_open              (const char        *path,
                                             GError           **error);
void             wb_vault_free              (WbVault           *vault);
const char      *wb_vault_get_path          (WbVault           *vault);
gboolean         wb_vault_is_initialized    (WbVault           *vault);
guint            wb_vault_count_accounts    (WbVault           *vault);
gboolean         wb_vault_is_locked         (WbVault           *vault);
void             wb_vault_set_changed_func  (WbVault           *vault,
                                             WbVaultChangedFunc func,
                                             gpointer           user_data);

gboolean         wb_vault_create            (WbVault           *vault,
                                             const char        *name,
                                             const char        *display_name,
                                             const char        *passphrase,
                                             const WbKdfCost   *cost,
                                             GError           **error);
gboolean         wb_vault_unlock            (WbVault           *vault,
                                             const char        *name,
                                             const char        *passphrase,
                                             gboolean           allow_test_cost,
                                             GError           **error);
gboolean         wb_vault_unlock_recovery   (WbVault           *vault,
                                             const char        *recovery_key,
                                             gboolean           allow_test_cost,
                                             GError           **error);
void             wb_vault_lock              (WbVault           *vault);
const WbVaultAccount *wb_vault_get_actor    (WbVault           *vault);

GPtrArray       *wb_vault_list_accounts     (WbVault           *vault,
                                             GError           **error);
gboolean         wb_vault_add_account       (WbVault           *vault,
                                             const char        *name,
                                             const char        *display_name,
                                             WbVaultRole        role,
                                             const char        *passphrase,
                                             const WbKdfCost   *cost,
                                             GError           **error);
gboolean         wb_vault_change_passphrase (WbVault           *vault,
                                             const char        *new_passphrase,
                                             const WbKdfCost   *cost,
                                             GError           **error);
gboolean         wb_vault_reset_passphrase  (WbVault           *vault,
                                             const char        *name,
                                             const char        *new_passphrase,
                                             const WbKdfCost   *cost,
                                             GError           **error);
gboolean         wb_vault_remove_account    (WbVault           *vault,
                                             const char        *name,
                                             GError           **error);
char            *wb_vault_set_recovery_key  (WbVault           *vault,
                                             const WbKdfCost   *cost,
                                             GError           **error);

gboolean         wb_vault_begin             (WbVault           *vault,
                                             GError           **error);
gboolean         wb_vault_commit            (WbVault           *vault,
                                             GError           **error);
void             wb_vault_rollback          (WbVault           *vault);
gboolean         wb_vault_put               (WbVault           *vault,
                                             const char        *kind,
                                             const WbRecordId  *id,
                                             GBytes            *plaintext,
                                             GError           **error);
GBytes          *wb_vault_get               (WbVault           *vault,
                                             const WbRecordId  *id,
                                             char             **out_kind,
                                             GError           **error);
gboolean         wb_vault_delete            (WbVault           *vault,
                                             const WbRecordId  *id,
                                             GError           **error);
GArray          *wb_vault_list_ids          (WbVault           *vault,
                                             const char        *kind,
                                             GError           **error);
gboolean         wb_vault_foreach           (WbVault           *vault,
                                             const char        *kind,
                                             WbVaultForeachFunc func,
                                             gpointer           user_data,
                                             GError           **error);

gboolean         wb_vault_set_followup      (WbVault           *vault,
                                             const WbRecordId  *id,
                                             gint64             due,
                                             int                state,
                                             GError           **error);
GArray          *wb_vault_list_due          (WbVault           *vault,
                                             gint64             before,
                                             GError           **error);

gboolean         wb_vault_audit             (WbVault           *vault,
                                             const char        *action,
                                             const char        *kind,
                                             const WbRecordId  *id,
                                             const char        *detail,
                                             GError           **error);
gboolean         wb_vault_verify_audit      (WbVault           *vault,
                                             guint             *out_n_entries,
                                             GError           **error);
gboolean         wb_vault_check             (WbVault           *vault,
                                             WbVaultCheck      *out_check,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbVault, wb_vault_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbVaultAccount, wb_vault_account_free)

G_END_DECLS
