/* wb-retention-page.h: Voorkeuren → Bewaartermijn: the default retention period and the closed cases past it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-store.h"

G_BEGIN_DECLS

#define WB_TYPE_RETENTION_PAGE (wb_retention_page_get_type ())

G_DECLARE_FINAL_TYPE (WbRetentionPage, wb_retention_page, WB, RETENTION_PAGE, AdwPreferencesPage)

GtkWidget *wb_retention_page_new            (GSettings       *settings,
                                             WbStore         *store);
/* For tests: the references listed, and checking one of them. */
GStrv      wb_retention_page_dup_references (WbRetentionPage *self);
gboolean   wb_retention_page_get_loading    (WbRetentionPage *self);
gboolean   wb_retention_page_set_checked    (WbRetentionPage *self,
                                             const char      *reference,
                                             gboolean         checked);
void       wb_retention_page_purge_checked  (WbRetentionPage *self);
/* The old intake drafts: their names as listed, checking one by id, and
 * removing the checked ones without the dialog. */
GStrv      wb_retention_page_dup_draft_names       (WbRetentionPage *self);
gboolean   wb_retention_page_set_draft_checked     (WbRetentionPage *self,
                                                    const char      *draft_id,
                                                    gboolean         checked);
void       wb_retention_page_remove_checked_drafts (WbRetentionPage *self);

G_END_DECLS
