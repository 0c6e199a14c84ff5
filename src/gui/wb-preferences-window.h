/* wb-preferences-window.h: Voorkeuren.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_PREFERENCES_WINDOW (wb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WbPreferencesWindow, wb_preferences_window, WB, PREFERENCES_WINDOW, AdwPreferencesWindow)

WbPreferencesWindow *wb_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings,
                                                WbStore   *store);

G_END_DECLS
