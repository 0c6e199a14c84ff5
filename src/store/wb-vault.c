/* wb-vault.c: opening, unlocking and locking the vault; ids and roles.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-db.h"
#include "wb-vault-private.h"
#include "wb-vault-slots.h"

/* Subkey ids under the data key; the context names the purpose family. */
#define KDF_CONTEXT "WbVault1"
enum { SUBKEY_RECORD = 1, SUBKEY_AUDIT, SUBKEY_AUDIT_MAC, SUBKEY_SLOT_MAC, SUBKEY_EXPORT };

void
wb_record_id_generate (WbRecordId *id)
{
  g_return_if_fail (id != NULL);
  (void) wb_store_crypto_init (NULL);
  randombytes_buf (id->bytes, WB_RECORD_ID_LEN);
}

char *
wb_record_id_to_string (const WbRecordId *id)
{
  char hex[WB_RECORD_ID_LEN * 2 + 1];

  g_return_val_if_fail (id != NULL, NULL);
  sodium_bin2hex (hex, sizeof hex, id->bytes, WB_RECORD_ID_LEN);
  return g_strdup (hex);
}

gboolean
wb_record_id_from_string (const char *str,
                          WbRecordId *id)
{
  size_t len = 0;

  g_return_val_if_fail (str != NULL && id != NULL, FALSE);
  return strlen (str) == WB_RECORD_ID_LEN * 2 &&
         sodium_hex2bin (id->bytes, WB_RECORD_ID_LEN, str, strlen (str), NULL, &len, NULL) == 0 &&
         len == WB_RECORD_ID_LEN;
}

static const char * const role_names[] = { "beheerder", "medewerker", "contactpersoon" };

const char *
wb_vault_role_to_string (WbVaultRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), NULL);
  return role_names[role];
}

gboolean
wb_vault_role_from_string (const char  *str,
                           WbVaultRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (str, role_names[i]) == 0)
      {
        *role = (WbVaultRole) i;
        return TRUE;
      }
  return FALSE;
}

void
wb_vault_account_free (WbVaultAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->display_name);
  g_free (account);
}

void
wb_vault_check_clear (WbVaultCheck *check)
{
  g_clear_pointer (&check->damaged_ids, g_array_unref);
  g_clear_pointer (&check->audit_problem, g_free);
  g_clear_pointer (&check->integrity_message, g_free);
}

/* Keys */

WbKeys *
wb_keys_new (const guint8 *data_key)
{
  WbKeys *keys = sodium_malloc (sizeof (WbKeys));

  g_assert (keys != NULL);
  if (data_key)
    memcpy (keys->data, data_key, 32);
  else
    crypto_kdf_keygen (keys->data);
  crypto_kdf_derive_from_key (keys->record, 32, SUBKEY_RECORD, KDF_CONTEXT, keys->data);
  crypto_kdf_derive_from_key (keys->audit, 32, SUBKEY_AUDIT, KDF_CONTEXT, keys->data);
  crypto_kdf_derive_from_key (keys->audit_mac, 32, SUBKEY_AUDIT_MAC, KDF_CONTEXT, keys->data);
  crypto_kdf_derive_from_key (keys->slot_mac, 32, SUBKEY_SLOT_MAC, KDF_CONTEXT, keys->data);
  crypto_kdf_derive_from_key (keys->export_key, 32, SUBKEY_EXPORT, KDF_CONTEXT, keys->data);
  /* Nothing writes the keys after this; a stray write should crash. */
  sodium_mprotect_readonly (keys);
  return keys;
}

void
wb_keys_free (WbKeys *keys)
{
  /* sodium_free wipes the memory before releasing it. */
  if (keys)
    sodium_free (keys);
}

/* Meta table */

gboolean
wb_vault_meta_set_blob (WbVault    *vault,
                        const char *key,
                        const void *data,
                        gsize       len,
                        GError    **error)
{
  sqlite3_stmt *stmt = wb_vault_stmt (vault, WB_STMT_META_SET);
  gboolean ok;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, data, len, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    wb_db_set_error (error, vault->db, _("saving vault settings"));
  wb_vault_stmt_done (stmt);
  return ok;
}

GBytes *
wb_vault_meta_get_blob (WbVault    *vault,
                        const char *key)
{
  sqlite3_stmt *stmt = wb_vault_stmt (vault, WB_STMT_META_GET);
  GBytes *value = NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  wb_vault_stmt_done (stmt);
  return value;
}

static gboolean
load_meta (WbVault *vault,
           GError **error)
{
  g_autoptr(GBytes) id = wb_vault_meta_get_blob (vault, "vault_id");
  g_autoptr(GBytes) key_id = wb_vault_meta_get_blob (vault, "key_id");
  guint32 kid;

  if (id == NULL)
    {
      randombytes_buf (vault->vault_id, sizeof vault->vault_id);
      vault->key_id = 0;
      return TRUE;
    }
  if (g_bytes_get_size (id) != 16 || key_id == NULL || g_bytes_get_size (key_id) != 4)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                           _("The vault’s identity is damaged."));
      return FALSE;
    }
  memcpy (vault->vault_id, g_bytes_get_data (id, NULL), 16);
  memcpy (&kid, g_bytes_get_data (key_id, NULL), 4);
  vault->key_id = GUINT32_FROM_LE (kid);
  return TRUE;
}

gboolean
wb_vault_save_meta (WbVault *vault,
                    guint32  key_id,
                    GError **error)
{
  guint32 kid = GUINT32_TO_LE (key_id);

  return wb_vault_meta_set_blob (vault, "vault_id", vault->vault_id, 16, error) &&
         wb_vault_meta_set_blob (vault, "key_id", &kid, 4, error);
}

/* Open, lock, free */

WbVault *
wb_vault_open (const char  *path,
               GError     **error)
{
  g_autoptr(WbVault) vault = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!wb_store_crypto_init (error))
    return NULL;
  vault = g_new0 (WbVault, 1);
  vault->path = g_strdup (path);
  vault->pending = wb_vault_pending_new ();
  vault->db = wb_db_open (path, error);
  if (vault->db == NULL || !load_meta (vault, error))
    return NULL;
  return g_steal_pointer (&vault);
}

void
wb_vault_lock (WbVault *vault)
{
  g_return_if_fail (vault != NULL);

  if (vault->in_txn)
    wb_vault_rollback (vault);
  g_clear_pointer (&vault->keys, wb_keys_free);
  g_clear_pointer (&vault->actor, wb_vault_account_free);
  vault->recovery = FALSE;
}

void
wb_vault_free (WbVault *vault)
{
  if (vault == NULL)
    return;
  wb_vault_lock (vault);
  wb_vault_finalize_stmts (vault);
  if (vault->db)
    sqlite3_close (vault->db);
  g_clear_pointer (&vault->pending, g_array_unref);
  g_free (vault->path);
  g_free (vault);
}

const char *
wb_vault_get_path (WbVault *vault)
{
  return vault->path;
}

gboolean
wb_vault_is_locked (WbVault *vault)
{
  return vault->keys == NULL;
}

void
wb_vault_set_changed_func (WbVault           *vault,
                           WbVaultChangedFunc func,
                           gpointer           user_data)
{
  vault->changed_func = func;
  vault->changed_data = user_data;
}

void
wb_vault_set_rotation_hook (WbVault            *vault,
                            WbVaultRotationHook hook,
                            gpointer            user_data)
{
  vault->rotation_hook = hook;
  vault->rotation_hook_data = user_data;
}

const WbVaultAccount *
wb_vault_get_actor (WbVault *vault)
{
  return vault->actor;
}

gboolean
wb_vault_is_initialized (WbVault *vault)
{
  return wb_vault_count_slots (vault, -1) > 0;
}

guint
wb_vault_count_accounts (WbVault *vault)
{
  return wb_vault_count_slots (vault, WB_SLOT_ACCOUNT);
}

/* Check */

gboolean
wb_vault_check (WbVault      *vault,
                WbVaultCheck *out,
                GError      **error)
{
  g_autoptr(GError) audit_error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (vault != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  if (!wb_db_integrity_check (vault->db, &out->integrity_message, error))
    return FALSE;
  out->integrity_ok = g_strcmp0 (out->integrity_message, "ok") == 0;

  out->damaged_ids = g_array_new (FALSE, FALSE, sizeof (WbRecordId));
  ids = wb_vault_list_ids_all (vault, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      const WbRecordId *id = &g_array_index (ids, WbRecordId, i);
      g_autoptr(GBytes) plain = wb_vault_get_raw (vault, id, NULL, NULL);

      out->n_records++;
      if (plain == NULL)
        {
          out->n_damaged++;
          g_array_append_val (out->damaged_ids, *id);
        }
    }

  out->audit_ok = wb_vault_verify_audit (vault, &out->n_audit, &audit_error);
  if (!out->audit_ok)
    out->audit_problem = g_strdup (audit_error->message);

  return wb_vault_check_slots (vault, &out->n_slots, &out->n_damaged_slots, error);
}
