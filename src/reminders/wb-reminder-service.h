/* wb-reminder-service.h: feeds the reminder timer from the store and acts on the popups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_REMINDER_SERVICE (wb_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (WbReminderService, wb_reminder_service, WB, REMINDER_SERVICE, GObject)

WbReminderService *wb_reminder_service_new         (WbStore           *store,
                                                    GSettings         *settings);
gboolean           wb_reminder_service_get_enabled (WbReminderService *self);
void               wb_reminder_service_set_enabled (WbReminderService *self,
                                                    gboolean           enabled);
void               wb_reminder_service_refresh     (WbReminderService *self);

G_END_DECLS
