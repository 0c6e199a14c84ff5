/* wb-area-picker.h: an entry that finds a municipality, province or safety region by name.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WB_TYPE_AREA_PICKER (wb_area_picker_get_type ())

G_DECLARE_FINAL_TYPE (WbAreaPicker, wb_area_picker, WB, AREA_PICKER, GtkBox)

GtkWidget *wb_area_picker_new              (void);
void       wb_area_picker_set_entry_name   (WbAreaPicker *self,
                                            const char   *name);
GtkEntry  *wb_area_picker_get_entry        (WbAreaPicker *self);
void       wb_area_picker_clear            (WbAreaPicker *self);

G_END_DECLS
