/* wb-vault-records.c: sealed records, transactions and the follow-up schedule.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-db.h"
#include "wb-vault-private.h"

#define ABYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define NPUB crypto_aead_xchacha20poly1305_ietf_NPUBBYTES

typedef struct
{
  char       *kind;
  WbRecordId  id;
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *p = data;
  g_free (p->kind);
}

/* Sizes leak only the bucket: 256 bytes, then powers of two. */
GArray *
wb_vault_pending_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (Pending));

  g_array_set_clear_func (a, pending_clear);
  return a;
}

static gsize
bucket_size (gsize len)
{
  gsize b = 256;

  while (b <= len)
    b <<= 1;
  return b;
}

static GByteArray *
build_ad (const char   *table,
          const char   *kind,
          const guint8 *id,
          gsize         id_len,
          guint32       key_id,
          guint8        version,
          const guint8 *vault_id)
{
  GByteArray *ad = g_byte_array_new ();
  guint32 kid = GUINT32_TO_LE (key_id);
  guint8 idlen = (guint8) id_len;

  g_byte_array_append (ad, (const guint8 *) table, strlen (table) + 1);
  g_byte_array_append (ad, (const guint8 *) kind, strlen (kind) + 1);
  g_byte_array_append (ad, &idlen, 1);
  g_byte_array_append (ad, id, id_len);
  g_byte_array_append (ad, (const guint8 *) &kid, 4);
  g_byte_array_append (ad, &version, 1);
  g_byte_array_append (ad, vault_id, 16);
  return ad;
}

GBytes *
wb_vault_seal (WbVault      *vault,
               const guint8 *key,
               guint32       key_id,
               const char   *table,
               const char   *kind,
               const guint8 *id,
               gsize         id_len,
               GBytes       *plaintext)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (plaintext, &len);
  gsize bucket = bucket_size (len);
  gsize padded_len = 0;
  g_autoptr(GByteArray) ad = build_ad (table, kind, id, id_len, key_id, WB_BLOB_VERSION, vault->vault_id);
  /* Ordinary heap, wiped before it is freed, as in unseal: a guarded
   * sodium_malloc mapping per record was most of the time to write cases. */
  guint8 *padded = g_malloc (bucket);
  guint8 *blob = g_malloc (WB_BLOB_HEADER + bucket + ABYTES);
  guint32 kid = GUINT32_TO_LE (key_id);
  unsigned long long clen = 0;

  if (len > 0)
    memcpy (padded, data, len);
  if (sodium_pad (&padded_len, padded, len, bucket, bucket) != 0)
    g_assert_not_reached ();

  blob[0] = WB_BLOB_VERSION;
  memcpy (blob + 1, &kid, 4);
  randombytes_buf (blob + 5, NPUB);
  crypto_aead_xchacha20poly1305_ietf_encrypt (blob + WB_BLOB_HEADER, &clen, padded, padded_len,
                                              ad->data, ad->len, NULL, blob + 5, key);
  sodium_memzero (padded, bucket);
  g_free (padded);
  return g_bytes_new_take (blob, WB_BLOB_HEADER + clen);
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                       _("This record is damaged or was altered; it cannot be read."));
}

typedef struct
{
  gsize  len;
  guint8 data[];
} Plain;

static void
plain_free (gpointer data)
{
  Plain *plain = data;

  sodium_memzero (plain->data, plain->len);
  g_free (plain);
}

GBytes *
wb_vault_unseal (WbVault      *vault,
                 const guint8 *key,
                 guint32       key_id,
                 const char   *table,
                 const char   *kind,
                 const guint8 *id,
                 gsize         id_len,
                 const guint8 *blob,
                 gsize         blob_len,
                 GError      **error)
{
  guint32 kid;
  Plain *plain;
  unsigned long long plen = 0;
  size_t unpadded = 0;
  g_autoptr(GByteArray) ad = NULL;

  if (blob == NULL || blob_len < WB_BLOB_HEADER + ABYTES + 1 || blob[0] != WB_BLOB_VERSION)
    {
      set_damaged (error);
      return NULL;
    }
  memcpy (&kid, blob + 1, 4);
  if (GUINT32_FROM_LE (kid) != key_id)
    {
      set_damaged (error);
      return NULL;
    }
  ad = build_ad (table, kind, id, id_len, key_id, blob[0], vault->vault_id);
  /* Ordinary heap rather than sodium_malloc: a guarded mapping per record
   * cost two thirds of the time to open all records at unlock. The bytes
   * are wiped when the GBytes is freed instead. */
  plain = g_malloc (sizeof (Plain) + blob_len);
  plain->len = blob_len;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain->data, &plen, NULL,
                                                  blob + WB_BLOB_HEADER, blob_len - WB_BLOB_HEADER,
                                                  ad->data, ad->len, blob + 5, key) != 0 ||
      sodium_unpad (&unpadded, plain->data, plen, plen) != 0)
    {
      plain_free (plain);
      set_damaged (error);
      return NULL;
    }
  return g_bytes_new_with_free_func (plain->data, unpadded, plain_free, plain);
}

gboolean
wb_vault_require_unlocked (WbVault  *vault,
                           GError  **error)
{
  if (vault->keys == NULL)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_LOCKED,
                           _("The vault is locked."));
      return FALSE;
    }
  return TRUE;
}

/* Prepared statements */

static const char * const stmt_sql[WB_N_STMTS] = {
  [WB_STMT_RECORD_KIND] = "SELECT kind FROM records WHERE id = ?",
  [WB_STMT_RECORD_PUT] =
    "INSERT INTO records (id, kind, key_id, version, blob) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET key_id = ?3, version = ?4, blob = ?5",
  [WB_STMT_FOLLOWUP_PUT] =
    "INSERT INTO followups (id, due, state) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (id) DO UPDATE SET due = ?2, state = ?3",
  [WB_STMT_AUDIT_INSERT] = "INSERT INTO audit (seq, key_id, blob, mac) VALUES (?1, ?2, ?3, ?4)",
  [WB_STMT_META_GET] = "SELECT value FROM meta WHERE key = ?",
  [WB_STMT_META_SET] = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
};

/* Returns the statement, prepared on first use; hand it back with
 * wb_vault_stmt_done(). NULL if it cannot be prepared (binding and
 * stepping NULL then fail with SQLITE_MISUSE, reported as usual). */
sqlite3_stmt *
wb_vault_stmt (WbVault     *vault,
               WbVaultStmt  which)
{
  if (vault->stmts[which] == NULL)
    sqlite3_prepare_v3 (vault->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                        &vault->stmts[which], NULL);
  return vault->stmts[which];
}

/* Resets it and drops the bindings, so it holds no pointer to a freed
 * buffer and no read lock. */
void
wb_vault_stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
wb_vault_finalize_stmts (WbVault *vault)
{
  for (guint i = 0; i < WB_N_STMTS; i++)
    g_clear_pointer (&vault->stmts[i], sqlite3_finalize);
}

/* Transactions */

gboolean
wb_vault_begin (WbVault  *vault,
                GError  **error)
{
  g_return_val_if_fail (vault != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  if (vault->in_txn)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("A transaction is already open."));
      return FALSE;
    }
  if (!wb_db_exec (vault->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  vault->in_txn = TRUE;
  return TRUE;
}

gboolean
wb_vault_commit (WbVault  *vault,
                 GError  **error)
{
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (vault != NULL && vault->in_txn, FALSE);

  if (!wb_vault_audit_flush (vault, error) || !wb_db_exec (vault->db, "COMMIT", error))
    {
      wb_vault_rollback (vault);
      return FALSE;
    }
  vault->in_txn = FALSE;
  wb_vault_audit_forget_head (vault);
  wb_db_fix_modes (vault->path);
  pending = g_steal_pointer (&vault->pending);
  vault->pending = wb_vault_pending_new ();
  if (vault->changed_func != NULL)
    for (guint i = 0; i < pending->len; i++)
      {
        Pending *p = &g_array_index (pending, Pending, i);
        vault->changed_func (p->kind, &p->id, vault->changed_data);
      }
  return TRUE;
}

void
wb_vault_rollback (WbVault *vault)
{
  g_return_if_fail (vault != NULL);

  if (vault->in_txn)
    sqlite3_exec (vault->db, "ROLLBACK", NULL, NULL, NULL);
  vault->in_txn = FALSE;
  wb_vault_audit_forget_head (vault);
  g_array_set_size (vault->pending, 0);
}

gboolean
wb_vault_auto_begin (WbVault   *vault,
                     gboolean  *out_began,
                     GError   **error)
{
  *out_began = FALSE;
  if (vault->in_txn)
    return TRUE;
  if (!wb_vault_begin (vault, error))
    return FALSE;
  *out_began = TRUE;
  return TRUE;
}

gboolean
wb_vault_auto_end (WbVault   *vault,
                   gboolean   began,
                   gboolean   ok,
                   GError   **error)
{
  if (!began)
    return ok;
  if (!ok)
    {
      wb_vault_rollback (vault);
      return FALSE;
    }
  return wb_vault_commit (vault, error);
}

/* Records */

static gboolean
kind_is_valid (const char *kind,
               GError    **error)
{
  if (kind == NULL || kind[0] == '\0' || !g_utf8_validate (kind, -1, NULL))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("A record needs a kind."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
row_exists (WbVault          *vault,
            const WbRecordId *id,
            char            **out_kind)
{
  sqlite3_stmt *stmt = wb_vault_stmt (vault, WB_STMT_RECORD_KIND);
  gboolean found;

  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found && out_kind)
    *out_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  wb_vault_stmt_done (stmt);
  return found;
}

gboolean
wb_vault_put_raw (WbVault          *vault,
                  const char       *kind,
                  const WbRecordId *id,
                  GBytes           *plaintext,
                  gboolean          audit,
                  GError          **error)
{
  g_autoptr(GBytes) blob = NULL;
  g_autofree char *old_kind = NULL;
  sqlite3_stmt *stmt;
  gboolean began, ok, exists;
  Pending p;

  if (!wb_vault_auto_begin (vault, &began, error))
    return FALSE;

  exists = row_exists (vault, id, &old_kind);
  if (exists && g_strcmp0 (old_kind, kind) != 0)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_EXISTS,
                           _("A record with this id but another kind exists."));
      return wb_vault_auto_end (vault, began, FALSE, NULL);
    }

  blob = wb_vault_seal (vault, vault->keys->record, vault->key_id, "records", kind,
                        id->bytes, WB_RECORD_ID_LEN, plaintext);
  stmt = wb_vault_stmt (vault, WB_STMT_RECORD_PUT);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, vault->key_id);
  sqlite3_bind_int (stmt, 4, WB_BLOB_VERSION);
  sqlite3_bind_blob (stmt, 5, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    wb_db_set_error (error, vault->db, _("saving a record"));
  wb_vault_stmt_done (stmt);

  if (ok && audit)
    ok = wb_vault_audit_append (vault, exists ? "change" : "create", kind, id, NULL, error);

  if (ok)
    {
      p.kind = g_strdup (kind);
      p.id = *id;
      g_array_append_val (vault->pending, p);
    }
  return wb_vault_auto_end (vault, began, ok, error);
}

gboolean
wb_vault_put (WbVault          *vault,
              const char       *kind,
              const WbRecordId *id,
              GBytes           *plaintext,
              GError          **error)
{
  g_return_val_if_fail (vault != NULL && id != NULL && plaintext != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error) || !kind_is_valid (kind, error))
    return FALSE;
  if (g_str_has_prefix (kind, "wb."))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("This kind of record is reserved for the vault itself."));
      return FALSE;
    }
  return wb_vault_put_raw (vault, kind, id, plaintext, TRUE, error);
}

GBytes *
wb_vault_get_raw (WbVault          *vault,
                  const WbRecordId *id,
                  char            **out_kind,
                  GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *result = NULL;
  int rc;

  sqlite3_prepare_v2 (vault->db, "SELECT kind, key_id, version, blob FROM records WHERE id = ?",
                      -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const guint8 *blob = sqlite3_column_blob (stmt, 3);
      gsize len = sqlite3_column_bytes (stmt, 3);

      if (sqlite3_column_int64 (stmt, 1) != vault->key_id ||
          sqlite3_column_int (stmt, 2) != WB_BLOB_VERSION)
        set_damaged (error);
      else
        result = wb_vault_unseal (vault, vault->keys->record, vault->key_id, "records",
                                  kind ? kind : "", id->bytes, WB_RECORD_ID_LEN, blob, len, error);
      if (result && out_kind)
        *out_kind = g_strdup (kind);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                         _("The record does not exist."));
  else
    wb_db_set_error (error, vault->db, _("reading a record"));
  sqlite3_finalize (stmt);
  return result;
}

GBytes *
wb_vault_get (WbVault          *vault,
              const WbRecordId *id,
              char            **out_kind,
              GError          **error)
{
  g_return_val_if_fail (vault != NULL && id != NULL, NULL);

  if (!wb_vault_require_unlocked (vault, error))
    return NULL;
  return wb_vault_get_raw (vault, id, out_kind, error);
}

gboolean
wb_vault_delete (WbVault          *vault,
                 const WbRecordId *id,
                 GError          **error)
{
  g_autofree char *kind = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean began, ok;
  Pending p;

  g_return_val_if_fail (vault != NULL && id != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error) || !wb_vault_auto_begin (vault, &began, error))
    return FALSE;
  if (!row_exists (vault, id, &kind) || g_str_has_prefix (kind, "wb."))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                           _("The record does not exist."));
      return wb_vault_auto_end (vault, began, FALSE, NULL);
    }
  sqlite3_prepare_v2 (vault->db, "DELETE FROM records WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    wb_db_set_error (error, vault->db, _("deleting a record"));
  if (ok)
    ok = wb_vault_audit_append (vault, "delete", kind, id, NULL, error);
  if (ok)
    {
      p.kind = g_steal_pointer (&kind);
      p.id = *id;
      g_array_append_val (vault->pending, p);
    }
  return wb_vault_auto_end (vault, began, ok, error);
}

static GArray *
select_ids (WbVault    *vault,
            const char *kind,
            GError    **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (WbRecordId));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (kind != NULL)
    {
      sqlite3_prepare_v2 (vault->db, "SELECT id FROM records WHERE kind = ? ORDER BY rowid", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
    }
  else
    sqlite3_prepare_v2 (vault->db, "SELECT id FROM records ORDER BY rowid", -1, &stmt, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WbRecordId id = { { 0 } };

      if (sqlite3_column_bytes (stmt, 0) == WB_RECORD_ID_LEN)
        memcpy (id.bytes, sqlite3_column_blob (stmt, 0), WB_RECORD_ID_LEN);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      wb_db_set_error (error, vault->db, _("listing records"));
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

GArray *
wb_vault_list_ids_all (WbVault *vault,
                       GError **error)
{
  return select_ids (vault, NULL, error);
}

GArray *
wb_vault_list_ids (WbVault    *vault,
                   const char *kind,
                   GError    **error)
{
  g_return_val_if_fail (vault != NULL, NULL);

  if (!wb_vault_require_unlocked (vault, error) || !kind_is_valid (kind, error))
    return NULL;
  return select_ids (vault, kind, error);
}

/* One statement for the whole kind: at unlock the index opens every
 * record, and a lookup per record doubled that time. */
gboolean
wb_vault_foreach (WbVault           *vault,
                  const char        *kind,
                  WbVaultForeachFunc func,
                  gpointer           user_data,
                  GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (vault != NULL && func != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error) || !kind_is_valid (kind, error))
    return FALSE;
  sqlite3_prepare_v2 (vault->db,
                      "SELECT id, key_id, version, blob FROM records WHERE kind = ? ORDER BY rowid",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) damage = NULL;
      g_autoptr(GBytes) plain = NULL;
      WbRecordId id = { { 0 } };
      gboolean go_on;

      if (sqlite3_column_bytes (stmt, 0) == WB_RECORD_ID_LEN)
        memcpy (id.bytes, sqlite3_column_blob (stmt, 0), WB_RECORD_ID_LEN);
      if (sqlite3_column_int64 (stmt, 1) != vault->key_id ||
          sqlite3_column_int (stmt, 2) != WB_BLOB_VERSION)
        set_damaged (&damage);
      else
        {
          const guint8 *blob = sqlite3_column_blob (stmt, 3);
          gsize len = sqlite3_column_bytes (stmt, 3);

          plain = wb_vault_unseal (vault, vault->keys->record, vault->key_id, "records", kind,
                                   id.bytes, WB_RECORD_ID_LEN, blob, len, &damage);
        }
      go_on = func (&id, plain, damage, user_data);
      if (!go_on)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      wb_db_set_error (error, vault->db, _("listing records"));
      return FALSE;
    }
  return TRUE;
}

/* Rotation: every record re-sealed under the new key, inside the caller's
 * transaction, so a crash leaves either all old or all new. */
gboolean
wb_vault_reencrypt_records (WbVault      *vault,
                            const WbKeys *new_keys,
                            guint32       new_key_id,
                            GError      **error)
{
  g_autoptr(GArray) ids = select_ids (vault, NULL, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      const WbRecordId *id = &g_array_index (ids, WbRecordId, i);
      g_autofree char *kind = NULL;
      g_autoptr(GBytes) plain = wb_vault_get_raw (vault, id, &kind, error);
      g_autoptr(GBytes) blob = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean ok;

      if (plain == NULL)
        return FALSE;
      blob = wb_vault_seal (vault, new_keys->record, new_key_id, "records", kind,
                            id->bytes, WB_RECORD_ID_LEN, plain);
      sqlite3_prepare_v2 (vault->db, "UPDATE records SET key_id = ?, blob = ? WHERE id = ?", -1, &stmt, NULL);
      sqlite3_bind_int64 (stmt, 1, new_key_id);
      sqlite3_bind_blob (stmt, 2, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 3, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_finalize (stmt);
      if (!ok)
        {
          wb_db_set_error (error, vault->db, _("re-encrypting records"));
          return FALSE;
        }
      if (vault->rotation_hook)
        vault->rotation_hook (i + 1, vault->rotation_hook_data);
    }
  return TRUE;
}

/* Follow-up schedule: plaintext due moment and state only, so reminders
 * can fire while the vault is locked without saying about whom. */
gboolean
wb_vault_set_followup (WbVault          *vault,
                       const WbRecordId *id,
                       gint64            due,
                       int               state,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (vault != NULL && id != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  stmt = wb_vault_stmt (vault, WB_STMT_FOLLOWUP_PUT);
  sqlite3_bind_blob (stmt, 1, id->bytes, WB_RECORD_ID_LEN, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, due);
  sqlite3_bind_int (stmt, 3, state);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    wb_db_set_error (error, vault->db, _("saving a follow-up"));
  wb_vault_stmt_done (stmt);
  return ok;
}

GArray *
wb_vault_list_due (WbVault  *vault,
                   gint64    before,
                   GError  **error)
{
  GArray *due = g_array_new (FALSE, TRUE, sizeof (WbVaultDue));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (vault != NULL, NULL);

  sqlite3_prepare_v2 (vault->db, "SELECT id, due, state FROM followups WHERE due < ? ORDER BY due",
                      -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WbVaultDue d = { { { 0 } }, 0, 0 };

      if (sqlite3_column_bytes (stmt, 0) == WB_RECORD_ID_LEN)
        memcpy (d.id.bytes, sqlite3_column_blob (stmt, 0), WB_RECORD_ID_LEN);
      d.due = sqlite3_column_int64 (stmt, 1);
      d.state = sqlite3_column_int (stmt, 2);
      g_array_append_val (due, d);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      wb_db_set_error (error, vault->db, _("listing follow-ups"));
      g_array_unref (due);
      return NULL;
    }
  return due;
}
