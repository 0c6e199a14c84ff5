/* wb-retention.h: when a closed case has been kept long enough (AVG retention).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-enums.h"

G_BEGIN_DECLS

/* The retention choices of Voorkeuren, in months. */
#define WB_RETENTION_DEFAULT_MONTHS 24

/* An intake draft (WbIntakeDraft) untouched for longer than this is
 * listed for removal: an intake is finished within days, and a month
 * leaves room for a holiday. A reporter's details must not stay in an
 * abandoned draft for good. */
#define WB_RETENTION_DRAFT_DAYS 30

/* One closed case that may be past its retention period, as the review
 * list shows it. Times are microseconds since the epoch. */
typedef struct
{
  char         *case_id;      /* 32 hex characters */
  char         *reference;
  WbCaseStatus  status;
  gint64        closed;       /* when it was closed (its last change) */
  guint         months;       /* its retention period */
  gint64        expires;      /* closed + months, Europe/Amsterdam calendar */
} WbRetentionItem;

void       wb_retention_item_free  (WbRetentionItem *item);

GDateTime *wb_retention_expires    (GDateTime       *closed,
                                    guint            months);
gboolean   wb_retention_is_past    (WbCaseStatus     status,
                                    GDateTime       *closed,
                                    guint            months,
                                    GDateTime       *now);
guint      wb_retention_months_for (guint            consent_months,
                                    guint            default_months);
gboolean   wb_retention_draft_is_stale (GDateTime   *updated,
                                        GDateTime   *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbRetentionItem, wb_retention_item_free)

G_END_DECLS
