/* wb-reminder-notifier.c: turns due follow-ups into desktop popups (libnotify).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "wb-reminder-notifier-private.h"

/* Not one of the specification's categories, so a vendor one ("x-…"), as the
 * specification asks. */
#define CATEGORY "x-weerbaar.followup"
#define SNOOZE_HOUR_SECONDS 3600
/* "Tomorrow" means tomorrow morning, when the office opens. */
#define TOMORROW_HOUR 9
#define SUMMARY_KEY ""

struct _WbReminderNotifier
{
  GObject      parent_instance;

  /* follow-up id (or SUMMARY_KEY) → the NotifyNotification on screen, so a
   * new announcement replaces the old popup instead of piling up. */
  GHashTable  *shown;
  gboolean     names_in_popups;
  guint        snooze_minutes;
  /* Unknown until the first popup: whether the server reads body markup. */
  int          body_markup;

  WbClockFunc  clock_func;
  gpointer     clock_data;
};

G_DEFINE_FINAL_TYPE (WbReminderNotifier, wb_reminder_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAMES_IN_POPUPS,
  PROP_SNOOZE_MINUTES,
  N_PROPS
};

enum {
  OPEN_REQUESTED,
  SNOOZE_REQUESTED,
  DONE_REQUESTED,
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
server_reads_markup (WbReminderNotifier *self)
{
  if (self->body_markup < 0)
    {
      GList *caps = notify_get_server_caps ();

      self->body_markup = g_list_find_custom (caps, "body-markup", (GCompareFunc) g_strcmp0) != NULL;
      g_list_free_full (caps, g_free);
    }

  return self->body_markup;
}

/* Names and references are the user's text: escape them where the server
 * would read them as markup. */
static char *
body_text (WbReminderNotifier *self,
           const char         *text)
{
  return server_reads_markup (self) ? g_markup_escape_text (text, -1) : g_strdup (text);
}

static guint
seconds_until_tomorrow (WbReminderNotifier *self)
{
  gint64 now_usec = self->clock_func (self->clock_data);
  g_autoptr(GDateTime) now_utc = date_time_from_usec (now_usec);
  g_autoptr(GDateTime) now = g_date_time_to_local (now_utc);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (day),
                                                        g_date_time_get_month (day),
                                                        g_date_time_get_day_of_month (day),
                                                        TOMORROW_HOUR, 0, 0);
  GTimeSpan span = g_date_time_difference (morning, now);

  return (guint) MAX (span / G_USEC_PER_SEC, 60);
}

/* Callbacks */

static void
action_invoked_cb (NotifyNotification *notification,
                   char               *action,
                   gpointer            user_data)
{
  WbReminderNotifier *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (notification), "wb-follow-up-id");

  if (g_str_equal (action, "default") || g_str_equal (action, "open"))
    g_signal_emit (self, signals[OPEN_REQUESTED], 0, id,
                   notify_notification_get_activation_token (notification));
  else if (id == NULL)
    return;
  else if (g_str_equal (action, "later-hour"))
    g_signal_emit (self, signals[SNOOZE_REQUESTED], 0, id, self->snooze_minutes * 60);
  else if (g_str_equal (action, "later-tomorrow"))
    g_signal_emit (self, signals[SNOOZE_REQUESTED], 0, id, seconds_until_tomorrow (self));
  else if (g_str_equal (action, "done"))
    g_signal_emit (self, signals[DONE_REQUESTED], 0, id);
}

static void
notification_closed_cb (WbReminderNotifier *self,
                        NotifyNotification *notification)
{
  const char *id = g_object_get_data (G_OBJECT (notification), "wb-follow-up-id");
  const char *key = id != NULL ? id : SUMMARY_KEY;

  if (g_hash_table_lookup (self->shown, key) == notification)
    g_hash_table_remove (self->shown, key);
}

/* Popups */

static void
show_popup (WbReminderNotifier *self,
            const char         *follow_up_id,
            const char         *summary,
            const char         *body)
{
  const char *key = follow_up_id != NULL ? follow_up_id : SUMMARY_KEY;
  NotifyNotification *notification = g_hash_table_lookup (self->shown, key);
  g_autoptr(GError) error = NULL;

  if (notification == NULL)
    {
      notification = notify_notification_new (summary, body, APP_ID);
      g_object_set_data_full (G_OBJECT (notification), "wb-follow-up-id",
                              g_strdup (follow_up_id), g_free);
      g_signal_connect_object (notification, "closed",
                               G_CALLBACK (notification_closed_cb), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->shown, g_strdup (key), notification);
    }
  else
    {
      /* Same id as before: the server replaces the popup in place. */
      notify_notification_update (notification, summary, body, APP_ID);
      notify_notification_clear_actions (notification);
    }

  /* NORMAL also when long overdue: CRITICAL popups pass "Do not disturb"
   * and stay until dismissed, which is for emergencies, and would put a
   * case reference on screen during a shared presentation. */
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category (notification, CATEGORY);
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_DEFAULT);

  /* "default" is a click on the popup itself. GNOME Shell shows at most
   * three buttons, so "Open" goes last: the click opens as well. */
  notify_notification_add_action (notification, "default", _("Open"),
                                  action_invoked_cb, self, NULL);
  if (follow_up_id != NULL)
    {
      g_autofree char *later = NULL;

      if (self->snooze_minutes == SNOOZE_HOUR_SECONDS / 60)
        /* Translators: postpones a reminder by one hour. */
        later = g_strdup (_("Later (1 hour)"));
      else
        /* Translators: postpones a reminder by the default snooze of the
         * preferences; %u is a number of minutes. */
        later = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Later (%u minute)",
                                              "Later (%u minutes)", self->snooze_minutes),
                                 self->snooze_minutes);
      notify_notification_add_action (notification, "later-hour", later,
                                      action_invoked_cb, self, NULL);
      /* Translators: postpones a reminder to tomorrow morning. */
      notify_notification_add_action (notification, "later-tomorrow", _("Tomorrow"),
                                      action_invoked_cb, self, NULL);
      /* Translators: marks a follow-up as carried out. */
      notify_notification_add_action (notification, "done", _("Done"),
                                      action_invoked_cb, self, NULL);
    }
  notify_notification_add_action (notification, "open", _("Open"),
                                  action_invoked_cb, self, NULL);

  if (!notify_notification_show (notification, &error))
    g_message ("Reminders: could not show a popup: %s", error->message);
}

static void
show_item (WbReminderNotifier *self,
           const WbDueItem    *item)
{
  const char *reference = wb_due_item_get_case_reference (item);
  const char *name = wb_due_item_get_person_name (item);
  g_autofree char *body = NULL;

  if (reference == NULL)
    {
      /* Locked, or nothing known: say nothing about whom. */
      body = g_strdup (_("A follow-up is planned. Open Weerbaar to see it."));
    }
  else if (self->names_in_popups && name != NULL && *name != '\0')
    {
      g_autofree char *escaped_name = body_text (self, name);
      g_autofree char *escaped_reference = body_text (self, reference);

      /* Translators: %1$s is a person's name, %2$s a case reference. */
      body = g_strdup_printf (_("A follow-up with %1$s for case %2$s is due."),
                              escaped_name, escaped_reference);
    }
  else
    {
      g_autofree char *escaped_reference = body_text (self, reference);

      /* Translators: %s is a case reference such as WB-2024-0042. */
      body = g_strdup_printf (_("A follow-up for case %s is due."), escaped_reference);
    }

  /* Translators: title of a reminder popup for one follow-up. */
  show_popup (self, wb_due_item_get_follow_up_id (item), _("Follow-up due"), body);
}

static void
show_summary (WbReminderNotifier *self,
              guint               count)
{
  g_autofree char *summary = NULL;

  /* Translators: title of one popup for several follow-ups due at once. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u follow-up is due",
                                          "%u follow-ups are due",
                                          count),
                             count);
  show_popup (self, NULL, summary, _("Open Weerbaar to see them."));
}

/* GObject */

static void
wb_reminder_notifier_dispose (GObject *object)
{
  WbReminderNotifier *self = WB_REMINDER_NOTIFIER (object);

  if (self->shown != NULL)
    wb_reminder_notifier_withdraw_all (self);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (wb_reminder_notifier_parent_class)->dispose (object);
}

static void
wb_reminder_notifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WbReminderNotifier *self = WB_REMINDER_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_NAMES_IN_POPUPS:
      g_value_set_boolean (value, self->names_in_popups);
      break;

    case PROP_SNOOZE_MINUTES:
      g_value_set_uint (value, self->snooze_minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_reminder_notifier_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WbReminderNotifier *self = WB_REMINDER_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_NAMES_IN_POPUPS:
      wb_reminder_notifier_set_names_in_popups (self, g_value_get_boolean (value));
      break;

    case PROP_SNOOZE_MINUTES:
      wb_reminder_notifier_set_snooze_minutes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_reminder_notifier_class_init (WbReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wb_reminder_notifier_dispose;
  object_class->get_property = wb_reminder_notifier_get_property;
  object_class->set_property = wb_reminder_notifier_set_property;

  /* Bind to the "names-in-popups" setting. Names are shown only with a
   * case reference, that is while the vault is unlocked. */
  properties[PROP_NAMES_IN_POPUPS] =
    g_param_spec_boolean ("names-in-popups", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Bind to the "default-snooze-minutes" setting: what "Later" postpones. */
  properties[PROP_SNOOZE_MINUTES] =
    g_param_spec_uint ("snooze-minutes", NULL, NULL,
                       1, 60 * 24 * 7, SNOOZE_HOUR_SECONDS / 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WbReminderNotifier::open-requested:
   * @follow_up_id: (nullable): the follow-up, or NULL for the summary popup
   * @activation_token: (nullable): for gtk_window_set_startup_id()
   */
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * WbReminderNotifier::snooze-requested:
   * @follow_up_id: the follow-up
   * @seconds: how long from now to postpone it
   */
  signals[SNOOZE_REQUESTED] =
    g_signal_new ("snooze-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_UINT);

  /**
   * WbReminderNotifier::done-requested:
   * @follow_up_id: the follow-up
   */
  signals[DONE_REQUESTED] =
    g_signal_new ("done-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
wb_reminder_notifier_init (WbReminderNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->body_markup = -1;
  self->snooze_minutes = SNOOZE_HOUR_SECONDS / 60;
  self->clock_func = real_clock;
}

WbReminderNotifier *
wb_reminder_notifier_new (void)
{
  /* The one place that initialises libnotify for the process. */
  if (!notify_is_initted ())
    notify_init (PACKAGE_NAME);

  return g_object_new (WB_TYPE_REMINDER_NOTIFIER, NULL);
}

gboolean
wb_reminder_notifier_get_names_in_popups (WbReminderNotifier *self)
{
  g_return_val_if_fail (WB_IS_REMINDER_NOTIFIER (self), FALSE);

  return self->names_in_popups;
}

void
wb_reminder_notifier_set_names_in_popups (WbReminderNotifier *self,
                                          gboolean            names_in_popups)
{
  g_return_if_fail (WB_IS_REMINDER_NOTIFIER (self));

  names_in_popups = !!names_in_popups;
  if (self->names_in_popups == names_in_popups)
    return;

  self->names_in_popups = names_in_popups;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMES_IN_POPUPS]);
}

void
wb_reminder_notifier_set_snooze_minutes (WbReminderNotifier *self,
                                         guint               snooze_minutes)
{
  g_return_if_fail (WB_IS_REMINDER_NOTIFIER (self));
  g_return_if_fail (snooze_minutes > 0);

  if (self->snooze_minutes == snooze_minutes)
    return;

  self->snooze_minutes = snooze_minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNOOZE_MINUTES]);
}

/**
 * wb_reminder_notifier_show_due:
 * @items: (element-type WbDueItem): follow-ups that fell due together
 *
 * One popup per item, or one summary popup when more than
 * %WB_REMINDER_NOTIFIER_MAX_POPUPS fall due together. Connect it to
 * WbReminderScheduler::due.
 */
void
wb_reminder_notifier_show_due (WbReminderNotifier *self,
                               GPtrArray          *items)
{
  g_return_if_fail (WB_IS_REMINDER_NOTIFIER (self));
  g_return_if_fail (items != NULL);

  if (items->len > WB_REMINDER_NOTIFIER_MAX_POPUPS)
    {
      show_summary (self, items->len);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    show_item (self, g_ptr_array_index (items, i));
}

/**
 * wb_reminder_notifier_withdraw_all:
 *
 * Closes every popup still on screen or in the message tray; call it when
 * the vault locks, so no case reference stays visible.
 */
void
wb_reminder_notifier_withdraw_all (WbReminderNotifier *self)
{
  GList *notifications;

  g_return_if_fail (WB_IS_REMINDER_NOTIFIER (self));

  notifications = g_hash_table_get_values (self->shown);
  /* Our own references: the table drops its own before the slow closing. */
  for (GList *l = notifications; l != NULL; l = l->next)
    g_object_ref (l->data);
  g_hash_table_remove_all (self->shown);

  for (GList *l = notifications; l != NULL; l = l->next)
    {
      NotifyNotification *notification = l->data;
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (notification, self);
      notify_notification_clear_actions (notification);
      if (!notify_notification_close (notification, &error))
        g_debug ("Reminders: could not close a popup: %s", error->message);
    }
  g_list_free_full (notifications, g_object_unref);
}

/* Test hooks */

void
wb_reminder_notifier_set_clock (WbReminderNotifier *self,
                                WbClockFunc         clock_func,
                                gpointer            user_data)
{
  g_return_if_fail (WB_IS_REMINDER_NOTIFIER (self));

  self->clock_func = clock_func != NULL ? clock_func : real_clock;
  self->clock_data = clock_func != NULL ? user_data : NULL;
}

/* The server's id of the popup for @follow_up_id (NULL: the summary), or 0. */
int
wb_reminder_notifier_get_notification_id (WbReminderNotifier *self,
                                          const char         *follow_up_id)
{
  NotifyNotification *notification;
  int id = 0;

  g_return_val_if_fail (WB_IS_REMINDER_NOTIFIER (self), 0);

  notification = g_hash_table_lookup (self->shown, follow_up_id != NULL ? follow_up_id : SUMMARY_KEY);
  if (notification != NULL)
    g_object_get (notification, "id", &id, NULL);

  return id;
}
