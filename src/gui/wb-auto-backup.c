/* wb-auto-backup.c: weekly automatic backups while the vault is unlocked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Automatic backups are sealed to the recovery slot's public key
 * (WB_BACKUP_KEY_RECOVERY_SLOT), so no secret is needed to make them and
 * the recovery key restores them. One hourly timer and each unlock look
 * at the date of the last backup; a failure is kept in "backup-last-error"
 * for the backup page to show, and logged without its content.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-auto-backup.h"
#include "wb-backup.h"

#define AUTO_PREFIX "weerbaar-auto-"
#define MANUAL_PREFIX "weerbaar-"
#define SUFFIX ".wbbackup"
#define STAMP "%Y-%m-%d-%H%M%S"
#define STAMP_LEN 17            /* 2026-11-27-154000 */

struct _WbAutoBackup
{
  GObject       parent_instance;

  WbStore      *store;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         timer_id;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (WbAutoBackup, wb_auto_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Names and the folder */

char *
wb_backup_folder (GSettings *settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");

  if (folder[0] != '\0')
    return g_steal_pointer (&folder);
  return g_build_filename (g_get_user_data_dir (), "weerbaar", "backups", NULL);
}

char *
wb_backup_file_name (gboolean   automatic,
                     GDateTime *when)
{
  g_autofree char *stamp = g_date_time_format (when, STAMP);

  return g_strconcat (automatic ? AUTO_PREFIX : MANUAL_PREFIX, stamp, SUFFIX, NULL);
}

gboolean
wb_backup_is_auto_name (const char *name)
{
  /* "YYYY-MM-DD-HHMMSS": dashes at 4, 7 and 10, digits elsewhere. */
  const char *stamp;

  if (!g_str_has_prefix (name, AUTO_PREFIX) || !g_str_has_suffix (name, SUFFIX) ||
      strlen (name) != strlen (AUTO_PREFIX) + STAMP_LEN + strlen (SUFFIX))
    return FALSE;
  stamp = name + strlen (AUTO_PREFIX);
  for (guint i = 0; i < STAMP_LEN; i++)
    if ((i == 4 || i == 7 || i == 10) ? stamp[i] != '-' : !g_ascii_isdigit (stamp[i]))
      return FALSE;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

guint
wb_backup_prune (const char *folder,
                 guint       keep)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint deleted = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (wb_backup_is_auto_name (name))
      g_ptr_array_add (names, g_strdup (name));
  /* The stamp sorts by date. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_unlink (path) == 0)
        deleted++;
    }
  return deleted;
}

/* Running */

static void
set_running (WbAutoBackup *self,
             gboolean      running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

typedef struct
{
  char  *folder;
  guint  keep;
} Prune;

static void
prune_free (gpointer data)
{
  Prune *p = data;

  g_free (p->folder);
  g_free (p);
}

static void
prune_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Prune *p = task_data;

  wb_backup_prune (p->folder, p->keep);
  g_task_return_boolean (task, TRUE);
}

static void
pruned_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  set_running (WB_AUTO_BACKUP (object), FALSE);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WbAutoBackup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (!wb_store_backup_finish (WB_STORE (object), result, &error))
    {
      /* Locked before the worker got to it: the next unlock tries again. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, WB_STORE_ERROR, WB_STORE_ERROR_LOCKED))
        {
          set_running (self, FALSE);
          return;
        }
      /* The message may name the folder; the log gets only the fact. */
      g_warning ("The automatic backup failed");
      g_settings_set_string (self->settings, "backup-last-error", error->message);
      set_running (self, FALSE);
      return;
    }
  g_settings_set_int64 (self->settings, "backup-last", g_get_real_time () / G_USEC_PER_SEC);
  g_settings_set_string (self->settings, "backup-last-error", "");
  {
    Prune *p = g_new0 (Prune, 1);

    p->folder = wb_backup_folder (self->settings);
    p->keep = g_settings_get_uint (self->settings, "backup-keep");
    task = g_task_new (self, NULL, pruned_cb, NULL);
    g_task_set_task_data (task, p, prune_free);
    g_task_run_in_thread (task, prune_thread);
  }
}

void
wb_auto_backup_check (WbAutoBackup *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) dest = NULL;
  gint64 last;

  g_return_if_fail (WB_IS_AUTO_BACKUP (self));

  if (self->running || wb_store_get_locked (self->store) ||
      !g_settings_get_boolean (self->settings, "backup-automatic"))
    return;
  now = g_date_time_new_now_local ();
  last = g_settings_get_int64 (self->settings, "backup-last");
  /* A date in the future (a clock set back) does not postpone backups. */
  if (last > 0 && last <= g_date_time_to_unix (now) &&
      g_date_time_to_unix (now) - last < WB_AUTO_BACKUP_INTERVAL)
    return;

  /* The store makes a missing folder (0700) on its worker. */
  folder = wb_backup_folder (self->settings);
  name = wb_backup_file_name (TRUE, now);
  path = g_build_filename (folder, name, NULL);
  dest = g_file_new_for_path (path);
  set_running (self, TRUE);
  wb_store_backup_async (self->store, dest, WB_BACKUP_KEY_RECOVERY_SLOT, NULL, NULL,
                         self->cancellable, backup_done_cb, g_object_ref (self));
}

static gboolean
tick_cb (gpointer user_data)
{
  wb_auto_backup_check (WB_AUTO_BACKUP (user_data));
  return G_SOURCE_CONTINUE;
}

gboolean
wb_auto_backup_get_running (WbAutoBackup *self)
{
  g_return_val_if_fail (WB_IS_AUTO_BACKUP (self), FALSE);

  return self->running;
}

/* GObject */

static void
wb_auto_backup_dispose (GObject *object)
{
  WbAutoBackup *self = WB_AUTO_BACKUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wb_auto_backup_parent_class)->dispose (object);
}

static void
wb_auto_backup_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WbAutoBackup *self = WB_AUTO_BACKUP (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_auto_backup_class_init (WbAutoBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wb_auto_backup_dispose;
  object_class->get_property = wb_auto_backup_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_auto_backup_init (WbAutoBackup *self)
{
  self->cancellable = g_cancellable_new ();
}

WbAutoBackup *
wb_auto_backup_new (WbStore   *store,
                    GSettings *settings)
{
  WbAutoBackup *self;

  g_return_val_if_fail (WB_IS_STORE (store) && G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WB_TYPE_AUTO_BACKUP, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (store, "notify::locked", G_CALLBACK (wb_auto_backup_check), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::backup-automatic", G_CALLBACK (wb_auto_backup_check),
                           self, G_CONNECT_SWAPPED);
  self->timer_id = g_timeout_add_seconds (3600, tick_cb, self);
  return self;
}
