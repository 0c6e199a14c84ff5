/* wb-record-id.h: random record ids.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Length of the ids made by wb_record_id_new(); longer ids of the store are fine. */
#define WB_RECORD_ID_LENGTH 32
#define WB_RECORD_ID_MAX_LENGTH 64

char     *wb_record_id_new      (void);
gboolean  wb_record_id_is_valid (const char *id);

G_END_DECLS
