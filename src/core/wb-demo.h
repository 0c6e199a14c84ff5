/* wb-demo.h: a deterministic generator of fictional demo cases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-case.h"
#include "wb-consent.h"
#include "wb-follow-up.h"
#include "wb-incident.h"
#include "wb-needs.h"
#include "wb-person.h"
#include "wb-timeline-entry.h"

G_BEGIN_DECLS

/* At most this many cases per calendar year, so that a year never runs out
 * of the 9999 references it has; more cases spread over more years. */
#define WB_DEMO_CASES_PER_YEAR 9000
#define WB_DEMO_MAX_CASES      100000

/**
 * WbDemoCase:
 * @case_: the case
 * @people: (element-type WbPerson): the reporter first, then a partner or
 *   family member if any
 * @incident: what happened
 * @needs: the support asked for
 * @consent: what the reporter agreed to
 * @timeline: (element-type WbTimelineEntry): 1 to 4 entries, oldest first
 * @follow_ups: (element-type WbFollowUp): 0 to 4 follow-ups, earliest first
 *
 * One generated case with everything that belongs to it.
 */
typedef struct
{
  WbCase     *case_;
  GPtrArray  *people;
  WbIncident *incident;
  WbNeeds    *needs;
  WbConsent  *consent;
  GPtrArray  *timeline;
  GPtrArray  *follow_ups;
} WbDemoCase;

typedef struct _WbDemo WbDemo;

WbDemo     *wb_demo_new        (guint32             seed,
                                guint               n_cases,
                                GDateTime          *now,
                                const char * const *account_ids,
                                const char * const *existing_references);
void        wb_demo_free       (WbDemo             *demo);
guint       wb_demo_get_n_made (WbDemo             *demo);
WbDemoCase *wb_demo_next       (WbDemo             *demo,
                                GError            **error);

void        wb_demo_case_free  (WbDemoCase         *demo_case);
gboolean    wb_demo_case_check (WbDemoCase         *demo_case,
                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbDemo, wb_demo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbDemoCase, wb_demo_case_free)

G_END_DECLS
