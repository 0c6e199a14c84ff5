/* wb-inzage-export.h: the case page's “Export Request for Access…” (inzageverzoek), as PDF or JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-case-page.h"
#include "wb-inzage.h"

G_BEGIN_DECLS

void      wb_case_page_class_init_inzage    (GtkWidgetClass       *widget_class);

/* Collects on the store's worker (audited there) and writes @path, mode
 * 0600: a readable PDF when @pdf, else the complete JSON. */
void      wb_case_page_export_inzage_async  (WbCasePage           *self,
                                             const char           *path,
                                             gboolean              pdf,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  wb_case_page_export_inzage_finish (WbCasePage           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* The PDF's pages, for the export and tests. */
GBytes   *wb_inzage_render_pdf              (WbInzage             *inzage,
                                             GDateTime            *exported);

G_END_DECLS
