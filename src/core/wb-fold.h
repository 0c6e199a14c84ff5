/* wb-fold.h: folding text for accent- and case-insensitive search.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *wb_fold_for_search (const char *s);
gboolean  wb_fold_matches    (const char *folded_haystack,
                              const char *folded_needle);

G_END_DECLS
