/* wb-inbox-filter.h: which cases the inbox shows, and in what order.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-enums.h"

G_BEGIN_DECLS

/* The fields of one case the rules look at; strings are borrowed and never
 * NULL-checked beyond "" (the store's index rows fill it without copying).
 * Times are microseconds since the epoch, 0 if unknown. */
typedef struct
{
  const char    *reference;
  WbCaseStatus   status;
  WbUrgency      urgency;
  WbAssociation  association;
  const char    *assignee;       /* account id, or "" */
  const char    *municipality;   /* area code, or "" */
  const char    *search_text;    /* folded with wb_fold_for_search() */
  gint64         created;
  gint64         next_due;       /* earliest open follow-up, or 0 */
  gint64         last_activity;
} WbInboxCase;

/* Which statuses a filter lets through. */
typedef enum
{
  WB_INBOX_STATUS_OPEN = -2,     /* every status but closed */
  WB_INBOX_STATUS_ANY = -1,
} WbInboxStatusChoice;

typedef struct _WbInboxFilter WbInboxFilter;

WbInboxFilter *wb_inbox_filter_new              (void);
void           wb_inbox_filter_free             (WbInboxFilter     *filter);

/* Each setter returns whether the filter changed. */
gboolean       wb_inbox_filter_set_query        (WbInboxFilter     *filter,
                                                 const char        *query);
const char    *wb_inbox_filter_get_query        (WbInboxFilter     *filter);
gboolean       wb_inbox_filter_set_status       (WbInboxFilter     *filter,
                                                 int                status);
gboolean       wb_inbox_filter_set_urgency      (WbInboxFilter     *filter,
                                                 int                urgency);
gboolean       wb_inbox_filter_set_association  (WbInboxFilter     *filter,
                                                 int                association);
gboolean       wb_inbox_filter_set_assignee     (WbInboxFilter     *filter,
                                                 const char        *account_id);
gboolean       wb_inbox_filter_set_area         (WbInboxFilter     *filter,
                                                 const char        *area_code);
gboolean       wb_inbox_filter_set_mine         (WbInboxFilter     *filter,
                                                 const char        *my_account_id);
gboolean       wb_inbox_filter_set_overdue_only (WbInboxFilter     *filter,
                                                 gboolean           overdue_only);
void           wb_inbox_filter_set_now          (WbInboxFilter     *filter,
                                                 gint64             now);

gboolean       wb_inbox_filter_matches          (WbInboxFilter     *filter,
                                                 const WbInboxCase *c);

gboolean       wb_inbox_case_is_open            (const WbInboxCase *c);
gboolean       wb_inbox_case_is_overdue         (const WbInboxCase *c,
                                                 gint64             now);

/* The default order: urgency first (acute, high, normal), open before
 * closed, then the oldest case first; the reference breaks ties. */
int            wb_inbox_compare_default         (const WbInboxCase *a,
                                                 const WbInboxCase *b);

typedef enum
{
  WB_INBOX_COLUMN_REFERENCE,
  WB_INBOX_COLUMN_URGENCY,
  WB_INBOX_COLUMN_STATUS,
  WB_INBOX_COLUMN_CREATED,
  WB_INBOX_COLUMN_NEXT_DUE,
  WB_INBOX_COLUMN_LAST_ACTIVITY,
} WbInboxColumn;

/* Ascending order of one column; no next follow-up sorts last. */
int            wb_inbox_compare_column          (WbInboxColumn      column,
                                                 const WbInboxCase *a,
                                                 const WbInboxCase *b);
/* Case-insensitive natural order of two labels ("OT-2026-9" < "OT-2026-10"). */
int            wb_inbox_compare_text            (const char        *a,
                                                 const char        *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbInboxFilter, wb_inbox_filter_free)

G_END_DECLS
