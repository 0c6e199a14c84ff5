/* wb-application.h: the Weerbaar application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-lock-monitor.h"
#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_APPLICATION (wb_application_get_type ())

G_DECLARE_FINAL_TYPE (WbApplication, wb_application, WB, APPLICATION, AdwApplication)

WbApplication *wb_application_new          (void);
GSettings     *wb_application_get_settings     (WbApplication *self);
WbStore       *wb_application_get_store        (WbApplication *self);
WbLockMonitor *wb_application_get_lock_monitor (WbApplication *self);
gboolean       wb_application_get_store_ready  (WbApplication *self);
const GError  *wb_application_get_store_error  (WbApplication *self);

G_END_DECLS
