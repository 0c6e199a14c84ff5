/* wb-retention.c: when a closed case has been kept long enough (AVG retention).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case is past retention when it is closed and its retention period, in
 * calendar months of Europe/Amsterdam, has run from the moment it was
 * closed. Open cases never are. The moment of closing is the case's last
 * change while closed (WbCase:updated): a change after closing restarts
 * the period, which errs on the side of keeping rather than losing.
 */
#include "config.h"

#include "wb-consent.h"
#include "wb-due.h"
#include "wb-retention.h"

void
wb_retention_item_free (WbRetentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->case_id);
  g_free (item->reference);
  g_free (item);
}

/**
 * wb_retention_expires:
 * @closed: when the case was closed
 * @months: the retention period
 *
 * Adds @months calendar months in Europe/Amsterdam: the same wall-clock
 * time, the day clamped to the end of a shorter month (31 January + 1
 * month is the last day of February), across daylight saving time.
 *
 * Returns: (transfer full): the moment the period ends
 */
GDateTime *
wb_retention_expires (GDateTime *closed,
                      guint      months)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (closed != NULL, NULL);

  local = g_date_time_to_timezone (closed, wb_due_get_time_zone ());
  return g_date_time_add_months (local, (int) MIN (months, (guint) WB_CONSENT_MAX_RETENTION_MONTHS));
}

/**
 * wb_retention_is_past:
 * @status: the case's status
 * @closed: (nullable): when the case was closed
 * @months: its retention period
 * @now: the current time
 *
 * Returns: whether the case is closed and kept for @months or longer
 */
gboolean
wb_retention_is_past (WbCaseStatus  status,
                      GDateTime    *closed,
                      guint         months,
                      GDateTime    *now)
{
  g_autoptr(GDateTime) expires = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  if (status != WB_CASE_STATUS_CLOSED || closed == NULL)
    return FALSE;
  expires = wb_retention_expires (closed, months);
  return expires != NULL && g_date_time_compare (expires, now) <= 0;
}

/**
 * wb_retention_months_for:
 * @consent_months: the period agreed at intake (WbConsent), 0 if none
 * @default_months: the default of Voorkeuren
 *
 * Returns: the retention period of a case
 */
guint
wb_retention_months_for (guint consent_months,
                         guint default_months)
{
  guint months = consent_months > 0 ? consent_months : default_months;

  if (months == 0)
    months = WB_RETENTION_DEFAULT_MONTHS;
  return MIN (months, (guint) WB_CONSENT_MAX_RETENTION_MONTHS);
}

/**
 * wb_retention_draft_is_stale:
 * @updated: when the draft was last written
 * @now: the current time
 *
 * Days are calendar days of Europe/Amsterdam (the same wall-clock time
 * across daylight saving time), as for cases.
 *
 * Returns: whether the draft was last written more than
 *   %WB_RETENTION_DRAFT_DAYS days before @now
 */
gboolean
wb_retention_draft_is_stale (GDateTime *updated,
                             GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (updated != NULL && now != NULL, FALSE);

  local = g_date_time_to_timezone (updated, wb_due_get_time_zone ());
  until = g_date_time_add_days (local, WB_RETENTION_DRAFT_DAYS);
  return until != NULL && g_date_time_compare (until, now) < 0;
}
