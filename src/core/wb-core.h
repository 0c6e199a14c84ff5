/* wb-core.h: the public headers of the domain layer in one include.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-account.h"
#include "wb-aftercare-plan.h"
#include "wb-build-env.h"
#include "wb-case.h"
#include "wb-case-reference.h"
#include "wb-consent.h"
#include "wb-core-error.h"
#include "wb-csv.h"
#include "wb-due.h"
#include "wb-enums.h"
#include "wb-fold.h"
#include "wb-follow-up.h"
#include "wb-incident.h"
#include "wb-needs.h"
#include "wb-partner.h"
#include "wb-partner-csv.h"
#include "wb-partner-match.h"
#include "wb-passphrase.h"
#include "wb-person.h"
#include "wb-record-id.h"
#include "wb-regions.h"
#include "wb-timeline-entry.h"
#include "wb-timeline-revision.h"
#include "wb-validation.h"
