/* wb-needs.h: the support a reporter asks for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_NEEDS (wb_needs_get_type ())

G_DECLARE_FINAL_TYPE (WbNeeds, wb_needs, WB, NEEDS, GObject)

WbNeeds    *wb_needs_new         (void);
const char *wb_needs_get_id      (WbNeeds *self);
const char *wb_needs_get_case_id (WbNeeds *self);
void        wb_needs_set_case_id (WbNeeds    *self,
                                  const char *case_id);
WbNeed      wb_needs_get_needs   (WbNeeds *self);
void        wb_needs_set_needs   (WbNeeds *self,
                                  WbNeed   needs);
const char *wb_needs_get_details (WbNeeds *self);
void        wb_needs_set_details (WbNeeds    *self,
                                  const char *details);
GBytes     *wb_needs_serialize   (WbNeeds *self);
WbNeeds    *wb_needs_deserialize (GBytes  *bytes,
                                  GError **error);
gboolean    wb_needs_validate    (WbNeeds   *self,
                                  GPtrArray *issues);
gboolean    wb_needs_check       (WbNeeds  *self,
                                  GError  **error);

G_END_DECLS
