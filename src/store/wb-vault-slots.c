/* wb-vault-slots.c: key slots, unlocking and the data key rotation.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slot holds an X25519 key pair. Its secret half is sealed with
 * XChaCha20-Poly1305 under a key derived from the passphrase (Argon2id,
 * slot parameters in the associated data); the data key is sealed to its
 * public half. That lets a rotation give the new data key to every other
 * slot without knowing their passphrases, while the removed account, who
 * knew the old data key, learns nothing about the new one. Each slot row
 * is MACed with a data-key subkey so a swapped public key is noticed
 * before a new data key is sealed to it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-db.h"
#include "wb-passphrase.h"
#include "wb-vault-slots.h"

#define AEAD_ABYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define AEAD_NPUB crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define WRAP_PLAIN (32 + 4 + 16 + 16)
#define WRAP_LEN (WRAP_PLAIN + crypto_box_SEALBYTES)

typedef struct
{
  guint8   id[16];
  int      kind;
  gboolean has_account;
  guint8   account_id[16];
  int      hint;
  guint8   salt[WB_KDF_SALT_LEN];
  guint64  ops;
  gsize    mem;
  guint8   nonce[AEAD_NPUB];
  guint8   sealed_sk[32 + AEAD_ABYTES];
  guint8   pk[32];
  guint8   wrapped[WRAP_LEN];
  guint8   mac[32];
  gboolean malformed;
} Slot;

/* Helpers */

static gboolean
copy_col (sqlite3_stmt *stmt,
          int           col,
          void         *dst,
          gsize         len)
{
  if ((gsize) sqlite3_column_bytes (stmt, col) != len)
    return FALSE;
  memcpy (dst, sqlite3_column_blob (stmt, col), len);
  return TRUE;
}

static GPtrArray *
load_slots (WbVault *vault,
            int      kind)
{
  GPtrArray *slots = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (vault->db,
                      "SELECT id, kind, account_id, hint, salt, opslimit, memlimit, nonce,"
                      " sealed_sk, pk, wrapped_key, mac FROM slots"
                      " WHERE ?1 < 0 OR kind = ?1 ORDER BY rowid", -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, kind);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Slot *s = g_new0 (Slot, 1);
      gboolean ok;

      s->kind = sqlite3_column_int (stmt, 1);
      s->has_account = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      s->hint = sqlite3_column_int (stmt, 3);
      s->ops = (guint64) sqlite3_column_int64 (stmt, 5);
      s->mem = (gsize) sqlite3_column_int64 (stmt, 6);
      ok = copy_col (stmt, 0, s->id, 16) &&
           (!s->has_account || copy_col (stmt, 2, s->account_id, 16)) &&
           copy_col (stmt, 4, s->salt, sizeof s->salt) &&
           copy_col (stmt, 7, s->nonce, sizeof s->nonce) &&
           copy_col (stmt, 8, s->sealed_sk, sizeof s->sealed_sk) &&
           copy_col (stmt, 9, s->pk, sizeof s->pk) &&
           copy_col (stmt, 10, s->wrapped, sizeof s->wrapped) &&
           copy_col (stmt, 11, s->mac, sizeof s->mac);
      s->malformed = !ok;
      g_ptr_array_add (slots, s);
    }
  sqlite3_finalize (stmt);
  return slots;
}

guint
wb_vault_count_slots (WbVault *vault,
                      int      kind)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (vault->db, "SELECT count(*) FROM slots WHERE ?1 < 0 OR kind = ?1", -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, kind);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static GByteArray *
slot_ad_for (const guint8 *vault_id,
             const Slot   *s)
{
  GByteArray *ad = g_byte_array_new ();
  static const guint8 zero[16] = { 0 };
  guint8 kind = (guint8) s->kind, hint = (guint8) s->hint;
  guint64 ops = GUINT64_TO_LE (s->ops), mem = GUINT64_TO_LE ((guint64) s->mem);

  g_byte_array_append (ad, (const guint8 *) "wb-slot-v1", 11);
  g_byte_array_append (ad, vault_id, 16);
  g_byte_array_append (ad, s->id, 16);
  g_byte_array_append (ad, &kind, 1);
  g_byte_array_append (ad, s->has_account ? s->account_id : zero, 16);
  g_byte_array_append (ad, &hint, 1);
  g_byte_array_append (ad, s->salt, sizeof s->salt);
  g_byte_array_append (ad, (const guint8 *) &ops, 8);
  g_byte_array_append (ad, (const guint8 *) &mem, 8);
  g_byte_array_append (ad, s->pk, 32);
  return ad;
}

static GByteArray *
slot_ad (WbVault    *vault,
         const Slot *s)
{
  return slot_ad_for (vault->vault_id, s);
}

static void
slot_mac (WbVault      *vault,
          const guint8 *mac_key,
          const Slot   *s,
          guint8       *out)
{
  g_autoptr(GByteArray) ad = slot_ad (vault, s);
  crypto_generichash_state st;

  crypto_generichash_init (&st, mac_key, 32, 32);
  crypto_generichash_update (&st, ad->data, ad->len);
  crypto_generichash_update (&st, s->nonce, sizeof s->nonce);
  crypto_generichash_update (&st, s->sealed_sk, sizeof s->sealed_sk);
  crypto_generichash_update (&st, s->wrapped, sizeof s->wrapped);
  crypto_generichash_final (&st, out, 32);
}

static void
wrap_key (WbVault      *vault,
          const WbKeys *keys,
          guint32       key_id,
          Slot         *s)
{
  guint8 *plain = sodium_malloc (WRAP_PLAIN);
  guint32 kid = GUINT32_TO_LE (key_id);

  memcpy (plain, keys->data, 32);
  memcpy (plain + 32, &kid, 4);
  memcpy (plain + 36, vault->vault_id, 16);
  memcpy (plain + 52, s->id, 16);
  crypto_box_seal (s->wrapped, plain, WRAP_PLAIN, s->pk);
  sodium_free (plain);
  slot_mac (vault, keys->slot_mac, s, s->mac);
}

static gboolean
write_slot (WbVault    *vault,
            const Slot *s,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  sqlite3_prepare_v2 (vault->db,
                      "INSERT OR REPLACE INTO slots (id, kind, account_id, hint, salt, opslimit,"
                      " memlimit, nonce, sealed_sk, pk, wrapped_key, mac)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, s->id, 16, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, s->kind);
  if (s->has_account)
    sqlite3_bind_blob (stmt, 3, s->account_id, 16, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, s->hint);
  sqlite3_bind_blob (stmt, 5, s->salt, sizeof s->salt, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) s->ops);
  sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) s->mem);
  sqlite3_bind_blob (stmt, 8, s->nonce, sizeof s->nonce, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 9, s->sealed_sk, sizeof s->sealed_sk, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 10, s->pk, sizeof s->pk, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 11, s->wrapped, sizeof s->wrapped, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 12, s->mac, sizeof s->mac, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    wb_db_set_error (error, vault->db, _("saving a key slot"));
  return ok;
}

static char *
normalize_name (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (nfkc, -1);
  return g_strdup (g_strstrip (folded));
}

/* Four bits of a keyed hash of the login name: enough to skip most slots
 * at unlock (one Argon2id run per slot tried), far too few to confirm
 * that a given person has an account. */
static int
name_hint (WbVault    *vault,
           const char *normalized)
{
  guint8 h[16];

  crypto_generichash (h, sizeof h, (const guint8 *) normalized, strlen (normalized),
                      vault->vault_id, 16);
  return h[0] & 0x0f;
}

/* Core owns the rule (length in characters, valid UTF-8); the store only
 * moves the error into its own domain so callers check one domain. */
static gboolean
check_passphrase (const char *passphrase,
                  GError    **error)
{
  g_autoptr(GError) local = NULL;

  if (wb_passphrase_check (passphrase, &local))
    return TRUE;
  g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_WEAK_PASSPHRASE, local->message);
  return FALSE;
}

static const WbKdfCost *
resolve_cost (const WbKdfCost *cost,
              GError         **error)
{
  if (cost == NULL)
    return wb_kdf_cost_calibrated ();
  if (!cost->test && wb_kdf_cost_is_too_low (cost->opslimit, cost->memlimit))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_COST_TOO_LOW,
                           _("The key derivation cost is below the safe minimum."));
      return NULL;
    }
  return cost;
}

/* Makes a slot for `secret` holding the current data key. */
static gboolean
add_slot (WbVault         *vault,
          WbSlotKind       kind,
          const WbRecordId *account_id,
          int              hint,
          const char      *secret,
          const WbKdfCost *cost,
          GError         **error)
{
  Slot s = { { 0 } };
  g_autoptr(GByteArray) ad = NULL;
  guint8 *kek = sodium_malloc (32 + 32);
  guint8 *sk = kek + 32;
  gboolean ok;

  g_assert (kek != NULL && vault->keys != NULL);
  randombytes_buf (s.id, sizeof s.id);
  s.kind = kind;
  s.has_account = account_id != NULL;
  if (account_id)
    memcpy (s.account_id, account_id->bytes, 16);
  s.hint = hint;
  randombytes_buf (s.salt, sizeof s.salt);
  s.ops = cost->opslimit;
  s.mem = cost->memlimit;
  randombytes_buf (s.nonce, sizeof s.nonce);
  crypto_box_keypair (s.pk, sk);

  ok = wb_kdf_derive (kek, 32, secret, s.salt, s.ops, s.mem, error);
  if (ok)
    {
      ad = slot_ad (vault, &s);
      crypto_aead_xchacha20poly1305_ietf_encrypt (s.sealed_sk, NULL, sk, 32, ad->data, ad->len,
                                                  NULL, s.nonce, kek);
      wrap_key (vault, vault->keys, vault->key_id, &s);
      ok = write_slot (vault, &s, error);
    }
  sodium_free (kek);
  return ok;
}

/* Returns the data key in sodium memory when `secret` opens the slot. */
static guint8 *
try_slot (WbVault    *vault,
          const Slot *s,
          const char *secret)
{
  g_autoptr(GByteArray) ad = slot_ad (vault, s);
  guint8 *buf = sodium_malloc (32 + 32 + 32 + WRAP_PLAIN);
  guint8 *kek = buf, *sk = buf + 32, *pk = buf + 64, *plain = buf + 96;
  guint8 *data_key = NULL;
  guint32 kid;

  g_assert (buf != NULL);
  if (wb_kdf_derive (kek, 32, secret, s->salt, s->ops, s->mem, NULL) &&
      crypto_aead_xchacha20poly1305_ietf_decrypt (sk, NULL, NULL, s->sealed_sk, sizeof s->sealed_sk,
                                                  ad->data, ad->len, s->nonce, kek) == 0 &&
      crypto_scalarmult_base (pk, sk) == 0 && sodium_memcmp (pk, s->pk, 32) == 0 &&
      crypto_box_seal_open (plain, s->wrapped, sizeof s->wrapped, s->pk, sk) == 0)
    {
      memcpy (&kid, plain + 32, 4);
      if (GUINT32_FROM_LE (kid) == vault->key_id &&
          sodium_memcmp (plain + 36, vault->vault_id, 16) == 0 &&
          sodium_memcmp (plain + 52, s->id, 16) == 0)
        {
          data_key = sodium_malloc (32);
          memcpy (data_key, plain, 32);
        }
    }
  sodium_free (buf);
  return data_key;
}

static gboolean
slot_mac_ok (WbVault    *vault,
             const Slot *s)
{
  guint8 mac[32];

  if (s->malformed)
    return FALSE;
  slot_mac (vault, vault->keys->slot_mac, s, mac);
  return sodium_memcmp (mac, s->mac, 32) == 0;
}

gboolean
wb_vault_check_slots (WbVault *vault,
                      guint   *out_n,
                      guint   *out_damaged,
                      GError **error)
{
  g_autoptr(GPtrArray) slots = load_slots (vault, -1);

  *out_n = slots->len;
  *out_damaged = 0;
  for (guint i = 0; i < slots->len; i++)
    if (!slot_mac_ok (vault, g_ptr_array_index (slots, i)))
      (*out_damaged)++;
  return TRUE;
}

/* Profiles */

static GBytes *
profile_serialize (const char  *name,
                   const char  *display_name,
                   WbVaultRole  role)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new ("(sss)", name,
                                                             display_name ? display_name : name,
                                                             wb_vault_role_to_string (role)));
  return g_variant_get_data_as_bytes (v);
}

static WbVaultAccount *
profile_load (WbVault          *vault,
              const WbRecordId *id,
              GError          **error)
{
  g_autoptr(GBytes) plain = wb_vault_get_raw (vault, id, NULL, error);
  g_autoptr(GVariant) v = NULL;
  g_autoptr(WbVaultAccount) account = NULL;
  const char *role = NULL;

  if (plain == NULL)
    return NULL;
  v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(sss)"), plain, FALSE));
  account = g_new0 (WbVaultAccount, 1);
  account->id = *id;
  g_variant_get (v, "(ss&s)", &account->name, &account->display_name, &role);
  if (!g_variant_is_normal_form (v) || !wb_vault_role_from_string (role, &account->role))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                           _("An account profile is damaged."));
      return NULL;
    }
  return g_steal_pointer (&account);
}

GPtrArray *
wb_vault_list_accounts (WbVault *vault,
                        GError **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_vault_account_free);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (vault != NULL, NULL);

  if (!wb_vault_require_unlocked (vault, error))
    return NULL;
  ids = wb_vault_list_ids (vault, WB_KIND_ACCOUNT, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      WbVaultAccount *a = profile_load (vault, &g_array_index (ids, WbRecordId, i), NULL);
      if (a)
        g_ptr_array_add (accounts, a);
    }
  return g_steal_pointer (&accounts);
}

static WbVaultAccount *
find_account (WbVault    *vault,
              const char *name,
              GError    **error)
{
  g_autoptr(GPtrArray) accounts = wb_vault_list_accounts (vault, error);
  g_autofree char *norm = normalize_name (name);

  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < accounts->len; i++)
    {
      WbVaultAccount *a = g_ptr_array_index (accounts, i);
      g_autofree char *n = normalize_name (a->name);

      if (g_strcmp0 (n, norm) == 0)
        return g_ptr_array_steal_index (accounts, i);
    }
  /* Translators: %s is a login name. */
  g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
               _("There is no account “%s”."), name);
  return NULL;
}

static gboolean
require_admin (WbVault *vault,
               GError **error)
{
  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  if (vault->recovery || (vault->actor && vault->actor->role == WB_VAULT_ROLE_BEHEERDER))
    return TRUE;
  g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED,
                       _("Only an administrator (beheerder) can manage accounts."));
  return FALSE;
}

static gboolean
check_name (const char *name,
            GError    **error)
{
  g_autofree char *norm = normalize_name (name);

  if (norm == NULL || norm[0] == '\0')
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("An account needs a login name."));
      return FALSE;
    }
  return TRUE;
}

/* Creating and unlocking */

gboolean
wb_vault_create (WbVault         *vault,
                 const char      *name,
                 const char      *display_name,
                 const char      *passphrase,
                 const WbKdfCost *cost,
                 GError         **error)
{
  g_autofree char *norm = normalize_name (name);
  g_autoptr(GBytes) profile = NULL;
  WbRecordId account_id;
  gboolean ok;

  g_return_val_if_fail (vault != NULL, FALSE);

  if (wb_vault_is_initialized (vault))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_EXISTS,
                           _("This vault already exists."));
      return FALSE;
    }
  if (!check_name (name, error) || !check_passphrase (passphrase, error) ||
      !(cost = resolve_cost (cost, error)))
    return FALSE;

  wb_vault_lock (vault);
  vault->keys = wb_keys_new (NULL);
  vault->key_id = 1;
  if (!wb_vault_begin (vault, error))
    {
      wb_vault_lock (vault);
      return FALSE;
    }
  wb_record_id_generate (&account_id);
  profile = profile_serialize (name, display_name, WB_VAULT_ROLE_BEHEERDER);
  ok = wb_vault_save_meta (vault, vault->key_id, error) &&
       wb_vault_put_raw (vault, WB_KIND_ACCOUNT, &account_id, profile, FALSE, error) &&
       add_slot (vault, WB_SLOT_ACCOUNT, &account_id, name_hint (vault, norm), passphrase, cost, error);
  if (ok)
    {
      vault->actor = profile_load (vault, &account_id, error);
      ok = vault->actor != NULL &&
           wb_vault_audit_append (vault, "vault-create", WB_KIND_ACCOUNT, &account_id, NULL, error);
    }
  if (!ok || !wb_vault_commit (vault, error))
    {
      wb_vault_lock (vault);
      vault->key_id = 0;
      return FALSE;
    }
  return TRUE;
}

static gboolean
unlock_slots (WbVault    *vault,
              WbSlotKind  kind,
              const char *name,
              const char *secret,
              gboolean    allow_test_cost,
              GError    **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *norm = normalize_name (name);
  int hint = norm ? name_hint (vault, norm) : -1;
  gboolean skipped_low = FALSE;
  guint tried = 0;

  if (!wb_vault_is_initialized (vault))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_INITIALIZED,
                           _("This vault has not been set up yet."));
      return FALSE;
    }
  wb_vault_lock (vault);
  slots = load_slots (vault, kind);
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *s = g_ptr_array_index (slots, i);
      guint8 *data_key;

      if (s->malformed || (hint >= 0 && s->hint != hint))
        continue;
      if (!allow_test_cost && wb_kdf_cost_is_too_low (s->ops, s->mem))
        {
          skipped_low = TRUE;
          continue;
        }
      tried++;
      data_key = try_slot (vault, s, secret);
      if (data_key == NULL)
        continue;
      vault->keys = wb_keys_new (data_key);
      sodium_free (data_key);
      if (!slot_mac_ok (vault, s))
        {
          wb_vault_lock (vault);
          g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                               _("The key slot was altered."));
          return FALSE;
        }
      if (kind == WB_SLOT_RECOVERY)
        {
          vault->recovery = TRUE;
          return TRUE;
        }
      if (!s->has_account)
        {
          wb_vault_lock (vault);
          continue;
        }
      vault->actor = profile_load (vault, (const WbRecordId *) s->account_id, NULL);
      if (vault->actor == NULL)
        {
          /* The slot opened but its profile is damaged: let the account in
           * without rights, so the rest stays readable and check can report. */
          vault->actor = g_new0 (WbVaultAccount, 1);
          memcpy (vault->actor->id.bytes, s->account_id, 16);
          vault->actor->name = g_strdup (name ? name : "");
          vault->actor->display_name = g_strdup ("");
          vault->actor->role = WB_VAULT_ROLE_MEDEWERKER;
          return TRUE;
        }
      if (norm != NULL)
        {
          g_autofree char *have = normalize_name (vault->actor->name);
          if (g_strcmp0 (have, norm) != 0)
            {
              wb_vault_lock (vault);
              continue;
            }
        }
      return TRUE;
    }

  /* Same work for an unknown name as for a wrong passphrase. */
  if (tried == 0)
    {
      const WbKdfCost *c = allow_test_cost ? wb_kdf_cost_test () : NULL;
      guint8 salt[WB_KDF_SALT_LEN] = { 0 }, out[32];
      (void) wb_kdf_derive (out, sizeof out, secret, salt,
                            c ? c->opslimit : crypto_pwhash_OPSLIMIT_MODERATE,
                            c ? c->memlimit : crypto_pwhash_MEMLIMIT_MODERATE, NULL);
    }
  if (skipped_low && tried == 0)
    g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_COST_TOO_LOW,
                         _("The key slot is protected too weakly to be trusted."));
  else
    g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_WRONG_PASSPHRASE,
                         _("The name or passphrase is not correct."));
  return FALSE;
}

gboolean
wb_vault_unlock (WbVault    *vault,
                 const char *name,
                 const char *passphrase,
                 gboolean    allow_test_cost,
                 GError    **error)
{
  g_return_val_if_fail (vault != NULL && passphrase != NULL, FALSE);
  return unlock_slots (vault, WB_SLOT_ACCOUNT, name, passphrase, allow_test_cost, error);
}

static const char base32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static char *
normalize_recovery (const char *key)
{
  GString *s = g_string_new (NULL);

  for (const char *p = key; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (s, g_ascii_toupper (*p));
  return g_string_free (s, FALSE);
}

gboolean
wb_vault_unlock_recovery (WbVault    *vault,
                          const char *recovery_key,
                          gboolean    allow_test_cost,
                          GError    **error)
{
  g_autofree char *norm = NULL;
  gboolean ok;

  g_return_val_if_fail (vault != NULL && recovery_key != NULL, FALSE);
  norm = normalize_recovery (recovery_key);
  ok = unlock_slots (vault, WB_SLOT_RECOVERY, NULL, norm, allow_test_cost, error);
  sodium_memzero (norm, strlen (norm));
  return ok;
}

char *
wb_vault_set_recovery_key (WbVault         *vault,
                           const WbKdfCost *cost,
                           GError         **error)
{
  guint8 raw[20];
  GString *key = g_string_new (NULL);
  g_autofree char *norm = NULL;
  gboolean ok;

  g_return_val_if_fail (vault != NULL, NULL);

  if (!require_admin (vault, error) || !(cost = resolve_cost (cost, error)) ||
      !wb_vault_begin (vault, error))
    return g_string_free (key, TRUE), NULL;

  /* 160 random bits as 32 base32 characters in groups of four. */
  randombytes_buf (raw, sizeof raw);
  for (guint i = 0; i < 32; i++)
    {
      guint bit = i * 5, byte = bit / 8, shift = bit % 8;
      guint v = (raw[byte] << 8 | (byte + 1 < sizeof raw ? raw[byte + 1] : 0)) >> (11 - shift);

      if (i > 0 && i % 4 == 0)
        g_string_append_c (key, '-');
      g_string_append_c (key, base32[v & 0x1f]);
    }
  sodium_memzero (raw, sizeof raw);
  norm = normalize_recovery (key->str);

  ok = wb_db_exec (vault->db, "DELETE FROM slots WHERE kind = 2", error) &&
       add_slot (vault, WB_SLOT_RECOVERY, NULL, 0, norm, cost, error) &&
       wb_vault_audit_append (vault, "recovery-key-set", NULL, NULL, NULL, error);
  sodium_memzero (norm, strlen (norm));
  if (!ok || !wb_vault_commit (vault, error))
    {
      wb_vault_rollback (vault);
      sodium_memzero (key->str, key->len);
      return g_string_free (key, TRUE), NULL;
    }
  return g_string_free (key, FALSE);
}

/* Accounts */

static gboolean
delete_account_slots (WbVault          *vault,
                      const WbRecordId *account_id,
                      GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  sqlite3_prepare_v2 (vault->db, "DELETE FROM slots WHERE kind = 1 AND account_id = ?", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, account_id->bytes, 16, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    wb_db_set_error (error, vault->db, _("removing a key slot"));
  return ok;
}

gboolean
wb_vault_add_account (WbVault         *vault,
                      const char      *name,
                      const char      *display_name,
                      WbVaultRole      role,
                      const char      *passphrase,
                      const WbKdfCost *cost,
                      GError         **error)
{
  g_autofree char *norm = normalize_name (name);
  g_autoptr(WbVaultAccount) existing = NULL;
  g_autoptr(GBytes) profile = NULL;
  WbRecordId id;
  gboolean ok;

  g_return_val_if_fail (vault != NULL, FALSE);

  if (!require_admin (vault, error) || !check_name (name, error) ||
      !check_passphrase (passphrase, error) || !(cost = resolve_cost (cost, error)))
    return FALSE;
  existing = find_account (vault, name, NULL);
  if (existing != NULL)
    {
      /* Translators: %s is a login name. */
      g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_EXISTS,
                   _("There is already an account “%s”."), name);
      return FALSE;
    }
  if (!wb_vault_begin (vault, error))
    return FALSE;
  wb_record_id_generate (&id);
  profile = profile_serialize (name, display_name, role);
  ok = wb_vault_put_raw (vault, WB_KIND_ACCOUNT, &id, profile, FALSE, error) &&
       add_slot (vault, WB_SLOT_ACCOUNT, &id, name_hint (vault, norm), passphrase, cost, error) &&
       wb_vault_audit_append (vault, "account-add", WB_KIND_ACCOUNT, &id, NULL, error);
  return wb_vault_auto_end (vault, TRUE, ok, error);
}

static gboolean
replace_slot (WbVault              *vault,
              const WbVaultAccount *account,
              const char           *new_passphrase,
              const WbKdfCost      *cost,
              const char           *action,
              GError              **error)
{
  g_autofree char *norm = normalize_name (account->name);
  gboolean ok;

  if (!check_passphrase (new_passphrase, error) || !(cost = resolve_cost (cost, error)) ||
      !wb_vault_begin (vault, error))
    return FALSE;
  ok = delete_account_slots (vault, &account->id, error) &&
       add_slot (vault, WB_SLOT_ACCOUNT, &account->id, name_hint (vault, norm), new_passphrase, cost, error) &&
       wb_vault_audit_append (vault, action, WB_KIND_ACCOUNT, &account->id, NULL, error);
  return wb_vault_auto_end (vault, TRUE, ok, error);
}

gboolean
wb_vault_change_passphrase (WbVault         *vault,
                            const char      *new_passphrase,
                            const WbKdfCost *cost,
                            GError         **error)
{
  g_return_val_if_fail (vault != NULL, FALSE);

  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  if (vault->actor == NULL)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED,
                           _("Unlock with an account to change its passphrase."));
      return FALSE;
    }
  return replace_slot (vault, vault->actor, new_passphrase, cost, "passphrase-change", error);
}

gboolean
wb_vault_reset_passphrase (WbVault         *vault,
                           const char      *name,
                           const char      *new_passphrase,
                           const WbKdfCost *cost,
                           GError         **error)
{
  g_autoptr(WbVaultAccount) account = NULL;

  g_return_val_if_fail (vault != NULL, FALSE);

  if (!require_admin (vault, error) || !(account = find_account (vault, name, error)))
    return FALSE;
  return replace_slot (vault, account, new_passphrase, cost, "passphrase-reset", error);
}

static gboolean
rotate (WbVault *vault,
        GError **error)
{
  g_autoptr(GPtrArray) slots = load_slots (vault, -1);
  WbKeys *new_keys = wb_keys_new (NULL);
  guint32 new_key_id = vault->key_id + 1;

  for (guint i = 0; i < slots->len; i++)
    if (!slot_mac_ok (vault, g_ptr_array_index (slots, i)))
      {
        g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                             _("A key slot was altered; the key is not rotated."));
        wb_keys_free (new_keys);
        return FALSE;
      }
  if (!wb_vault_reencrypt_records (vault, new_keys, new_key_id, error) ||
      !wb_vault_audit_rekey (vault, new_keys, new_key_id, error))
    {
      wb_keys_free (new_keys);
      return FALSE;
    }
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *s = g_ptr_array_index (slots, i);

      wrap_key (vault, new_keys, new_key_id, s);
      if (!write_slot (vault, s, error))
        {
          wb_keys_free (new_keys);
          return FALSE;
        }
    }
  if (!wb_vault_save_meta (vault, new_key_id, error))
    {
      wb_keys_free (new_keys);
      return FALSE;
    }
  wb_keys_free (vault->keys);
  vault->keys = new_keys;
  vault->key_id = new_key_id;
  return TRUE;
}

gboolean
wb_vault_remove_account (WbVault    *vault,
                         const char *name,
                         GError    **error)
{
  g_autoptr(WbVaultAccount) account = NULL;
  g_autoptr(GPtrArray) all = NULL;
  WbKeys *old_keys;
  guint32 old_key_id = vault->key_id;
  guint admins = 0;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (vault != NULL, FALSE);

  if (!require_admin (vault, error) || !(account = find_account (vault, name, error)) ||
      !(all = wb_vault_list_accounts (vault, error)))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    if (((WbVaultAccount *) g_ptr_array_index (all, i))->role == WB_VAULT_ROLE_BEHEERDER)
      admins++;
  if ((vault->actor && memcmp (vault->actor->id.bytes, account->id.bytes, 16) == 0) ||
      (account->role == WB_VAULT_ROLE_BEHEERDER && admins <= 1))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_PERMITTED,
                           _("You cannot remove your own account or the last administrator."));
      return FALSE;
    }

  if (!wb_vault_begin (vault, error))
    return FALSE;
  /* Keep the old keys readable for a rollback: rotate() swaps them in. */
  old_keys = wb_keys_new (vault->keys->data);
  sqlite3_prepare_v2 (vault->db, "DELETE FROM records WHERE id = ?", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, account->id.bytes, 16, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    wb_db_set_error (error, vault->db, _("removing an account"));
  ok = ok && delete_account_slots (vault, &account->id, error) && rotate (vault, error) &&
       wb_vault_audit_append (vault, "account-remove", WB_KIND_ACCOUNT, &account->id, NULL, error);
  if (!ok || !wb_vault_commit (vault, error))
    {
      wb_vault_rollback (vault);
      wb_keys_free (vault->keys);
      vault->keys = old_keys;
      vault->key_id = old_key_id;
      return FALSE;
    }
  wb_keys_free (old_keys);
  return TRUE;
}

/* Backups sealed to the recovery slot (wb-backup.c) */

gboolean
wb_vault_get_recovery_slot (WbVault        *vault,
                            WbRecoverySlot *out,
                            GError        **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  const Slot *s;

  g_return_val_if_fail (vault != NULL && vault->keys != NULL && out != NULL, FALSE);
  slots = load_slots (vault, WB_SLOT_RECOVERY);
  if (slots->len == 0)
    return FALSE;
  s = g_ptr_array_index (slots, 0);
  /* A swapped public key would seal every later backup to someone else. */
  if (!slot_mac_ok (vault, s))
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_DAMAGED,
                           _("The key slot was altered."));
      return FALSE;
    }
  memcpy (out->id, s->id, 16);
  memcpy (out->salt, s->salt, sizeof out->salt);
  out->ops = s->ops;
  out->mem = s->mem;
  memcpy (out->nonce, s->nonce, sizeof out->nonce);
  memcpy (out->sealed_sk, s->sealed_sk, sizeof out->sealed_sk);
  memcpy (out->pk, s->pk, 32);
  return TRUE;
}

guint8 *
wb_recovery_slot_open (const guint8         *vault_id,
                       const WbRecoverySlot *slot,
                       const char           *recovery_key)
{
  Slot s = { { 0 } };
  g_autoptr(GByteArray) ad = NULL;
  g_autofree char *norm = normalize_recovery (recovery_key);
  guint8 *buf = sodium_malloc (32 + 32 + 32);
  guint8 *kek = buf + 32, *pk = buf + 64;
  gboolean ok;

  g_assert (buf != NULL);
  memcpy (s.id, slot->id, 16);
  s.kind = WB_SLOT_RECOVERY;
  memcpy (s.salt, slot->salt, sizeof s.salt);
  s.ops = slot->ops;
  s.mem = slot->mem;
  memcpy (s.pk, slot->pk, 32);
  ad = slot_ad_for (vault_id, &s);
  ok = wb_kdf_derive (kek, 32, norm, s.salt, s.ops, s.mem, NULL) &&
       crypto_aead_xchacha20poly1305_ietf_decrypt (buf, NULL, NULL, slot->sealed_sk, sizeof slot->sealed_sk,
                                                   ad->data, ad->len, slot->nonce, kek) == 0 &&
       crypto_scalarmult_base (pk, buf) == 0 && sodium_memcmp (pk, slot->pk, 32) == 0;
  sodium_memzero (norm, strlen (norm));
  sodium_memzero (kek, 64);
  if (!ok)
    {
      sodium_free (buf);
      return NULL;
    }
  return buf;
}
