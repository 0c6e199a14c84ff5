/* wb-test-util.h: fixtures shared by the core tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "wb-core.h"

G_BEGIN_DECLS

GDateTime       *wb_test_date                     (int          year,
                                                   int          month,
                                                   int          day);
GBytes          *wb_test_rewrite                  (GBytes      *bytes,
                                                   const char  *key,
                                                   GVariant    *value);
void             wb_test_assert_same_properties   (gpointer     a,
                                                   gpointer     b);
gboolean         wb_test_has_issue                (GPtrArray   *issues,
                                                   const char  *field);

WbCase          *wb_test_valid_case               (void);
WbPerson        *wb_test_valid_person             (void);
WbIncident      *wb_test_valid_incident           (void);
WbNeeds         *wb_test_valid_needs              (void);
WbConsent       *wb_test_valid_consent            (void);
WbTimelineEntry *wb_test_valid_timeline_entry     (void);
WbPartner       *wb_test_valid_partner            (void);
WbFollowUp      *wb_test_valid_follow_up          (void);
WbAccount       *wb_test_valid_account            (void);

G_END_DECLS
