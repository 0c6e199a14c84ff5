/* fuzz-backup.c: the backup reader (wb-backup.c): header, key and the
 * chunk stream, through wb_backup_inspect() on a memfd, so no input is
 * ever written to a file system.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fuzzer cannot forge the BLAKE2b hash at the end of the header, so each
 * input is read twice: as it is, and with that hash recomputed, which lets
 * mutations of the header fields reach the checks behind the hash. The
 * fixed passphrase opens the seed backups; Argon2id runs only when the
 * header asks for the minimum cost, so a mutated cost cannot make a run
 * take minutes.
 */
#include "config.h"

/* memfd_create() */
#define _GNU_SOURCE 1

#include <sodium.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "wb-backup.h"
#include "wb-fuzz.h"
#include "wb-kdf.h"

#define OFF_VERSION 8
#define OFF_OPS 44
#define OFF_MEM 52
#define HEADER_LEN 180
#define HEADER_LEN_SLOT 380
#define FORMAT_VERSION_SLOT 2

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  wb_fuzz_init_logging ();
  if (!wb_store_crypto_init (NULL))
    g_error ("libsodium did not initialize");
  return 0;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

static void
inspect (const guint8 *data,
         gsize         size)
{
  g_autofree char *path = NULL;
  const WbKdfCost *cheap = wb_kdf_cost_test ();
  const char *secret = NULL;
  WbBackupInfo info;
  int fd = memfd_create ("wb-fuzz-backup", MFD_CLOEXEC);

  g_assert (fd >= 0);
  if (size > 0 && write (fd, data, size) != (ssize_t) size)
    g_error ("memfd write failed");
  path = g_strdup_printf ("/proc/self/fd/%d", fd);

  if (size >= HEADER_LEN && get_u64 (data + OFF_OPS) == cheap->opslimit &&
      get_u64 (data + OFF_MEM) == cheap->memlimit)
    secret = WB_FUZZ_BACKUP_PASSPHRASE;
  for (guint pass = 0; pass < (secret ? 2 : 1); pass++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = wb_backup_inspect (path, pass == 0 ? NULL : secret, TRUE, &info, &error);

      g_assert (ok == (error == NULL));
      if (ok && pass == 1)
        g_assert (info.decrypted && info.n_cases <= info.n_records);
    }
  close (fd);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree guint8 *copy = NULL;
  gsize header_len;

  inspect (data, size);

  if (size <= OFF_VERSION)
    return 0;
  header_len = data[OFF_VERSION] == FORMAT_VERSION_SLOT ? HEADER_LEN_SLOT : HEADER_LEN;
  if (size < header_len)
    return 0;
  copy = g_memdup2 (data, size);
  crypto_generichash (copy + header_len - 32, 32, copy, header_len - 32, NULL, 0);
  if (memcmp (copy, data, size) != 0)
    inspect (copy, size);
  return 0;
}
