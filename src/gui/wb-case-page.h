/* wb-case-page.h: one case: header, sections, timeline, and the actions on it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wb-core.h"
#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_CASE_PAGE (wb_case_page_get_type ())

G_DECLARE_FINAL_TYPE (WbCasePage, wb_case_page, WB, CASE_PAGE, GtkWidget)

void        wb_case_page_set_store     (WbCasePage       *self,
                                        WbStore          *store);
/* Reads the case on the store's worker (audited as a view) and shows it. */
void        wb_case_page_load          (WbCasePage       *self,
                                        const char       *case_id);
/* Forgets the case and every widget that showed it. */
void        wb_case_page_clear         (WbCasePage       *self);
const char *wb_case_page_get_case_id   (WbCasePage       *self);
/* "loading", "error" or "case". */
const char *wb_case_page_get_state     (WbCasePage       *self);
/* Whether a change is being written. */
gboolean    wb_case_page_get_busy      (WbCasePage       *self);
WbCase     *wb_case_page_get_case      (WbCasePage       *self);
/* (element-type WbTimelineEntry): the entries, newest first */
GPtrArray  *wb_case_page_get_timeline  (WbCasePage       *self);

/* What the page's forms and dialogs do; one store transaction each. */
void        wb_case_page_add_entry     (WbCasePage       *self,
                                        WbTimelineKind    kind,
                                        WbContactChannel  channel,
                                        GDateTime        *when,
                                        const char       *text);
void        wb_case_page_change_status (WbCasePage       *self,
                                        WbCaseStatus      status,
                                        const char       *reason);
void        wb_case_page_edit_entry    (WbCasePage       *self,
                                        const char       *entry_id,
                                        const char       *text);
void        wb_case_page_close_case    (WbCasePage       *self,
                                        const char       *summary,
                                        gboolean          cancel_follow_ups);
gboolean    wb_case_page_export_pdf    (WbCasePage       *self,
                                        const char       *filename,
                                        GError          **error);

G_END_DECLS
