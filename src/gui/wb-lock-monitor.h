/* wb-lock-monitor.h: tells when the vault should lock: idle, screen lock, suspend.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  WB_LOCK_REASON_IDLE,
  WB_LOCK_REASON_SCREEN_LOCKED,
  WB_LOCK_REASON_SUSPEND,
} WbLockReason;

#define WB_TYPE_LOCK_MONITOR (wb_lock_monitor_get_type ())

G_DECLARE_FINAL_TYPE (WbLockMonitor, wb_lock_monitor, WB, LOCK_MONITOR, GObject)

WbLockMonitor *wb_lock_monitor_new             (GDBusConnection *session_bus,
                                                GDBusConnection *system_bus);
void           wb_lock_monitor_set_system_bus  (WbLockMonitor   *self,
                                                GDBusConnection *system_bus);
void           wb_lock_monitor_watch_widget    (WbLockMonitor   *self,
                                                GtkWidget       *widget);
void           wb_lock_monitor_set_idle_timeout (WbLockMonitor  *self,
                                                 guint           seconds);
guint          wb_lock_monitor_get_idle_timeout (WbLockMonitor  *self);
void           wb_lock_monitor_set_armed       (WbLockMonitor   *self,
                                                gboolean         armed);
gboolean       wb_lock_monitor_get_armed       (WbLockMonitor   *self);
void           wb_lock_monitor_user_active     (WbLockMonitor   *self);

G_END_DECLS
