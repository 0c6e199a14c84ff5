/* wb-triage.h: suggesting how urgent a new report is, and overriding that with a reason.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-enums.h"
#include "wb-incident.h"

G_BEGIN_DECLS

WbUrgency wb_triage_suggest        (WbIncident  *incident,
                                    GPtrArray  **out_reasons);
gboolean  wb_triage_override_check (WbUrgency    suggested,
                                    WbUrgency    chosen,
                                    const char  *reason,
                                    GError     **error);

G_END_DECLS
