/* wb-lock-monitor.c: tells when the vault should lock: idle, screen lock, suspend.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-lock-monitor.h"

struct _WbLockMonitor
{
  GObject          parent_instance;

  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  guint            screensaver_gnome_id;
  guint            screensaver_fdo_id;
  guint            logind_sleep_id;
  guint            logind_lock_id;

  guint            idle_timeout;     /* seconds */
  gint64           last_input;       /* monotonic, µs */
  guint            idle_source;
  gboolean         armed;
};

G_DEFINE_FINAL_TYPE (WbLockMonitor, wb_lock_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDLE_TIMEOUT,
  PROP_ARMED,
  N_PROPS
};

enum {
  LOCK_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void arm_idle_timer (WbLockMonitor *self);

static void
request_lock (WbLockMonitor *self,
              WbLockReason   reason)
{
  if (!self->armed)
    return;
  g_signal_emit (self, signals[LOCK_REQUESTED], 0, reason);
}

/* The timer fires once per idle period; input only records a time stamp, so a
 * moving mouse costs nothing but a clock read. On expiry the timer checks how
 * long the user was really idle and re-arms for the remainder. */
static gboolean
idle_timeout_cb (gpointer user_data)
{
  WbLockMonitor *self = user_data;
  gint64 idle_us = g_get_monotonic_time () - self->last_input;

  self->idle_source = 0;

  if (idle_us >= (gint64) self->idle_timeout * G_USEC_PER_SEC)
    request_lock (self, WB_LOCK_REASON_IDLE);
  else
    arm_idle_timer (self);

  return G_SOURCE_REMOVE;
}

static void
arm_idle_timer (WbLockMonitor *self)
{
  gint64 remaining_ms;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (!self->armed || self->idle_timeout == 0)
    return;

  remaining_ms = ((gint64) self->idle_timeout * G_USEC_PER_SEC
                  - (g_get_monotonic_time () - self->last_input)) / 1000;
  self->idle_source = g_timeout_add_full (G_PRIORITY_DEFAULT, MAX (remaining_ms, 0) + 1,
                                          idle_timeout_cb, self, NULL);
}

void
wb_lock_monitor_user_active (WbLockMonitor *self)
{
  g_return_if_fail (WB_IS_LOCK_MONITOR (self));

  self->last_input = g_get_monotonic_time ();
}

/* Callbacks */

static gboolean
input_cb (WbLockMonitor *self)
{
  wb_lock_monitor_user_active (self);
  return FALSE;
}

static void
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WbLockMonitor         *self)
{
  input_cb (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WbLockMonitor            *self)
{
  input_cb (self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            WbLockMonitor   *self)
{
  input_cb (self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WbLockMonitor            *self)
{
  input_cb (self);
  return FALSE;
}

static void
screensaver_active_changed_cb (GDBusConnection *connection,
                               const char      *sender,
                               const char      *path,
                               const char      *interface,
                               const char      *signal,
                               GVariant        *params,
                               gpointer         user_data)
{
  WbLockMonitor *self = user_data;
  gboolean active = FALSE;

  if (g_variant_is_of_type (params, G_VARIANT_TYPE ("(b)")))
    g_variant_get (params, "(b)", &active);
  if (active)
    request_lock (self, WB_LOCK_REASON_SCREEN_LOCKED);
}

static void
logind_prepare_for_sleep_cb (GDBusConnection *connection,
                             const char      *sender,
                             const char      *path,
                             const char      *interface,
                             const char      *signal,
                             GVariant        *params,
                             gpointer         user_data)
{
  WbLockMonitor *self = user_data;
  gboolean going_down = FALSE;

  if (g_variant_is_of_type (params, G_VARIANT_TYPE ("(b)")))
    g_variant_get (params, "(b)", &going_down);
  if (going_down)
    request_lock (self, WB_LOCK_REASON_SUSPEND);
}

static void
logind_session_lock_cb (GDBusConnection *connection,
                        const char      *sender,
                        const char      *path,
                        const char      *interface,
                        const char      *signal,
                        GVariant        *params,
                        gpointer         user_data)
{
  /* Any session's Lock: locking too often is safe, too rarely is not. */
  request_lock (WB_LOCK_MONITOR (user_data), WB_LOCK_REASON_SCREEN_LOCKED);
}

/* API */

void
wb_lock_monitor_watch_widget (WbLockMonitor *self,
                              GtkWidget     *widget)
{
  GtkEventController *controller;

  g_return_if_fail (WB_IS_LOCK_MONITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

guint
wb_lock_monitor_get_idle_timeout (WbLockMonitor *self)
{
  g_return_val_if_fail (WB_IS_LOCK_MONITOR (self), 0);

  return self->idle_timeout;
}

void
wb_lock_monitor_set_idle_timeout (WbLockMonitor *self,
                                  guint          seconds)
{
  g_return_if_fail (WB_IS_LOCK_MONITOR (self));

  if (self->idle_timeout == seconds)
    return;
  self->idle_timeout = seconds;
  arm_idle_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

gboolean
wb_lock_monitor_get_armed (WbLockMonitor *self)
{
  g_return_val_if_fail (WB_IS_LOCK_MONITOR (self), FALSE);

  return self->armed;
}

/* Armed while the vault is unlocked: there is nothing to lock otherwise. */
void
wb_lock_monitor_set_armed (WbLockMonitor *self,
                           gboolean       armed)
{
  g_return_if_fail (WB_IS_LOCK_MONITOR (self));

  armed = !!armed;
  if (self->armed == armed)
    return;
  self->armed = armed;
  self->last_input = g_get_monotonic_time ();
  arm_idle_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARMED]);
}

/* GObject */

static void
wb_lock_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WbLockMonitor *self = WB_LOCK_MONITOR (object);

  switch (prop_id)
    {
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;
    case PROP_ARMED:
      g_value_set_boolean (value, self->armed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_lock_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WbLockMonitor *self = WB_LOCK_MONITOR (object);

  switch (prop_id)
    {
    case PROP_IDLE_TIMEOUT:
      wb_lock_monitor_set_idle_timeout (self, g_value_get_uint (value));
      break;
    case PROP_ARMED:
      wb_lock_monitor_set_armed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unsubscribe (GDBusConnection *bus,
             guint           *id)
{
  if (*id != 0 && bus != NULL)
    g_dbus_connection_signal_unsubscribe (bus, *id);
  *id = 0;
}

static void
wb_lock_monitor_dispose (GObject *object)
{
  WbLockMonitor *self = WB_LOCK_MONITOR (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  unsubscribe (self->session_bus, &self->screensaver_gnome_id);
  unsubscribe (self->session_bus, &self->screensaver_fdo_id);
  unsubscribe (self->system_bus, &self->logind_sleep_id);
  unsubscribe (self->system_bus, &self->logind_lock_id);
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (wb_lock_monitor_parent_class)->dispose (object);
}

static void
wb_lock_monitor_class_init (WbLockMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = wb_lock_monitor_get_property;
  object_class->set_property = wb_lock_monitor_set_property;
  object_class->dispose = wb_lock_monitor_dispose;

  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL, 0, G_MAXUINT, 300,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARMED] =
    g_param_spec_boolean ("armed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* WbLockMonitor::lock-requested (reason as int: WbLockReason) */
  signals[LOCK_REQUESTED] =
    g_signal_new ("lock-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
wb_lock_monitor_init (WbLockMonitor *self)
{
  self->idle_timeout = 300;
  self->last_input = g_get_monotonic_time ();
}

/* Either bus may be NULL (no session or system bus here): that source of
 * lock requests is then simply absent. */
WbLockMonitor *
wb_lock_monitor_new (GDBusConnection *session_bus,
                     GDBusConnection *system_bus)
{
  WbLockMonitor *self = g_object_new (WB_TYPE_LOCK_MONITOR, NULL);

  g_set_object (&self->session_bus, session_bus);

  if (session_bus != NULL)
    {
      self->screensaver_gnome_id =
        g_dbus_connection_signal_subscribe (session_bus, NULL, "org.gnome.ScreenSaver",
                                            "ActiveChanged", NULL, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                            screensaver_active_changed_cb, self, NULL);
      self->screensaver_fdo_id =
        g_dbus_connection_signal_subscribe (session_bus, NULL, "org.freedesktop.ScreenSaver",
                                            "ActiveChanged", NULL, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                            screensaver_active_changed_cb, self, NULL);
    }
  wb_lock_monitor_set_system_bus (self, system_bus);

  return self;
}

/* Subscribes to logind's suspend and session-lock signals on @system_bus;
 * the application connects to the system bus asynchronously and hands it
 * over when it is there, so the first frame does not wait for it. */
void
wb_lock_monitor_set_system_bus (WbLockMonitor   *self,
                                GDBusConnection *system_bus)
{
  g_return_if_fail (WB_IS_LOCK_MONITOR (self));

  if (self->system_bus == system_bus)
    return;
  unsubscribe (self->system_bus, &self->logind_sleep_id);
  unsubscribe (self->system_bus, &self->logind_lock_id);
  g_set_object (&self->system_bus, system_bus);
  if (system_bus == NULL)
    return;
  self->logind_sleep_id =
    g_dbus_connection_signal_subscribe (system_bus, NULL, "org.freedesktop.login1.Manager",
                                        "PrepareForSleep", "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        logind_prepare_for_sleep_cb, self, NULL);
  self->logind_lock_id =
    g_dbus_connection_signal_subscribe (system_bus, NULL, "org.freedesktop.login1.Session",
                                        "Lock", NULL, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        logind_session_lock_cb, self, NULL);
}
