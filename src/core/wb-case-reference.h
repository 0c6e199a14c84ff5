/* wb-case-reference.h: case references of the form OT-2026-0042.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WB_CASE_REFERENCE_MIN_YEAR     2000
#define WB_CASE_REFERENCE_MAX_YEAR     2999
#define WB_CASE_REFERENCE_MAX_SEQUENCE 9999

gboolean  wb_case_reference_parse    (const char         *reference,
                                      guint              *year,
                                      guint              *sequence);
gboolean  wb_case_reference_is_valid (const char         *reference);
char     *wb_case_reference_new      (guint               year,
                                      guint               sequence);
char     *wb_case_reference_next     (const char * const *existing,
                                      guint               year);

G_END_DECLS
