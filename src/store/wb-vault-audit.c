/* wb-vault-audit.c: the sealed, hash-chained audit log.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-db.h"
#include "wb-vault-private.h"

#define MAC_LEN 32
#define ENTRY_TYPE "(ayayssayxs)"
#define ENTRY_BUILD "(@ay@ayss@ayxs)"

typedef struct
{
  gint64 seq;
  guint8 mac[MAC_LEN];
} Head;

static void
chain_mac (const guint8 *key,
           const guint8 *prev,
           gint64        seq,
           guint32       key_id,
           const guint8 *blob,
           gsize         blob_len,
           guint8       *out)
{
  crypto_generichash_state st;
  guint64 s = GUINT64_TO_LE ((guint64) seq);
  guint32 k = GUINT32_TO_LE (key_id);

  crypto_generichash_init (&st, key, 32, MAC_LEN);
  crypto_generichash_update (&st, prev, MAC_LEN);
  crypto_generichash_update (&st, (const guint8 *) &s, 8);
  crypto_generichash_update (&st, (const guint8 *) &k, 4);
  crypto_generichash_update (&st, blob, blob_len);
  crypto_generichash_final (&st, out, MAC_LEN);
}

/* The head is tagged on its own: without it, dropping the newest entry
 * and pointing the head at the one before would go unnoticed. */
static void
head_tag (const guint8 *key,
          const Head   *head,
          guint8       *out)
{
  static const guint8 zero[MAC_LEN] = { 0 };
  chain_mac (key, zero, head->seq, 0, head->mac, MAC_LEN, out);
}

static void
cache_head (WbVault    *vault,
            const Head *head,
            gboolean    dirty)
{
  vault->audit_head_valid = TRUE;
  vault->audit_head_dirty = dirty;
  vault->audit_head_seq = head->seq;
  memcpy (vault->audit_head_mac, head->mac, MAC_LEN);
}

/* Inside a transaction the head is read (and checked) once, then kept. */
static gboolean
read_head (WbVault      *vault,
           const guint8 *mac_key,
           Head         *head,
           GError      **error)
{
  g_autoptr(GBytes) value = NULL;
  const guint8 *d;
  guint64 seq;
  guint8 tag[MAC_LEN];

  memset (head, 0, sizeof *head);
  if (vault->in_txn && vault->audit_head_valid)
    {
      head->seq = vault->audit_head_seq;
      memcpy (head->mac, vault->audit_head_mac, MAC_LEN);
      return TRUE;
    }
  value = wb_vault_meta_get_blob (vault, "audit_head");
  if (value == NULL)
    {
      if (vault->in_txn)
        cache_head (vault, head, FALSE);
      return TRUE;
    }
  d = g_bytes_get_data (value, NULL);
  if (g_bytes_get_size (value) != 8 + 2 * MAC_LEN)
    goto damaged;
  memcpy (&seq, d, 8);
  head->seq = (gint64) GUINT64_FROM_LE (seq);
  memcpy (head->mac, d + 8, MAC_LEN);
  head_tag (mac_key, head, tag);
  if (sodium_memcmp (tag, d + 8 + MAC_LEN, MAC_LEN) != 0)
    goto damaged;
  if (vault->in_txn)
    cache_head (vault, head, FALSE);
  return TRUE;

damaged:
  g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                       _("The end of the audit log was altered."));
  return FALSE;
}

static gboolean
write_head (WbVault      *vault,
            const guint8 *mac_key,
            const Head   *head,
            GError      **error)
{
  guint8 buf[8 + 2 * MAC_LEN];
  guint64 seq = GUINT64_TO_LE ((guint64) head->seq);

  memcpy (buf, &seq, 8);
  memcpy (buf + 8, head->mac, MAC_LEN);
  head_tag (mac_key, head, buf + 8 + MAC_LEN);
  return wb_vault_meta_set_blob (vault, "audit_head", buf, sizeof buf, error);
}

static gboolean
insert_entry (WbVault      *vault,
              const WbKeys *keys,
              guint32       key_id,
              gint64        seq,
              GVariant     *entry,
              guint8       *prev_inout,
              gboolean      replace,
              GError      **error)
{
  g_autoptr(GBytes) plain = g_variant_get_data_as_bytes (entry);
  guint64 s = GUINT64_TO_LE ((guint64) seq);
  g_autoptr(GBytes) blob = wb_vault_seal (vault, keys->audit, key_id, "audit", "",
                                          (const guint8 *) &s, 8, plain);
  guint8 mac[MAC_LEN];
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  chain_mac (keys->audit_mac, prev_inout, seq, key_id,
             g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), mac);
  if (replace)
    sqlite3_prepare_v2 (vault->db, "UPDATE audit SET key_id = ?2, blob = ?3, mac = ?4 WHERE seq = ?1",
                        -1, &stmt, NULL);
  else
    stmt = wb_vault_stmt (vault, WB_STMT_AUDIT_INSERT);
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, key_id);
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, mac, MAC_LEN, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    wb_db_set_error (error, vault->db, _("writing the audit log"));
  if (replace)
    sqlite3_finalize (stmt);
  else
    wb_vault_stmt_done (stmt);
  if (!ok)
    return FALSE;
  memcpy (prev_inout, mac, MAC_LEN);
  return TRUE;
}

gboolean
wb_vault_audit_append (WbVault          *vault,
                       const char       *action,
                       const char       *kind,
                       const WbRecordId *id,
                       const char       *detail,
                       GError          **error)
{
  static const guint8 recovery_actor[WB_RECORD_ID_LEN] = { 0 };
  const guint8 *actor = vault->actor ? vault->actor->id.bytes : recovery_actor;
  Head head;
  GVariant *entry;

  g_assert (vault->in_txn);

  if (!read_head (vault, vault->keys->audit_mac, &head, error))
    return FALSE;
  entry = g_variant_new (ENTRY_BUILD,
                         g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, head.mac, MAC_LEN, 1),
                         g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, actor, WB_RECORD_ID_LEN, 1),
                         action, kind ? kind : "",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, id ? id->bytes : NULL,
                                                    id ? WB_RECORD_ID_LEN : 0, 1),
                         g_get_real_time () / G_USEC_PER_SEC,
                         detail ? detail : "");
  g_variant_ref_sink (entry);
  head.seq++;
  if (!insert_entry (vault, vault->keys, vault->key_id, head.seq, entry, head.mac, FALSE, error))
    {
      g_variant_unref (entry);
      return FALSE;
    }
  g_variant_unref (entry);
  /* Written by wb_vault_audit_flush() before the COMMIT. */
  cache_head (vault, &head, TRUE);
  return TRUE;
}

/* Writes the head kept since the last entry, in the same transaction. */
gboolean
wb_vault_audit_flush (WbVault  *vault,
                      GError  **error)
{
  Head head;

  if (!vault->audit_head_valid || !vault->audit_head_dirty)
    return TRUE;
  head.seq = vault->audit_head_seq;
  memcpy (head.mac, vault->audit_head_mac, MAC_LEN);
  if (!write_head (vault, vault->keys->audit_mac, &head, error))
    return FALSE;
  vault->audit_head_dirty = FALSE;
  return TRUE;
}

/* After COMMIT or ROLLBACK: another connection may write next. */
void
wb_vault_audit_forget_head (WbVault *vault)
{
  vault->audit_head_valid = FALSE;
  vault->audit_head_dirty = FALSE;
  sodium_memzero (vault->audit_head_mac, MAC_LEN);
}

gboolean
wb_vault_audit (WbVault          *vault,
                const char       *action,
                const char       *kind,
                const WbRecordId *id,
                const char       *detail,
                GError          **error)
{
  gboolean began, ok;

  g_return_val_if_fail (vault != NULL && action != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error) || !wb_vault_auto_begin (vault, &began, error))
    return FALSE;
  ok = wb_vault_audit_append (vault, action, kind, id, detail, error);
  return wb_vault_auto_end (vault, began, ok, error);
}

static void
entry_damaged (GError **error,
               gint64   seq)
{
  /* Translators: %d is the number of an audit log entry. */
  g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
               _("The audit log was altered at entry %d."), (int) seq);
}

typedef gboolean (*EntryFunc) (gint64 seq, GVariant *entry, gpointer data, GError **error);

/* Walks the chain with the current keys; every link, the sealed copy of
 * the previous MAC and the tagged head must agree. */
static gboolean
walk (WbVault   *vault,
      guint     *out_n,
      EntryFunc  func,
      gpointer   data,
      GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  guint8 prev[MAC_LEN] = { 0 };
  gint64 expect = 1;
  Head head;
  int rc;
  gboolean ok = TRUE;

  if (!read_head (vault, vault->keys->audit_mac, &head, error))
    return FALSE;

  sqlite3_prepare_v2 (vault->db, "SELECT seq, key_id, blob, mac FROM audit ORDER BY seq", -1, &stmt, NULL);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const guint8 *blob = sqlite3_column_blob (stmt, 2);
      gsize blob_len = sqlite3_column_bytes (stmt, 2);
      guint8 mac[MAC_LEN];
      guint64 s = GUINT64_TO_LE ((guint64) seq);
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GVariant) entry = NULL;
      g_autoptr(GVariant) prev_v = NULL;

      if (seq != expect || sqlite3_column_int64 (stmt, 1) != vault->key_id ||
          sqlite3_column_bytes (stmt, 3) != MAC_LEN)
        {
          entry_damaged (error, expect);
          ok = FALSE;
          break;
        }
      chain_mac (vault->keys->audit_mac, prev, seq, vault->key_id, blob, blob_len, mac);
      plain = wb_vault_unseal (vault, vault->keys->audit, vault->key_id, "audit", "",
                               (const guint8 *) &s, 8, blob, blob_len, NULL);
      if (plain != NULL)
        entry = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENTRY_TYPE), plain, FALSE));
      if (entry != NULL && g_variant_is_normal_form (entry))
        prev_v = g_variant_get_child_value (entry, 0);
      if (sodium_memcmp (mac, sqlite3_column_blob (stmt, 3), MAC_LEN) != 0 || prev_v == NULL ||
          g_variant_get_size (prev_v) != MAC_LEN ||
          sodium_memcmp (g_variant_get_data (prev_v), prev, MAC_LEN) != 0)
        {
          entry_damaged (error, seq);
          ok = FALSE;
          break;
        }
      if (func && !func (seq, entry, data, error))
        {
          ok = FALSE;
          break;
        }
      memcpy (prev, mac, MAC_LEN);
      expect++;
    }
  sqlite3_finalize (stmt);
  if (ok && (head.seq != expect - 1 || sodium_memcmp (head.mac, prev, MAC_LEN) != 0))
    {
      entry_damaged (error, expect);
      ok = FALSE;
    }
  if (ok && out_n)
    *out_n = (guint) (expect - 1);
  return ok;
}

gboolean
wb_vault_verify_audit (WbVault  *vault,
                       guint    *out_n_entries,
                       GError  **error)
{
  g_return_val_if_fail (vault != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  return walk (vault, out_n_entries, NULL, NULL, error);
}

typedef struct
{
  WbVault      *vault;
  const WbKeys *keys;
  guint32       key_id;
  guint8        prev[MAC_LEN];
} Rekey;

static gboolean
rekey_entry_cb (gint64    seq,
                GVariant *entry,
                gpointer  data,
                GError  **error)
{
  Rekey *r = data;
  g_autoptr(GVariant) actor = g_variant_get_child_value (entry, 1);
  g_autoptr(GVariant) id = g_variant_get_child_value (entry, 4);
  g_autofree char *action = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *detail = NULL;
  gint64 time;
  g_autoptr(GVariant) fresh = NULL;

  g_variant_get_child (entry, 2, "s", &action);
  g_variant_get_child (entry, 3, "s", &kind);
  g_variant_get_child (entry, 5, "x", &time);
  g_variant_get_child (entry, 6, "s", &detail);
  fresh = g_variant_ref_sink (g_variant_new (ENTRY_BUILD,
                                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, r->prev, MAC_LEN, 1),
                                             actor, action, kind, id, time, detail));
  return insert_entry (r->vault, r->keys, r->key_id, seq, fresh, r->prev, TRUE, error);
}

/* Re-seals every entry and rebuilds the chain under the new key. The old
 * chain is verified while walking, so tampering is never laundered. The
 * walk reads rows in seq order while this updates them in place, which
 * SQLite allows for an UPDATE that leaves the ORDER BY key alone. */
gboolean
wb_vault_audit_rekey (WbVault      *vault,
                      const WbKeys *new_keys,
                      guint32       new_key_id,
                      GError      **error)
{
  Rekey r = { vault, new_keys, new_key_id, { 0 } };
  Head head = { 0, { 0 } };
  guint n = 0;

  if (!walk (vault, &n, rekey_entry_cb, &r, error))
    return FALSE;
  head.seq = n;
  memcpy (head.mac, r.prev, MAC_LEN);
  if (!write_head (vault, new_keys->audit_mac, &head, error))
    return FALSE;
  /* The chain now ends in the new key's head, which is written. */
  wb_vault_audit_forget_head (vault);
  return TRUE;
}
