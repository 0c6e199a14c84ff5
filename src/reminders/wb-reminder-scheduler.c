/* wb-reminder-scheduler.c: arms one timer for the next due follow-up.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "wb-reminder-scheduler-private.h"

#define NO_DUE G_MAXINT64

struct _WbReminderScheduler
{
  GObject          parent_instance;

  GPtrArray       *items;
  /* follow-up id → due moment (µs) it was last announced for. */
  GHashTable      *announced;
  /* One source for the whole set; its ready time is the next due moment,
   * mapped from the wall clock onto the monotonic clock. */
  GSource         *timer;
  gint64           next_due;
  guint            wakeups;

  WbClockFunc      clock_func;
  gpointer         clock_data;

  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (WbReminderScheduler, wb_reminder_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NEXT_DUE,
  N_PROPS
};

enum {
  DUE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_date_time_new_from_unix_utc_usec() is GLib 2.80. */
static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);

  return g_date_time_add (epoch, usec);
}

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static gboolean
is_announced (WbReminderScheduler *self,
              const WbDueItem     *item)
{
  gint64 *at = g_hash_table_lookup (self->announced, wb_due_item_get_follow_up_id (item));

  return at != NULL && *at == wb_due_item_get_due_usec (item);
}

static void
mark_announced (WbReminderScheduler *self,
                const WbDueItem     *item)
{
  gint64 *at = g_new (gint64, 1);

  *at = wb_due_item_get_due_usec (item);
  g_hash_table_replace (self->announced, g_strdup (wb_due_item_get_follow_up_id (item)), at);
}

static void
arm (WbReminderScheduler *self)
{
  gint64 now = self->clock_func (self->clock_data);
  gint64 next = NO_DUE;

  for (guint i = 0; i < self->items->len; i++)
    {
      const WbDueItem *item = g_ptr_array_index (self->items, i);

      if (wb_due_item_is_pending (item) && !is_announced (self, item))
        next = MIN (next, wb_due_item_get_due_usec (item));
    }

  if (next == NO_DUE)
    g_source_set_ready_time (self->timer, -1);
  else if (next <= now)
    g_source_set_ready_time (self->timer, 0);
  else
    g_source_set_ready_time (self->timer, g_get_monotonic_time () + (next - now));

  if (next != self->next_due)
    {
      self->next_due = next;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
    }
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  gint64 da = wb_due_item_get_due_usec (*(WbDueItem * const *) a);
  gint64 db = wb_due_item_get_due_usec (*(WbDueItem * const *) b);

  return (da > db) - (da < db);
}

/* Callbacks */

static gboolean
timer_dispatched_cb (gpointer user_data)
{
  WbReminderScheduler *self = user_data;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_due_item_unref);
  gint64 now = self->clock_func (self->clock_data);

  self->wakeups++;

  for (guint i = 0; i < self->items->len; i++)
    {
      WbDueItem *item = g_ptr_array_index (self->items, i);

      if (wb_due_item_is_pending (item)
          && wb_due_item_get_due_usec (item) <= now
          && !is_announced (self, item))
        {
          mark_announced (self, item);
          g_ptr_array_add (due, wb_due_item_ref (item));
        }
    }

  /* Re-arm before emitting, so a handler may call set_items() freely. */
  arm (self);

  if (due->len > 0)
    {
      g_ptr_array_sort (due, compare_due);
      g_debug ("Reminders: %u follow-up(s) due", due->len);
      g_signal_emit (self, signals[DUE], 0, due);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
timer_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs timer_funcs = {
  .dispatch = timer_dispatch,
};

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  WbReminderScheduler *self = user_data;
  gboolean going_to_sleep;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  /* The monotonic clock stood still while suspended: map the next due
   * moment again from the wall clock. */
  if (!going_to_sleep)
    wb_reminder_scheduler_resume (self);
}

static void
system_bus_got_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WbReminderScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      /* No system bus (a container, a test): resume() stays manual. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Reminders: not watching for suspend: %s", error->message);
      return;
    }

  /* Disposed meanwhile, or already watching. */
  if (self->cancellable == NULL || self->system_bus != NULL)
    return;

  self->system_bus = g_steal_pointer (&bus);
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus,
                                        "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb,
                                        self,
                                        NULL);
}

/* GObject */

static void
wb_reminder_scheduler_dispose (GObject *object)
{
  WbReminderScheduler *self = WB_REMINDER_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sleep_subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      self->sleep_subscription = 0;
    }
  g_clear_object (&self->system_bus);
  g_clear_object (&self->cancellable);

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  G_OBJECT_CLASS (wb_reminder_scheduler_parent_class)->dispose (object);
}

static void
wb_reminder_scheduler_finalize (GObject *object)
{
  WbReminderScheduler *self = WB_REMINDER_SCHEDULER (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);

  G_OBJECT_CLASS (wb_reminder_scheduler_parent_class)->finalize (object);
}

static void
wb_reminder_scheduler_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WbReminderScheduler *self = WB_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_NEXT_DUE:
      g_value_take_boxed (value, wb_reminder_scheduler_get_next_due (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_reminder_scheduler_class_init (WbReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wb_reminder_scheduler_dispose;
  object_class->finalize = wb_reminder_scheduler_finalize;
  object_class->get_property = wb_reminder_scheduler_get_property;

  /* The earliest due moment not yet announced, in UTC, or NULL. */
  properties[PROP_NEXT_DUE] =
    g_param_spec_boxed ("next-due", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WbReminderScheduler::due:
   * @items: (element-type WbDueItem): the items that fell due, earliest first
   *
   * Everything due at or before now at once; each (id, due moment) only once.
   */
  signals[DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_PTR_ARRAY);
}

static void
wb_reminder_scheduler_init (WbReminderScheduler *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_due_item_unref);
  self->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->next_due = NO_DUE;
  self->clock_func = real_clock;
  self->cancellable = g_cancellable_new ();

  self->timer = g_source_new (&timer_funcs, sizeof (GSource));
  g_source_set_static_name (self->timer, "[weerbaar] reminder timer");
  g_source_set_priority (self->timer, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->timer, timer_dispatched_cb, self, NULL);
  g_source_set_ready_time (self->timer, -1);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

WbReminderScheduler *
wb_reminder_scheduler_new (void)
{
  return g_object_new (WB_TYPE_REMINDER_SCHEDULER, NULL);
}

/**
 * wb_reminder_scheduler_set_items:
 * @items: (element-type WbDueItem): every follow-up that may fall due
 *
 * Replaces the whole set and re-arms the timer. Pass the full set also while
 * the vault is locked (without references and names): a follow-up that
 * leaves the set and comes back is announced again.
 */
void
wb_reminder_scheduler_set_items (WbReminderScheduler *self,
                                 GPtrArray           *items)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (WB_IS_REMINDER_SCHEDULER (self));
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_return_if_fail (g_ptr_array_index (items, i) != NULL);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      WbDueItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (self->items, wb_due_item_ref (item));
      g_hash_table_add (present, (gpointer) wb_due_item_get_follow_up_id (item));
    }

  /* Forget what was announced for follow-ups that left the set. */
  g_hash_table_iter_init (&iter, self->announced);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);

  arm (self);
}

/**
 * wb_reminder_scheduler_get_next_due:
 *
 * Returns: (transfer full) (nullable): the earliest due moment not yet
 *   announced, in UTC
 */
GDateTime *
wb_reminder_scheduler_get_next_due (WbReminderScheduler *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SCHEDULER (self), NULL);

  if (self->next_due == NO_DUE)
    return NULL;

  return date_time_from_usec (self->next_due);
}

/**
 * wb_reminder_scheduler_resume:
 *
 * Maps the next due moment again from the wall clock, after the machine
 * woke from suspend or the clock was set; what fell due meanwhile is
 * announced from the main loop.
 */
void
wb_reminder_scheduler_resume (WbReminderScheduler *self)
{
  g_return_if_fail (WB_IS_REMINDER_SCHEDULER (self));

  arm (self);
}

/**
 * wb_reminder_scheduler_watch_sleep:
 *
 * Calls resume() whenever logind says the machine woke up
 * (`PrepareForSleep(false)`). Without a system bus or logind it silently
 * does nothing.
 */
void
wb_reminder_scheduler_watch_sleep (WbReminderScheduler *self)
{
  g_return_if_fail (WB_IS_REMINDER_SCHEDULER (self));

  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_got_cb, g_object_ref (self));
}

/* Test hooks */

void
wb_reminder_scheduler_set_clock (WbReminderScheduler *self,
                                 WbClockFunc          clock_func,
                                 gpointer             user_data)
{
  g_return_if_fail (WB_IS_REMINDER_SCHEDULER (self));

  self->clock_func = clock_func != NULL ? clock_func : real_clock;
  self->clock_data = clock_func != NULL ? user_data : NULL;
  arm (self);
}

/* The monotonic ready time of the timer: -1 when idle, 0 when due now. */
gint64
wb_reminder_scheduler_get_ready_time (WbReminderScheduler *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SCHEDULER (self), -1);

  return g_source_get_ready_time (self->timer);
}

guint
wb_reminder_scheduler_get_wakeup_count (WbReminderScheduler *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SCHEDULER (self), 0);

  return self->wakeups;
}

gboolean
wb_reminder_scheduler_get_watching_sleep (WbReminderScheduler *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->sleep_subscription != 0;
}
