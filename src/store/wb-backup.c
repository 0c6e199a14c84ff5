/* wb-backup.c: encrypted backup files of the vault, and restoring them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File format, version 1 (integers little-endian):
 *
 *   offset size
 *        0    8  magic "WBBACKUP"
 *        8    2  format version (1)
 *       10    1  what seals the file key: 1 backup passphrase, 2 recovery key
 *       11    1  reserved, 0
 *       12   16  vault id
 *       28    8  created, Unix seconds
 *       36    8  size of the database snapshot in bytes
 *       44    8  Argon2id opslimit
 *       52    8  Argon2id memlimit
 *       60   16  Argon2id salt
 *       76   24  nonce
 *      100   48  the 32-byte file key sealed with XChaCha20-Poly1305 under
 *                Argon2id(secret, salt); associated data: bytes 0..99
 *      148   32  BLAKE2b-256 of bytes 0..147
 *      180   24  crypto_secretstream_xchacha20poly1305 header (file key)
 *      204       the snapshot in chunks of 64 KiB plaintext, each
 *                64 KiB + 17 bytes; the last one may be shorter and is the
 *                only one tagged TAG_FINAL. The first chunk carries bytes
 *                0..179 as associated data.
 *
 * Format version 2 is written for key kind 3, the file key sealed to the
 * public key of the vault's recovery slot, so that automatic backups need
 * no secret. Bytes 0..99 are as above, the Argon2id fields being the
 * recovery slot's own; then:
 *
 *      100   48  the slot's secret key, sealed as in the slot (wb-vault-slots.c)
 *      148   16  slot id
 *      164   32  slot public key
 *      196   80  crypto_box_seal of a random 32-byte wrap key to that key
 *      276   24  nonce
 *      300   48  the file key sealed with XChaCha20-Poly1305 under the wrap
 *                key; associated data: bytes 0..299
 *      348   32  BLAKE2b-256 of bytes 0..347
 *      380   24  secretstream header; the chunks follow as in version 1,
 *                the first carrying bytes 0..379 as associated data.
 *
 * The recovery key opens the slot's secret key, that opens the wrap key
 * and the wrap key the file key, whose AEAD authenticates the header.
 *
 * The AEAD over bytes 0..99 authenticates the header with the secret, so an
 * attacker cannot lower the KDF cost, change the vault id or the size. The
 * unkeyed hash only lets an edited header be reported as such instead of as
 * a wrong passphrase. Because the header states the snapshot size, the
 * exact file length is known once the key is open: shorter is truncated,
 * longer has bytes appended; secretstream's per-chunk state and TAG_FINAL
 * catch reordered, dropped or damaged chunks independently of that.
 *
 * The snapshot is the SQLite database taken with the backup API into an
 * in-memory database and serialized, so it is consistent even while the
 * vault is in use and never exists in plaintext on disk. Its records are
 * still sealed with the vault's keys and its key slots travel along: a
 * restored vault opens with the same passphrases as the original.
 * Restoring is in wb-backup-restore.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-backup-private.h"
#include "wb-db.h"
#include "wb-passphrase.h"
#include "wb-vault-private.h"
#include "wb-vault-slots.h"

#define MAGIC "WBBACKUP"
#define FORMAT_VERSION 1
#define FORMAT_VERSION_SLOT 2
#define OFF_VERSION 8
#define OFF_KEY_KIND 10
#define OFF_RESERVED 11
#define OFF_VAULT_ID 12
#define OFF_CREATED 28
#define OFF_SIZE 36
#define OFF_OPS 44
#define OFF_MEM 52
#define OFF_SALT 60
#define OFF_NONCE 76
#define OFF_SEALED 100
#define OFF_HASH 148
#define HEADER_LEN 180
#define OFF_SLOT_ID 148
#define OFF_SLOT_PK 164
#define OFF_BOX 196
#define BOX_LEN (32 + crypto_box_SEALBYTES)
#define OFF_NONCE2 276
#define OFF_SEALED2 300
#define OFF_HASH2 348
#define HEADER_LEN_SLOT 380
#define SEALED_LEN (32 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define SS_HEADER_LEN crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define PREFIX_LEN (HEADER_LEN + SS_HEADER_LEN)
#define PREFIX_LEN_MAX (HEADER_LEN_SLOT + SS_HEADER_LEN)
#define CHUNK (64 * 1024)
#define CHUNK_OVERHEAD crypto_secretstream_xchacha20poly1305_ABYTES

G_STATIC_ASSERT (OFF_SEALED + SEALED_LEN == OFF_HASH);
G_STATIC_ASSERT (OFF_HASH + 32 == HEADER_LEN);
G_STATIC_ASSERT (OFF_BOX + BOX_LEN == OFF_NONCE2);
G_STATIC_ASSERT (OFF_SEALED2 + SEALED_LEN == OFF_HASH2);
G_STATIC_ASSERT (OFF_HASH2 + 32 == HEADER_LEN_SLOT);
G_STATIC_ASSERT (sizeof (((WbRecoverySlot *) NULL)->sealed_sk) == SEALED_LEN);

G_DEFINE_QUARK (wb-backup-error-quark, wb_backup_error)

/* Helpers */

static void
put_u64 (guint8  *p,
         guint64  v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, 8);
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

void
wb_backup_set_io_error (GError     **error,
                        const char  *path,
                        int          saved_errno)
{
  g_set_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_IO,
               /* Translators: %s is a file name, the second %s the system's reason. */
               _("Could not write or read “%s”: %s"), path, g_strerror (saved_errno));
}

gboolean
wb_backup_write_all (int           fd,
                     const guint8 *data,
                     gsize         len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Returns the number of bytes read, short only at the end of the file. */
static gssize
read_full (int     fd,
           guint8 *data,
           gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = read (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

gboolean
wb_backup_fsync_dir_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* The recovery key as the vault normalizes it: letters and digits only,
 * upper case, so dashes and spaces typed by the user do not matter. */
static char *
normalize_secret (WbBackupKeyKind  kind,
                  const char      *secret)
{
  gsize len = strlen (secret) + 1;
  char *out = sodium_malloc (len);
  gsize n = 0;

  g_assert (out != NULL);
  for (const char *p = secret; *p; p++)
    {
      gboolean recovery = kind != WB_BACKUP_KEY_PASSPHRASE;

      if (recovery && !g_ascii_isalnum (*p))
        continue;
      out[n++] = recovery ? g_ascii_toupper (*p) : *p;
    }
  out[n] = '\0';
  return out;
}

static void
secret_free (char *secret)
{
  if (secret)
    sodium_free (secret);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* Snapshot */

/* Memory databases cannot be in WAL mode: bytes 18 and 19 of the file
 * header say "rollback journal", and the vault switches back to WAL when
 * the restored file is opened. */
static void
mark_rollback_journal (guint8 *db,
                       gsize   size)
{
  if (size > 19 && db[18] == 2 && db[19] == 2)
    db[18] = db[19] = 1;
}

static guint8 *
take_snapshot (WbVault  *vault,
               gsize    *out_size,
               GError  **error)
{
  g_autoptr(sqlite3) mem = NULL;
  sqlite3_backup *b;
  sqlite3_int64 size = 0;
  guint8 *data;
  int rc;

  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    {
      wb_db_set_error (error, mem, _("making a backup"));
      return NULL;
    }
  /* One step holds one read transaction on the vault for the whole copy:
   * the snapshot is a single consistent state. */
  b = sqlite3_backup_init (mem, "main", vault->db, "main");
  if (b == NULL)
    {
      wb_db_set_error (error, mem, _("making a backup"));
      return NULL;
    }
  rc = sqlite3_backup_step (b, -1);
  sqlite3_backup_finish (b);
  if (rc != SQLITE_DONE)
    {
      wb_db_set_error (error, vault->db, _("making a backup"));
      return NULL;
    }
  data = sqlite3_serialize (mem, "main", &size, 0);
  if (data == NULL || size <= 0)
    {
      wb_db_set_error (error, mem, _("making a backup"));
      sqlite3_free (data);
      return NULL;
    }
  mark_rollback_journal (data, size);
  *out_size = size;
  return data;
}

static void
snapshot_free (guint8 *data,
               gsize   size)
{
  if (data == NULL)
    return;
  sodium_memzero (data, size);
  sqlite3_free (data);
}

/* Header */

/* The layout follows the format version; anything but 2 is read as 1 so
 * that an edited version byte is reported by the hash. */
static gsize
header_len_of (const guint8 *header)
{
  return header[OFF_VERSION] == FORMAT_VERSION_SLOT ? HEADER_LEN_SLOT : HEADER_LEN;
}

static void
header_hash (const guint8 *header,
             guint8       *out)
{
  crypto_generichash (out, 32, header, header_len_of (header) - 32, NULL, 0);
}

static guint64
expected_file_size (guint64 size,
                    gsize   header_len)
{
  guint64 n_chunks = MAX ((size + CHUNK - 1) / CHUNK, 1);

  return header_len + SS_HEADER_LEN + size + n_chunks * CHUNK_OVERHEAD;
}

/* Version 2: the wrap key goes to the slot's public key, the file key is
 * sealed under the wrap key with the header as associated data. */
static void
seal_to_slot (guint8               *header,
              const WbRecoverySlot *slot,
              guint8               *wrap_key,
              const guint8         *file_key)
{
  put_u64 (header + OFF_OPS, slot->ops);
  put_u64 (header + OFF_MEM, slot->mem);
  memcpy (header + OFF_SALT, slot->salt, WB_KDF_SALT_LEN);
  memcpy (header + OFF_NONCE, slot->nonce, sizeof slot->nonce);
  memcpy (header + OFF_SEALED, slot->sealed_sk, SEALED_LEN);
  memcpy (header + OFF_SLOT_ID, slot->id, 16);
  memcpy (header + OFF_SLOT_PK, slot->pk, 32);
  randombytes_buf (wrap_key, 32);
  crypto_box_seal (header + OFF_BOX, wrap_key, 32, slot->pk);
  randombytes_buf (header + OFF_NONCE2, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (header + OFF_SEALED2, NULL, file_key, 32,
                                              header, OFF_SEALED2, NULL,
                                              header + OFF_NONCE2, wrap_key);
}

/* Opens the file key of a version 2 header into @file_key. */
static gboolean
open_from_slot (const guint8 *header,
                const char   *recovery_key,
                guint8       *wrap_key,
                guint8       *file_key)
{
  WbRecoverySlot slot;
  guint8 *sk;
  gboolean ok;

  memcpy (slot.id, header + OFF_SLOT_ID, 16);
  memcpy (slot.salt, header + OFF_SALT, WB_KDF_SALT_LEN);
  slot.ops = get_u64 (header + OFF_OPS);
  slot.mem = get_u64 (header + OFF_MEM);
  memcpy (slot.nonce, header + OFF_NONCE, sizeof slot.nonce);
  memcpy (slot.sealed_sk, header + OFF_SEALED, SEALED_LEN);
  memcpy (slot.pk, header + OFF_SLOT_PK, 32);
  sk = wb_recovery_slot_open (header + OFF_VAULT_ID, &slot, recovery_key);
  if (sk == NULL)
    return FALSE;
  ok = crypto_box_seal_open (wrap_key, header + OFF_BOX, BOX_LEN, slot.pk, sk) == 0 &&
       crypto_aead_xchacha20poly1305_ietf_decrypt (file_key, NULL, NULL, header + OFF_SEALED2, SEALED_LEN,
                                                   header, OFF_SEALED2, header + OFF_NONCE2, wrap_key) == 0;
  sodium_free (sk);
  return ok;
}

/* Makes the header and returns the file key (sodium memory). */
static guint8 *
build_header (WbVault              *vault,
              WbBackupKeyKind       kind,
              const char           *secret,
              const WbKdfCost      *cost,
              const WbRecoverySlot *slot,
              gsize                 size,
              guint8               *header,
              GError              **error)
{
  guint8 *keys = sodium_malloc (64);
  guint8 *kek = keys, *file_key = keys + 32;

  g_assert (keys != NULL);
  memset (header, 0, HEADER_LEN_SLOT);
  memcpy (header, MAGIC, 8);
  header[OFF_VERSION] = kind == WB_BACKUP_KEY_RECOVERY_SLOT ? FORMAT_VERSION_SLOT : FORMAT_VERSION;
  header[OFF_KEY_KIND] = kind;
  memcpy (header + OFF_VAULT_ID, vault->vault_id, 16);
  put_u64 (header + OFF_CREATED, (guint64) (g_get_real_time () / G_USEC_PER_SEC));
  put_u64 (header + OFF_SIZE, size);
  if (kind == WB_BACKUP_KEY_RECOVERY_SLOT)
    {
      crypto_secretstream_xchacha20poly1305_keygen (file_key);
      seal_to_slot (header, slot, kek, file_key);
      header_hash (header, header + OFF_HASH2);
      memmove (keys, file_key, 32);
      sodium_memzero (keys + 32, 32);
      return keys;
    }
  put_u64 (header + OFF_OPS, cost->opslimit);
  put_u64 (header + OFF_MEM, cost->memlimit);
  randombytes_buf (header + OFF_SALT, WB_KDF_SALT_LEN);
  randombytes_buf (header + OFF_NONCE, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);

  if (!wb_kdf_derive (kek, 32, secret, header + OFF_SALT, cost->opslimit, cost->memlimit, error))
    {
      sodium_free (keys);
      return NULL;
    }
  crypto_secretstream_xchacha20poly1305_keygen (file_key);
  crypto_aead_xchacha20poly1305_ietf_encrypt (header + OFF_SEALED, NULL, file_key, 32,
                                              header, OFF_SEALED, NULL,
                                              header + OFF_NONCE, kek);
  header_hash (header, header + OFF_HASH);
  /* Hand back the file key at the start of its own allocation. */
  memmove (keys, file_key, 32);
  sodium_memzero (keys + 32, 32);
  return keys;
}

static gboolean
parse_header (const guint8  *header,
              gsize          have,
              WbBackupInfo  *info,
              gboolean       allow_test_cost,
              GError       **error)
{
  guint8 hash[32];
  guint64 ops, mem;

  if (have < 8 || memcmp (header, MAGIC, 8) != 0)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_NOT_A_BACKUP,
                           _("This file is not a Weerbaar backup."));
      return FALSE;
    }
  if (have < 9 || have < header_len_of (header) + SS_HEADER_LEN)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_TRUNCATED,
                           _("The backup is incomplete: the file was cut off."));
      return FALSE;
    }
  header_hash (header, hash);
  if (sodium_memcmp (hash, header + header_len_of (header) - 32, 32) != 0)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_HEADER_ALTERED,
                           _("The header of the backup was altered."));
      return FALSE;
    }
  if ((header[OFF_VERSION] != FORMAT_VERSION && header[OFF_VERSION] != FORMAT_VERSION_SLOT) ||
      header[OFF_VERSION + 1] != 0)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_NEWER_VERSION,
                           _("The backup was made by a newer version of Weerbaar."));
      return FALSE;
    }
  ops = get_u64 (header + OFF_OPS);
  mem = get_u64 (header + OFF_MEM);
  if ((header[OFF_VERSION] == FORMAT_VERSION_SLOT) != (header[OFF_KEY_KIND] == WB_BACKUP_KEY_RECOVERY_SLOT) ||
      (header[OFF_KEY_KIND] != WB_BACKUP_KEY_PASSPHRASE && header[OFF_KEY_KIND] != WB_BACKUP_KEY_RECOVERY &&
       header[OFF_KEY_KIND] != WB_BACKUP_KEY_RECOVERY_SLOT) ||
      header[OFF_RESERVED] != 0 || get_u64 (header + OFF_SIZE) == 0 ||
      ops < crypto_pwhash_OPSLIMIT_MIN || ops > WB_KDF_OPSLIMIT_MAX ||
      mem < crypto_pwhash_MEMLIMIT_MIN || mem > WB_KDF_MEMLIMIT_MAX)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_HEADER_ALTERED,
                           _("The header of the backup was altered."));
      return FALSE;
    }
  if (!allow_test_cost && wb_kdf_cost_is_too_low (ops, mem))
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_COST_TOO_LOW,
                           _("The backup is protected too weakly to be trusted."));
      return FALSE;
    }
  memset (info, 0, sizeof *info);
  info->created = (gint64) get_u64 (header + OFF_CREATED);
  memcpy (info->vault_id, header + OFF_VAULT_ID, 16);
  info->key_kind = header[OFF_KEY_KIND];
  info->snapshot_size = get_u64 (header + OFF_SIZE);
  return TRUE;
}

/* Writing */

gboolean
wb_backup_can_seal_to_recovery (WbVault *vault)
{
  WbRecoverySlot slot;

  g_return_val_if_fail (vault != NULL, FALSE);
  return vault->keys != NULL && wb_vault_get_recovery_slot (vault, &slot, NULL);
}

static gboolean
check_secret (WbVault         *vault,
              WbBackupKeyKind  kind,
              const char      *secret,
              const WbKdfCost *cost,
              WbRecoverySlot  *slot,
              GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(WbVault) probe = NULL;

  if (kind == WB_BACKUP_KEY_RECOVERY_SLOT)
    {
      if (wb_vault_get_recovery_slot (vault, slot, error))
        return TRUE;
      if (error && *error == NULL)
        g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_NO_RECOVERY_KEY,
                             _("The vault has no recovery key, so it cannot be used to seal the backup."));
      return FALSE;
    }
  if (kind == WB_BACKUP_KEY_PASSPHRASE)
    {
      if (wb_passphrase_check (secret, &local))
        return TRUE;
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_WEAK_PASSPHRASE, local->message);
      return FALSE;
    }
  /* A mistyped recovery key would make the backup unreadable forever: it
   * must open the vault's own recovery slot. A second connection keeps the
   * caller's vault as it is. */
  probe = wb_vault_open (vault->path, error);
  if (probe == NULL)
    return FALSE;
  if (!wb_vault_unlock_recovery (probe, secret, cost->test, &local))
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE,
                           _("This is not the recovery key of the vault."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_stream (int           fd,
              const guint8 *header,
              gsize         header_len,
              const guint8 *file_key,
              const guint8 *data,
              gsize         size)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 ss_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  g_autofree guint8 *out = g_malloc (CHUNK + CHUNK_OVERHEAD);
  gsize off = 0;
  gboolean ok = TRUE;

  crypto_secretstream_xchacha20poly1305_init_push (&state, ss_header, file_key);
  if (!wb_backup_write_all (fd, header, header_len) || !wb_backup_write_all (fd, ss_header, sizeof ss_header))
    ok = FALSE;
  while (ok)
    {
      gsize len = MIN (CHUNK, size - off);
      gboolean last = off + len == size;

      crypto_secretstream_xchacha20poly1305_push (&state, out, NULL, data + off, len,
                                                  off == 0 ? header : NULL, off == 0 ? header_len : 0,
                                                  last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
      ok = wb_backup_write_all (fd, out, len + CHUNK_OVERHEAD);
      off += len;
      if (last)
        break;
    }
  sodium_memzero (&state, sizeof state);
  return ok;
}

static gboolean
dest_is_replaceable (const char *dest_path,
                     GError    **error)
{
  guint8 magic[8];
  gssize n;
  int fd;

  if (!g_file_test (dest_path, G_FILE_TEST_EXISTS))
    return TRUE;
  fd = g_open (dest_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  n = fd >= 0 ? read_full (fd, magic, sizeof magic) : -1;
  if (fd >= 0)
    close (fd);
  if (n == sizeof magic && memcmp (magic, MAGIC, 8) == 0)
    return TRUE;
  g_set_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_EXISTS,
               /* Translators: %s is a file name. */
               _("“%s” exists and is not a Weerbaar backup; it is not overwritten."), dest_path);
  return FALSE;
}

gboolean
wb_backup_write (WbVault          *vault,
                 const char       *dest_path,
                 WbBackupKeyKind   key_kind,
                 const char       *secret,
                 const WbKdfCost  *cost,
                 GError          **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  char *norm = NULL;
  guint8 header[HEADER_LEN_SLOT];
  WbRecoverySlot slot;
  guint8 *snapshot = NULL, *file_key = NULL;
  gsize size = 0;
  gboolean ok = FALSE;
  int fd = -1;

  g_return_val_if_fail (vault != NULL && dest_path != NULL, FALSE);
  g_return_val_if_fail (key_kind == WB_BACKUP_KEY_PASSPHRASE || key_kind == WB_BACKUP_KEY_RECOVERY ||
                        key_kind == WB_BACKUP_KEY_RECOVERY_SLOT, FALSE);
  g_return_val_if_fail (secret != NULL || key_kind == WB_BACKUP_KEY_RECOVERY_SLOT, FALSE);

  if (!wb_vault_require_unlocked (vault, error))
    return FALSE;
  if (vault->in_txn)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_INVALID,
                           _("A backup cannot be made in the middle of a change."));
      return FALSE;
    }
  if (key_kind == WB_BACKUP_KEY_RECOVERY_SLOT)
    cost = wb_kdf_cost_test ();       /* unused: the slot's own cost applies */
  else if (cost == NULL)
    cost = wb_kdf_cost_calibrated ();
  else if (!cost->test && wb_kdf_cost_is_too_low (cost->opslimit, cost->memlimit))
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_COST_TOO_LOW,
                           _("The key derivation cost is below the safe minimum."));
      return FALSE;
    }
  if (!check_secret (vault, key_kind, secret, cost, &slot, error) || !dest_is_replaceable (dest_path, error))
    return FALSE;
  {
    g_autofree char *folder = g_path_get_dirname (dest_path);

    /* A new folder is private; an existing one keeps its own permissions. */
    if (g_mkdir_with_parents (folder, 0700) != 0)
      {
        int saved_errno = errno;

        /* Translators: %s is the system's reason. */
        g_set_error (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_IO,
                     _("The backup folder could not be made: %s"), g_strerror (saved_errno));
        return FALSE;
      }
  }

  snapshot = take_snapshot (vault, &size, error);
  if (snapshot == NULL)
    return FALSE;
  norm = secret ? normalize_secret (key_kind, secret) : NULL;
  file_key = build_header (vault, key_kind, norm, cost, &slot, size, header, error);
  g_clear_pointer (&norm, secret_free);
  if (file_key == NULL)
    goto out;

  /* A partial file never carries the final name. */
  tmp = g_strconcat (dest_path, ".partial-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      wb_backup_set_io_error (error, dest_path, errno);
      g_clear_pointer (&tmp, g_free);
      goto out;
    }
  if (!write_stream (fd, header, header_len_of (header), file_key, snapshot, size) || fsync (fd) != 0)
    {
      wb_backup_set_io_error (error, dest_path, errno);
      goto out;
    }
  close (fd);
  fd = -1;
  if (g_rename (tmp, dest_path) != 0)
    {
      wb_backup_set_io_error (error, dest_path, errno);
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  if (!wb_backup_fsync_dir_of (dest_path))
    {
      wb_backup_set_io_error (error, dest_path, errno);
      goto out;
    }
  name = g_path_get_basename (dest_path);
  ok = wb_vault_audit (vault, "backup", NULL, NULL, name, error);

out:
  if (fd >= 0)
    close (fd);
  if (tmp)
    g_unlink (tmp);
  if (file_key)
    sodium_free (file_key);
  secret_free (norm);
  snapshot_free (snapshot, size);
  return ok;
}

/* Reading */

void
wb_backup_opened_clear (WbBackupOpened *o)
{
  if (o->data)
    {
      sodium_memzero (o->data, o->info.snapshot_size);
      g_free (o->data);
      o->data = NULL;
    }
}

static gboolean
read_stream (int              fd,
             const guint8    *header,
             gsize            header_len,
             const guint8    *ss_header,
             const guint8    *file_key,
             WbBackupOpened  *o,
             GError         **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  g_autofree guint8 *in = g_malloc (CHUNK + CHUNK_OVERHEAD + 1);
  guint64 size = o->info.snapshot_size, off = 0;
  gboolean ok = TRUE;

  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, ss_header, file_key) != 0)
    ok = FALSE;
  while (ok && off < size)
    {
      gsize len = MIN (CHUNK, size - off);
      gboolean last = off + len == size;
      unsigned char tag = 0;
      gssize n = read_full (fd, in, len + CHUNK_OVERHEAD);

      if (n != (gssize) (len + CHUNK_OVERHEAD))
        {
          /* The file shrank while being read. */
          g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_TRUNCATED,
                               _("The backup is incomplete: the file was cut off."));
          sodium_memzero (&state, sizeof state);
          return FALSE;
        }
      ok = crypto_secretstream_xchacha20poly1305_pull (&state, o->data + off, NULL, &tag, in, n,
                                                       off == 0 ? header : NULL, off == 0 ? header_len : 0) == 0 &&
           (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) == last;
      off += len;
    }
  sodium_memzero (&state, sizeof state);
  if (!ok)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_DAMAGED,
                           _("Part of the backup is damaged or out of order."));
      return FALSE;
    }
  if (read_full (fd, in, 1) != 0)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_TRAILING_DATA,
                           _("The backup has extra data after its end."));
      return FALSE;
    }
  return TRUE;
}

static int
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
not_a_vault (GError **error)
{
  g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_NOT_A_VAULT,
                       _("The backup opens, but what it holds is not a sound vault."));
  return FALSE;
}

/* The decrypted snapshot must be a whole, consistent vault of the same id. */
static gboolean
check_snapshot (WbBackupOpened  *o,
                GError         **error)
{
  g_autoptr(sqlite3) mem = NULL;
  g_autofree char *message = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean same_id = FALSE;
  int version, n_records, n_cases, n_accounts;

  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    return not_a_vault (error);
  mark_rollback_journal (o->data, o->info.snapshot_size);
  if (sqlite3_deserialize (mem, "main", o->data, o->info.snapshot_size, o->info.snapshot_size,
                           SQLITE_DESERIALIZE_READONLY) != SQLITE_OK ||
      !wb_db_integrity_check (mem, &message, NULL) || g_strcmp0 (message, "ok") != 0)
    return not_a_vault (error);

  version = count_rows (mem, "PRAGMA user_version");
  n_records = count_rows (mem, "SELECT count(*) FROM records");
  n_cases = count_rows (mem, "SELECT count(*) FROM records WHERE kind = 'case'");
  n_accounts = count_rows (mem, "SELECT count(*) FROM slots WHERE kind = 1");
  if (sqlite3_prepare_v2 (mem, "SELECT value FROM meta WHERE key = 'vault_id'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == 16)
    same_id = memcmp (sqlite3_column_blob (stmt, 0), o->info.vault_id, 16) == 0;
  sqlite3_finalize (stmt);

  if (version > WB_DB_SCHEMA_VERSION)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_NEWER_VERSION,
                           _("The backup was made by a newer version of Weerbaar."));
      return FALSE;
    }
  if (version < 1 || n_records < 0 || n_cases < 0 || n_accounts < 0 || !same_id)
    return not_a_vault (error);
  o->info.n_records = n_records;
  o->info.n_cases = n_cases;
  o->info.n_accounts = n_accounts;
  o->info.decrypted = TRUE;
  return TRUE;
}

/* Reads the header and, with a secret, decrypts and checks the snapshot. */
gboolean
wb_backup_open (const char      *path,
                const char      *secret,
                gboolean         allow_test_cost,
                WbBackupOpened  *o,
                GError         **error)
{
  guint8 prefix[PREFIX_LEN_MAX];
  guint8 *kek = NULL;
  gsize header_len;
  char *norm = NULL;
  struct stat st;
  gssize n;
  gboolean ok = FALSE;
  int fd;

  memset (o, 0, sizeof *o);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      wb_backup_set_io_error (error, path, errno);
      return FALSE;
    }
  n = read_full (fd, prefix, sizeof prefix);
  if (n < 0 || fstat (fd, &st) != 0)
    {
      wb_backup_set_io_error (error, path, errno);
      goto out;
    }
  if (!parse_header (prefix, n, &o->info, allow_test_cost, error))
    goto out;
  if (secret == NULL)
    {
      ok = TRUE;
      goto out;
    }

  header_len = header_len_of (prefix);
  kek = sodium_malloc (64);
  g_assert (kek != NULL);
  norm = normalize_secret (o->info.key_kind, secret);
  if (o->info.key_kind != WB_BACKUP_KEY_RECOVERY_SLOT &&
      !wb_kdf_derive (kek, 32, norm, prefix + OFF_SALT, get_u64 (prefix + OFF_OPS),
                      get_u64 (prefix + OFF_MEM), error))
    goto out;
  if (o->info.key_kind == WB_BACKUP_KEY_RECOVERY_SLOT
      ? !open_from_slot (prefix, norm, kek, kek + 32)
      : crypto_aead_xchacha20poly1305_ietf_decrypt (kek + 32, NULL, NULL, prefix + OFF_SEALED, SEALED_LEN,
                                                    prefix, OFF_SEALED, prefix + OFF_NONCE, kek) != 0)
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_WRONG_PASSPHRASE,
                           o->info.key_kind != WB_BACKUP_KEY_PASSPHRASE
                           ? _("The recovery key does not open this backup.")
                           : _("The backup passphrase is not correct."));
      goto out;
    }

  /* The size is authenticated now, so the length of the file is known. */
  if ((guint64) st.st_size < expected_file_size (o->info.snapshot_size, header_len))
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_TRUNCATED,
                           _("The backup is incomplete: the file was cut off."));
      goto out;
    }
  if ((guint64) st.st_size > expected_file_size (o->info.snapshot_size, header_len))
    {
      g_set_error_literal (error, WB_BACKUP_ERROR, WB_BACKUP_ERROR_TRAILING_DATA,
                           _("The backup has extra data after its end."));
      goto out;
    }
  o->data = g_try_malloc (o->info.snapshot_size);
  if (o->data == NULL)
    {
      wb_backup_set_io_error (error, path, ENOMEM);
      goto out;
    }
  /* The prefix read may have run into the first chunk of a version 1 file. */
  if (lseek (fd, header_len + SS_HEADER_LEN, SEEK_SET) < 0)
    {
      wb_backup_set_io_error (error, path, errno);
      goto out;
    }
  ok = read_stream (fd, prefix, header_len, prefix + header_len, kek + 32, o, error) &&
       check_snapshot (o, error);

out:
  close (fd);
  if (kek)
    sodium_free (kek);
  secret_free (norm);
  if (!ok)
    wb_backup_opened_clear (o);
  return ok;
}

gboolean
wb_backup_inspect (const char    *backup_path,
                   const char    *secret,
                   gboolean       allow_test_cost,
                   WbBackupInfo  *out_info,
                   GError       **error)
{
  WbBackupOpened o;

  g_return_val_if_fail (backup_path != NULL && out_info != NULL, FALSE);

  if (!wb_store_crypto_init (error) || !wb_backup_open (backup_path, secret, allow_test_cost, &o, error))
    return FALSE;
  *out_info = o.info;
  wb_backup_opened_clear (&o);
  return TRUE;
}

