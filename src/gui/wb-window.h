/* wb-window.h: the main window with its four areas.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-application.h"

G_BEGIN_DECLS

#define WB_TYPE_WINDOW (wb_window_get_type ())

G_DECLARE_FINAL_TYPE (WbWindow, wb_window, WB, WINDOW, AdwApplicationWindow)

WbWindow   *wb_window_new       (WbApplication *application);
const char *wb_window_get_area  (WbWindow      *self);
void        wb_window_show_area (WbWindow      *self,
                                 const char    *area);
void        wb_window_open_case (WbWindow      *self,
                                 const char    *case_id);

G_END_DECLS
