/* wb-inzage.h: everything stored about one person, for an inzageverzoek (AVG right of access).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-case-index.h"
#include "wb-store.h"

G_BEGIN_DECLS

/* Who the person is: the reporter of the case the request starts from,
 * and every person record in any case with the same name (accent- and
 * case-insensitive) and the same phone number (digits only) or e-mail
 * address (case-insensitive). A reporter without phone or e-mail matches
 * only their own record: a name alone is not enough to hand someone
 * another case. Other people in those cases (partners, family) are left
 * out; the timeline and the other case records are included whole. */
typedef struct
{
  char      *reference;     /* the case the request came from */
  GPtrArray *people;        /* WbStoreRecord: the person's records */
  GPtrArray *cases;         /* GPtrArray of WbStoreRecord: case first, then its records */
} WbInzage;

void      wb_inzage_free           (WbInzage            *inzage);
char     *wb_inzage_to_json        (WbInzage            *inzage,
                                    GDateTime           *exported);
gboolean  wb_inzage_write_file     (const char          *path,
                                    const char          *contents,
                                    gsize                length,
                                    GError             **error);

/* Collects and appends an "export" entry to the audit log. */
WbInzage *wb_vault_collect_inzage  (WbVault             *vault,
                                    WbCaseIndex         *index,
                                    const WbRecordId    *case_id,
                                    GError             **error);

void      wb_store_collect_inzage_async  (WbStore             *self,
                                          const char          *case_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
WbInzage *wb_store_collect_inzage_finish (WbStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbInzage, wb_inzage_free)

G_END_DECLS
