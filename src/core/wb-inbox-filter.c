/* wb-inbox-filter.c: which cases the inbox shows, and in what order.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These run once per case for every keystroke in the search field, over up
 * to 100,000 cases: no allocation per case, the query is folded once.
 */
#include "config.h"

#include <string.h>

#include "wb-fold.h"
#include "wb-inbox-filter.h"
#include "wb-regions.h"

struct _WbInboxFilter
{
  char     *query;
  char    **words;                /* folded, non-empty */
  int       status;
  int       urgency;
  int       association;
  char     *assignee;
  char     *area;
  WbAreaKind area_kind;
  char     *me;
  gboolean  overdue_only;
  gint64    now;
};

WbInboxFilter *
wb_inbox_filter_new (void)
{
  WbInboxFilter *filter = g_new0 (WbInboxFilter, 1);

  filter->words = g_new0 (char *, 1);
  filter->status = WB_INBOX_STATUS_ANY;
  filter->urgency = -1;
  filter->association = -1;
  filter->now = g_get_real_time ();
  return filter;
}

void
wb_inbox_filter_free (WbInboxFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->query);
  g_strfreev (filter->words);
  g_free (filter->assignee);
  g_free (filter->area);
  g_free (filter->me);
  g_free (filter);
}

static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
replace_int (int *field,
             int  value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

/* Every word of the query must occur somewhere, in any order. */
gboolean
wb_inbox_filter_set_query (WbInboxFilter *filter,
                           const char    *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  GPtrArray *words;

  g_return_val_if_fail (filter != NULL, FALSE);

  if (!replace_str (&filter->query, query))
    return FALSE;
  folded = wb_fold_for_search (filter->query ? filter->query : "");
  parts = g_strsplit_set (folded, " \t\n", -1);
  words = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);
  g_strfreev (filter->words);
  filter->words = (char **) g_ptr_array_free (words, FALSE);
  return TRUE;
}

const char *
wb_inbox_filter_get_query (WbInboxFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  return filter->query ? filter->query : "";
}

gboolean
wb_inbox_filter_set_status (WbInboxFilter *filter,
                            int            status)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (status >= WB_INBOX_STATUS_OPEN && status <= WB_CASE_STATUS_CLOSED, FALSE);
  return replace_int (&filter->status, status);
}

gboolean
wb_inbox_filter_set_urgency (WbInboxFilter *filter,
                             int            urgency)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  return replace_int (&filter->urgency, urgency < 0 ? -1 : urgency);
}

gboolean
wb_inbox_filter_set_association (WbInboxFilter *filter,
                                 int            association)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  return replace_int (&filter->association, association < 0 ? -1 : association);
}

gboolean
wb_inbox_filter_set_assignee (WbInboxFilter *filter,
                              const char    *account_id)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  return replace_str (&filter->assignee, account_id);
}

/* A province (PV…), a safety region (VR…) or one municipality (GM…); an
 * unknown code lets nothing through rather than everything. */
gboolean
wb_inbox_filter_set_area (WbInboxFilter *filter,
                          const char    *area_code)
{
  const WbArea *area;

  g_return_val_if_fail (filter != NULL, FALSE);

  if (!replace_str (&filter->area, area_code))
    return FALSE;
  area = wb_regions_lookup (filter->area);
  filter->area_kind = area ? wb_area_get_kind (area) : WB_AREA_KIND_COUNTRY;
  return TRUE;
}

gboolean
wb_inbox_filter_set_mine (WbInboxFilter *filter,
                          const char    *my_account_id)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  return replace_str (&filter->me, my_account_id);
}

gboolean
wb_inbox_filter_set_overdue_only (WbInboxFilter *filter,
                                  gboolean       overdue_only)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  if (filter->overdue_only == !!overdue_only)
    return FALSE;
  filter->overdue_only = !!overdue_only;
  return TRUE;
}

void
wb_inbox_filter_set_now (WbInboxFilter *filter,
                         gint64         now)
{
  g_return_if_fail (filter != NULL);
  filter->now = now;
}

gboolean
wb_inbox_case_is_open (const WbInboxCase *c)
{
  return c->status != WB_CASE_STATUS_CLOSED;
}

gboolean
wb_inbox_case_is_overdue (const WbInboxCase *c,
                          gint64             now)
{
  return c->next_due != 0 && c->next_due < now;
}

static gboolean
area_matches (WbInboxFilter *filter,
              const char    *municipality)
{
  const WbArea *m;

  if (filter->area_kind == WB_AREA_KIND_MUNICIPALITY)
    return g_strcmp0 (municipality, filter->area) == 0;
  m = wb_regions_lookup (municipality);
  if (m == NULL)
    return FALSE;
  if (filter->area_kind == WB_AREA_KIND_PROVINCE)
    return g_strcmp0 (wb_area_get_province_code (m), filter->area) == 0;
  if (filter->area_kind == WB_AREA_KIND_SAFETY_REGION)
    return g_strcmp0 (wb_area_get_safety_region_code (m), filter->area) == 0;
  return FALSE;
}

gboolean
wb_inbox_filter_matches (WbInboxFilter     *filter,
                         const WbInboxCase *c)
{
  g_return_val_if_fail (filter != NULL && c != NULL, FALSE);

  if (filter->status == WB_INBOX_STATUS_OPEN && !wb_inbox_case_is_open (c))
    return FALSE;
  if (filter->status >= 0 && (int) c->status != filter->status)
    return FALSE;
  if (filter->urgency >= 0 && (int) c->urgency != filter->urgency)
    return FALSE;
  if (filter->association >= 0 && (int) c->association != filter->association)
    return FALSE;
  if (filter->assignee && g_strcmp0 (c->assignee, filter->assignee) != 0)
    return FALSE;
  if (filter->me && g_strcmp0 (c->assignee, filter->me) != 0)
    return FALSE;
  if (filter->overdue_only && !wb_inbox_case_is_overdue (c, filter->now))
    return FALSE;
  if (filter->area && !area_matches (filter, c->municipality))
    return FALSE;
  for (guint i = 0; filter->words[i]; i++)
    if (c->search_text == NULL || strstr (c->search_text, filter->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Sorting */

static int
cmp_i64 (gint64 a,
         gint64 b)
{
  return a < b ? -1 : a > b;
}

int
wb_inbox_compare_text (const char *a,
                       const char *b)
{
  const guchar *p = (const guchar *) (a ? a : "");
  const guchar *q = (const guchar *) (b ? b : "");

  while (*p && *q)
    {
      if (g_ascii_isdigit (*p) && g_ascii_isdigit (*q))
        {
          const guchar *ps, *qs;
          gsize lp, lq;

          while (*p == '0' && g_ascii_isdigit (p[1]))
            p++;
          while (*q == '0' && g_ascii_isdigit (q[1]))
            q++;
          for (ps = p; g_ascii_isdigit (*p); p++)
            ;
          for (qs = q; g_ascii_isdigit (*q); q++)
            ;
          lp = p - ps;
          lq = q - qs;
          if (lp != lq)
            return lp < lq ? -1 : 1;
          if (memcmp (ps, qs, lp) != 0)
            return memcmp (ps, qs, lp) < 0 ? -1 : 1;
          continue;
        }
      if (g_ascii_tolower (*p) != g_ascii_tolower (*q))
        return g_ascii_tolower (*p) < g_ascii_tolower (*q) ? -1 : 1;
      p++;
      q++;
    }
  return (*p != 0) - (*q != 0);
}

int
wb_inbox_compare_default (const WbInboxCase *a,
                          const WbInboxCase *b)
{
  int r;

  if (a->urgency != b->urgency)
    return a->urgency > b->urgency ? -1 : 1;
  if (wb_inbox_case_is_open (a) != wb_inbox_case_is_open (b))
    return wb_inbox_case_is_open (a) ? -1 : 1;
  if ((r = cmp_i64 (a->created, b->created)) != 0)
    return r;
  return wb_inbox_compare_text (a->reference, b->reference);
}

int
wb_inbox_compare_column (WbInboxColumn      column,
                         const WbInboxCase *a,
                         const WbInboxCase *b)
{
  switch (column)
    {
    case WB_INBOX_COLUMN_REFERENCE:
      return wb_inbox_compare_text (a->reference, b->reference);
    case WB_INBOX_COLUMN_URGENCY:
      /* Ascending means least urgent first, like any other scale. */
      return a->urgency < b->urgency ? -1 : a->urgency > b->urgency;
    case WB_INBOX_COLUMN_STATUS:
      return a->status < b->status ? -1 : a->status > b->status;
    case WB_INBOX_COLUMN_CREATED:
      return cmp_i64 (a->created, b->created);
    case WB_INBOX_COLUMN_NEXT_DUE:
      if ((a->next_due == 0) != (b->next_due == 0))
        return a->next_due == 0 ? 1 : -1;
      return cmp_i64 (a->next_due, b->next_due);
    case WB_INBOX_COLUMN_LAST_ACTIVITY:
      return cmp_i64 (a->last_activity, b->last_activity);
    default:
      g_return_val_if_reached (0);
    }
}
