/* wb-db.c: the SQLite connection of the vault: file modes, pragmas, schema.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-db.h"
#include "wb-store-error.h"

/* Index i brings a database from user_version i to i + 1. Never edit a
 * released step; append a new one. */
static const char * const migrations[] = {
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);"
  "CREATE TABLE slots ("
  "  id BLOB PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  account_id BLOB,"
  "  hint INTEGER NOT NULL,"
  "  salt BLOB NOT NULL,"
  "  opslimit INTEGER NOT NULL,"
  "  memlimit INTEGER NOT NULL,"
  "  nonce BLOB NOT NULL,"
  "  sealed_sk BLOB NOT NULL,"
  "  pk BLOB NOT NULL,"
  "  wrapped_key BLOB NOT NULL,"
  "  mac BLOB NOT NULL);"
  "CREATE TABLE records ("
  "  id BLOB PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  key_id INTEGER NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  blob BLOB NOT NULL);"
  "CREATE INDEX records_kind ON records (kind);"
  "CREATE TABLE followups ("
  "  id BLOB PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,"
  "  due INTEGER NOT NULL,"
  "  state INTEGER NOT NULL);"
  "CREATE INDEX followups_due ON followups (due);"
  "CREATE TABLE audit (seq INTEGER PRIMARY KEY, key_id INTEGER NOT NULL,"
  "  blob BLOB NOT NULL, mac BLOB NOT NULL);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == WB_DB_SCHEMA_VERSION);

char *
wb_store_default_path (void)
{
  const char *env = g_getenv ("WEERBAAR_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "weerbaar", "weerbaar.db", NULL);
}

void
wb_db_set_error (GError    **error,
                 sqlite3    *db,
                 const char *what)
{
  /* Translators: %s is a database action, %s the SQLite message. */
  g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_IO,
               _("Database error while %s: %s"), what,
               db ? sqlite3_errmsg (db) : "?");
}

gboolean
wb_db_exec (sqlite3    *db,
            const char *sql,
            GError    **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      wb_db_set_error (error, db, _("writing"));
      return FALSE;
    }
  return TRUE;
}

static char *
pragma_text (sqlite3    *db,
             const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);
  return value;
}

/* A setting that silently did not take (an old SQLite, a file system
 * without shared memory, a read-only file) would weaken crash safety or
 * leave deleted plaintext-free but still present pages; refuse instead. */
gboolean
wb_db_check_pragmas (sqlite3  *db,
                     GError  **error)
{
  static const struct { const char *name; const char *want; } checks[] = {
    { "journal_mode", "wal" },
    { "synchronous", "2" },
    { "temp_store", "2" },
    { "secure_delete", "1" },
    { "foreign_keys", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *value = pragma_text (db, checks[i].name);

      if (g_strcmp0 (value, checks[i].want) != 0)
        {
          /* Translators: %s is an SQLite setting such as journal_mode. */
          g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_UNSAFE_DATABASE,
                       _("The database setting “%s” could not be applied; the vault is not opened."),
                       checks[i].name);
          return FALSE;
        }
    }
  return TRUE;
}

void
wb_db_fix_modes (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      (void) g_chmod (file, 0600);
    }
}

/* At open, a vault file or folder that others could read is said so and
 * narrowed: a copied or restored file, or a folder made by hand, comes with
 * the umask's 0644/0755. Only the path is logged, never content. A folder
 * that is not the user's, or is shared on purpose (say /tmp), is not ours to
 * change: only warned. */
static void
check_mode (const char *file,
            mode_t      want,
            gboolean    is_folder)
{
  struct stat st;
  mode_t mode;

  if (g_stat (file, &st) != 0)
    return;
  mode = st.st_mode & 07777;
  if ((mode & ~want) == 0)
    return;
  /* A sticky or world-writable folder is shared on purpose (as /tmp is,
   * even for root): narrowing it would break other users' programs. */
  if (is_folder && (st.st_uid != getuid () || (mode & (S_ISVTX | S_IWOTH)) != 0))
    {
      g_warning ("The folder of the vault, %s, is open to other users (mode %04o) and is not Weerbaar's to change",
                 file, (guint) mode);
      return;
    }
  if (g_chmod (file, want) != 0)
    {
      int saved = errno;

      g_warning ("%s is open to other users (mode %04o) and could not be changed to %04o: %s",
                 file, (guint) mode, (guint) want, g_strerror (saved));
      return;
    }
  g_warning ("%s was open to other users (mode %04o); it is now %04o", file, (guint) mode, (guint) want);
}

static void
check_modes (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_path_get_dirname (path);

  check_mode (dir, 0700, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      check_mode (file, 0600, FALSE);
    }
}

static gboolean
prepare_file (const char *path,
              GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      /* Translators: %s is a folder, the second %s the system's reason. */
      g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  check_modes (path);

  /* Create the file ourselves so it never exists with a wider mode; SQLite
   * gives the -wal and -shm files the mode of the database file. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      /* Translators: %s is a file, the second %s the system's reason. */
      g_set_error (error, WB_STORE_ERROR, WB_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  wb_db_fix_modes (path);
  return TRUE;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  g_autofree char *text = pragma_text (db, "user_version");
  gint64 version = text ? g_ascii_strtoll (text, NULL, 10) : 0;

  if (version > WB_DB_SCHEMA_VERSION)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NEWER_VERSION,
                           _("The vault was written by a newer version of Weerbaar."));
      return FALSE;
    }
  if (version == WB_DB_SCHEMA_VERSION)
    return TRUE;

  if (!wb_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (gint64 v = version; v < WB_DB_SCHEMA_VERSION; v++)
    {
      if (!wb_db_exec (db, migrations[v], error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", WB_DB_SCHEMA_VERSION);
    if (!wb_db_exec (db, sql, error) || !wb_db_exec (db, "COMMIT", error))
      {
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  return TRUE;
}

sqlite3 *
wb_db_open (const char  *path,
            GError     **error)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, error))
    return NULL;

  if (sqlite3_open_v2 (path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    {
      wb_db_set_error (error, db, _("opening"));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);

  /* Results are read back by wb_db_check_pragmas(), not trusted here. */
  sqlite3_exec (db,
                "PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = FULL;"
                "PRAGMA temp_store = MEMORY;"
                "PRAGMA secure_delete = ON;"
                "PRAGMA foreign_keys = ON;",
                NULL, NULL, NULL);

  if (!wb_db_check_pragmas (db, error) || !migrate (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  wb_db_fix_modes (path);
  return db;
}

gboolean
wb_db_integrity_check (sqlite3  *db,
                       char    **out_message,
                       GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) msg = g_string_new (NULL);
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      wb_db_set_error (error, db, _("checking"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (msg->len)
        g_string_append_c (msg, '\n');
      g_string_append (msg, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      wb_db_set_error (error, db, _("checking"));
      return FALSE;
    }
  if (out_message)
    *out_message = g_strdup (msg->str);
  return TRUE;
}
