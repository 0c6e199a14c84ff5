/* wb-reminder-service.c: feeds the reminder timer from the store and acts on the popups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The glue between WbStore, WbReminderScheduler and WbReminderNotifier,
 * without GTK: the application connects "present", "open-case" and
 * "outcome-requested" to its window. While the vault is locked the timer
 * is fed from the plaintext schedule alone, so a popup names nothing;
 * unlocked, each item carries the case reference (and the reporter's name
 * when names-in-popups is on). An action that needs the sealed records
 * while locked is kept and carried out after the unlock the window asks for.
 */
#include "config.h"

#include "wb-core.h"
#include "wb-followup-actions.h"
#include "wb-reminder-service-private.h"

typedef enum
{
  PENDING_NONE,
  PENDING_OPEN,
  PENDING_SNOOZE,
  PENDING_DONE,
} PendingKind;

struct _WbReminderService
{
  GObject              parent_instance;

  WbStore             *store;
  GSettings           *settings;
  WbReminderScheduler *scheduler;
  WbReminderNotifier  *notifier;
  gboolean             enabled;
  gboolean             was_locked;

  /* Results of an older listing are dropped. */
  guint                generation;
  /* Changes come one record at a time: one listing for a burst of them. */
  guint                refresh_source;
  guint                n_refreshed;

  PendingKind          pending;
  char                *pending_id;
  GDateTime           *pending_until;
};

G_DEFINE_FINAL_TYPE (WbReminderService, wb_reminder_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

enum {
  PRESENT,
  OPEN_CASE,
  OUTCOME_REQUESTED,
  REFRESHED,
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

/* The store keeps core's states; the reminders number them their own way. */
static WbDueState
due_state (int follow_up_state)
{
  switch (follow_up_state)
    {
    case WB_FOLLOW_UP_STATE_OPEN:
      return WB_DUE_STATE_OPEN;
    case WB_FOLLOW_UP_STATE_SNOOZED:
      return WB_DUE_STATE_SNOOZED;
    case WB_FOLLOW_UP_STATE_DONE:
      return WB_DUE_STATE_DONE;
    default:
      return WB_DUE_STATE_CANCELLED;
    }
}

static void
set_pending (WbReminderService *self,
             PendingKind        kind,
             const char        *follow_up_id,
             GDateTime         *until)
{
  self->pending = kind;
  g_free (self->pending_id);
  self->pending_id = g_strdup (follow_up_id);
  g_clear_pointer (&self->pending_until, g_date_time_unref);
  if (until != NULL)
    self->pending_until = g_date_time_ref (until);
}

static WbDueItem *
make_item (WbReminderService *self,
           const WbStoreDue  *d,
           gboolean           locked)
{
  g_autofree char *id = wb_record_id_to_string (&d->id);
  g_autoptr(GDateTime) due = date_time_from_usec (d->due);
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(WbCaseRow) row = NULL;
  const char *reference = NULL;
  const char *name = NULL;

  if (!locked && d->plaintext != NULL)
    f = wb_follow_up_deserialize (d->plaintext, NULL);
  if (f != NULL && wb_follow_up_get_case_id (f) != NULL)
    row = wb_store_lookup_index_row (self->store, wb_follow_up_get_case_id (f));
  if (row != NULL && *row->reference != '\0')
    {
      reference = row->reference;
      /* Only the reporter has a name in the index; partner and family
       * follow-ups name no one. */
      if (self->settings != NULL
          && g_settings_get_boolean (self->settings, "names-in-popups")
          && wb_follow_up_get_target (f) == WB_FOLLOW_UP_TARGET_REPORTER
          && row->has_reporter && *row->reporter_name != '\0')
        name = row->reporter_name;
    }

  return wb_due_item_new (id, due, due_state (d->state), reference, name);
}

/* Callbacks */

/* A listing in flight does not keep the service alive. */
typedef struct
{
  GWeakRef service;
  guint    generation;
} Listing;

static void
listing_free (Listing *listing)
{
  g_weak_ref_clear (&listing->service);
  g_free (listing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listing, listing_free)

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Listing) listing = user_data;
  g_autoptr(WbReminderService) self = g_weak_ref_get (&listing->service);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean locked;

  due = wb_store_list_due_finish (WB_STORE (object), result, &error);
  if (self == NULL || listing->generation != self->generation || !self->enabled)
    return;
  if (due == NULL)
    {
      /* Not set up yet, or the database failed: nothing to remind of. */
      g_debug ("Reminders: no schedule: %s", error->message);
      return;
    }

  locked = wb_store_get_locked (self->store);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_due_item_unref);
  for (guint i = 0; i < due->len; i++)
    g_ptr_array_add (items, make_item (self, g_ptr_array_index (due, i), locked));
  wb_reminder_scheduler_set_items (self->scheduler, items);

  self->n_refreshed++;
  g_signal_emit (self, signals[REFRESHED], 0);
}

static void
store_changed_cb (WbReminderService *self,
                  const char        *kind,
                  gpointer           id)
{
  if (g_strcmp0 (kind, WB_KIND_FOLLOWUP) == 0)
    wb_reminder_service_refresh (self);
}

static void
snoozed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The store's "changed" re-arms the timer. */
  if (!wb_followup_snooze_finish (WB_STORE (object), result, &error))
    g_message ("Reminders: could not postpone a follow-up: %s", error->message);
}

static void
loaded_for_open_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbReminderService) self = user_data;
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(GError) error = NULL;

  f = wb_followup_load_finish (WB_STORE (object), result, &error);
  if (f == NULL)
    {
      g_message ("Reminders: could not open a follow-up: %s", error->message);
      return;
    }
  g_signal_emit (self, signals[OPEN_CASE], 0, wb_follow_up_get_case_id (f));
}

static void
loaded_for_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbReminderService) self = user_data;
  g_autoptr(WbFollowUp) f = NULL;
  g_autoptr(WbCaseRow) row = NULL;
  g_autoptr(GError) error = NULL;

  f = wb_followup_load_finish (WB_STORE (object), result, &error);
  if (f == NULL)
    {
      g_message ("Reminders: could not open a follow-up: %s", error->message);
      return;
    }
  if (wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_DONE
      || wb_follow_up_get_state (f) == WB_FOLLOW_UP_STATE_CANCELLED)
    return;
  row = wb_store_lookup_index_row (self->store, wb_follow_up_get_case_id (f));
  g_signal_emit (self, signals[OUTCOME_REQUESTED], 0, wb_follow_up_get_id (f),
                 row != NULL && *row->reference != '\0' ? row->reference : NULL);
}

/* Carries out an action now if the vault is open, or after the unlock. */
static void
run_pending (WbReminderService *self)
{
  PendingKind kind = self->pending;
  g_autofree char *id = g_steal_pointer (&self->pending_id);
  g_autoptr(GDateTime) until = g_steal_pointer (&self->pending_until);

  if (kind == PENDING_NONE || wb_store_get_locked (self->store))
    {
      self->pending_id = g_steal_pointer (&id);
      self->pending_until = g_steal_pointer (&until);
      return;
    }
  self->pending = PENDING_NONE;

  switch (kind)
    {
    case PENDING_OPEN:
      wb_followup_load_async (self->store, id, NULL, loaded_for_open_cb, g_object_ref (self));
      break;
    case PENDING_SNOOZE:
      wb_followup_snooze_async (self->store, id, until, NULL, snoozed_cb, NULL);
      break;
    case PENDING_DONE:
      wb_followup_load_async (self->store, id, NULL, loaded_for_done_cb, g_object_ref (self));
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static void
store_locked_cb (WbReminderService *self)
{
  gboolean locked = wb_store_get_locked (self->store);

  /* Popups of the unlocked vault name a case: none stays on screen. */
  if (locked && !self->was_locked)
    wb_reminder_notifier_withdraw_all (self->notifier);
  self->was_locked = locked;
  wb_reminder_service_refresh (self);
  run_pending (self);
}

static void
open_requested_cb (WbReminderService  *self,
                   const char         *follow_up_id,
                   const char         *activation_token,
                   WbReminderNotifier *notifier)
{
  g_signal_emit (self, signals[PRESENT], 0, activation_token);
  /* The summary popup opens the window only. */
  if (follow_up_id == NULL)
    return;
  set_pending (self, PENDING_OPEN, follow_up_id, NULL);
  run_pending (self);
}

static void
snooze_requested_cb (WbReminderService  *self,
                     const char         *follow_up_id,
                     guint               seconds,
                     WbReminderNotifier *notifier)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = g_date_time_add_seconds (now, seconds);

  set_pending (self, PENDING_SNOOZE, follow_up_id, until);
  /* The sealed record cannot be written while locked: the window asks to
   * unlock, then the snooze is written. */
  if (wb_store_get_locked (self->store))
    g_signal_emit (self, signals[PRESENT], 0, NULL);
  run_pending (self);
}

static void
done_requested_cb (WbReminderService  *self,
                   const char         *follow_up_id,
                   WbReminderNotifier *notifier)
{
  g_signal_emit (self, signals[PRESENT], 0, NULL);
  set_pending (self, PENDING_DONE, follow_up_id, NULL);
  run_pending (self);
}

static void
due_cb (WbReminderService   *self,
        GPtrArray           *items,
        WbReminderScheduler *scheduler)
{
  if (self->enabled)
    wb_reminder_notifier_show_due (self->notifier, items);
}

/* GObject */

static void
wb_reminder_service_dispose (GObject *object)
{
  WbReminderService *self = WB_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  set_pending (self, PENDING_NONE, NULL, NULL);

  G_OBJECT_CLASS (wb_reminder_service_parent_class)->dispose (object);
}

static void
wb_reminder_service_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WbReminderService *self = WB_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_reminder_service_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WbReminderService *self = WB_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      wb_reminder_service_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_reminder_service_class_init (WbReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wb_reminder_service_dispose;
  object_class->get_property = wb_reminder_service_get_property;
  object_class->set_property = wb_reminder_service_set_property;

  /* Bound to the "reminders-enabled" setting. */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WbReminderService::present:
   * @activation_token: (nullable): for gtk_window_set_startup_id()
   *
   * Show the window; it asks to unlock first when the vault is locked.
   */
  signals[PRESENT] =
    g_signal_new ("present", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * WbReminderService::open-case:
   * @case_id: the case of the follow-up a popup was about
   */
  signals[OPEN_CASE] =
    g_signal_new ("open-case", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * WbReminderService::outcome-requested:
   * @follow_up_id: the follow-up the user marked done in a popup
   * @case_reference: (nullable): its case reference
   *
   * Ask for the outcome, then call wb_followup_complete_async().
   */
  signals[OUTCOME_REQUESTED] =
    g_signal_new ("outcome-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* The timer was fed from a new listing of the schedule. */
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wb_reminder_service_init (WbReminderService *self)
{
  self->scheduler = wb_reminder_scheduler_new ();
  self->notifier = wb_reminder_notifier_new ();

  g_signal_connect_object (self->scheduler, "due",
                           G_CALLBACK (due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "open-requested",
                           G_CALLBACK (open_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "snooze-requested",
                           G_CALLBACK (snooze_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "done-requested",
                           G_CALLBACK (done_requested_cb), self, G_CONNECT_SWAPPED);
}

/**
 * wb_reminder_service_new:
 * @settings: (nullable): the application settings; bound to
 *   reminders-enabled, names-in-popups and default-snooze-minutes. Without
 *   them the service starts disabled and names no one.
 */
WbReminderService *
wb_reminder_service_new (WbStore   *store,
                         GSettings *settings)
{
  WbReminderService *self;

  g_return_val_if_fail (WB_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WB_TYPE_REMINDER_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->was_locked = wb_store_get_locked (store);

  g_signal_connect_object (store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  /* References and names become known once the index is read. */
  g_signal_connect_object (store, "index-changed",
                           G_CALLBACK (wb_reminder_service_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::locked",
                           G_CALLBACK (store_locked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::initialized",
                           G_CALLBACK (wb_reminder_service_refresh), self, G_CONNECT_SWAPPED);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "names-in-popups", self->notifier, "names-in-popups",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (settings, "default-snooze-minutes", self->notifier, "snooze-minutes",
                       G_SETTINGS_BIND_GET);
      g_signal_connect_object (settings, "changed::names-in-popups",
                               G_CALLBACK (wb_reminder_service_refresh), self, G_CONNECT_SWAPPED);
      g_settings_bind (settings, "reminders-enabled", self, "enabled", G_SETTINGS_BIND_GET);
    }

  wb_reminder_scheduler_watch_sleep (self->scheduler);

  return self;
}

gboolean
wb_reminder_service_get_enabled (WbReminderService *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SERVICE (self), FALSE);

  return self->enabled;
}

void
wb_reminder_service_set_enabled (WbReminderService *self,
                                 gboolean           enabled)
{
  g_return_if_fail (WB_IS_REMINDER_SERVICE (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  if (enabled)
    wb_reminder_service_refresh (self);
  else
    {
      self->generation++;
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      wb_reminder_scheduler_set_items (self->scheduler, NULL);
      wb_reminder_notifier_withdraw_all (self->notifier);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * wb_reminder_service_refresh:
 *
 * Lists the schedule again and re-arms the timer. Called on every change
 * of a follow-up, on lock and unlock; call it after a change the store
 * cannot see.
 */
static gboolean
refresh_cb (gpointer user_data)
{
  WbReminderService *self = user_data;
  Listing *listing;

  self->refresh_source = 0;
  if (!self->enabled || self->store == NULL)
    return G_SOURCE_REMOVE;

  listing = g_new0 (Listing, 1);
  g_weak_ref_init (&listing->service, self);
  listing->generation = ++self->generation;
  wb_store_list_due_async (self->store, NULL, listed_cb, listing);
  return G_SOURCE_REMOVE;
}

void
wb_reminder_service_refresh (WbReminderService *self)
{
  g_return_if_fail (WB_IS_REMINDER_SERVICE (self));

  if (!self->enabled || self->store == NULL || self->refresh_source != 0)
    return;
  self->refresh_source = g_idle_add (refresh_cb, self);
}

/* Test hooks */

WbReminderScheduler *
wb_reminder_service_get_scheduler (WbReminderService *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SERVICE (self), NULL);

  return self->scheduler;
}

WbReminderNotifier *
wb_reminder_service_get_notifier (WbReminderService *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SERVICE (self), NULL);

  return self->notifier;
}

guint
wb_reminder_service_get_n_refreshed (WbReminderService *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_SERVICE (self), 0);

  return self->n_refreshed;
}
