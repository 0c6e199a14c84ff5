/* wb-store-case.h: one case with everything that belongs to it, and audit entries, for the case page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-store.h"

G_BEGIN_DECLS

/* Reads the case record and every record that points at it (people,
 * incidents, needs, consent, follow-ups, timeline) in one worker job, and
 * appends a "view" entry to the audit log. The result holds WbStoreRecord
 * items, the case first; a record that cannot be opened is left out. */
void        wb_store_load_case_async   (WbStore             *self,
                                        const char          *case_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GPtrArray  *wb_store_load_case_finish  (WbStore             *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Appends one entry to the audit log (a view, an export): @action is a short
 * word, @detail names no person. */
void        wb_store_audit_async       (WbStore             *self,
                                        const char          *action,
                                        const char          *kind,
                                        const WbRecordId    *id,
                                        const char          *detail,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    wb_store_audit_finish      (WbStore             *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
