/* wb-case-index.h: the in-memory case index for the inbox, built from the vault at unlock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"
#include "wb-vault.h"

G_BEGIN_DECLS

/* Record kinds the index reads. */
#define WB_KIND_CASE     "case"
#define WB_KIND_PERSON   "person"
#define WB_KIND_INCIDENT "incident"
#define WB_KIND_FOLLOWUP "followup"
#define WB_KIND_TIMELINE "timeline"
/* Followed only for the case page (wb_case_index_dup_children()); they add
 * nothing to a row. */
#define WB_KIND_NEEDS    "needs"
#define WB_KIND_CONSENT  "consent"

/* One case as the inbox shows, sorts and searches it. Immutable and
 * reference counted; every string lives in the row's own block, which is
 * wiped when the last reference goes and, on lock, at once (the strings
 * then read as empty). Times are microseconds since the epoch, 0 if
 * unknown. */
typedef struct
{
  const char     *case_id;        /* 32 hex characters */
  const char     *reference;
  WbCaseStatus    status;
  WbUrgency       urgency;
  WbAssociation   association;
  const char     *assignee;       /* account id of the contact person, or "" */
  gint64          created;
  gint64          updated;
  gboolean        has_reporter;
  const char     *reporter_name;  /* "" without a reporter */
  WbPersonRole    reporter_role;
  const char     *municipality;   /* area code of the reporter, or "" */
  WbIncidentType  incident_types;
  const char     *description;    /* the incidents' descriptions; "" in the
                                   * store's index (see
                                   * wb_case_index_build_for_inbox()) */
  gint64          next_due;       /* earliest open or snoozed follow-up, or 0 */
  gint64          last_activity;  /* latest of updated and timeline times */
  /* Folded (wb_fold_for_search) reference, names of all people, municipality
   * code and name, description; match with wb_fold_matches(). */
  const char     *search_text;
  guint           n_damaged;      /* records of this case that could not be read */
} WbCaseRow;

#define WB_TYPE_CASE_ROW (wb_case_row_get_type ())
GType      wb_case_row_get_type (void) G_GNUC_CONST;
WbCaseRow *wb_case_row_ref      (WbCaseRow *row);
void       wb_case_row_unref    (WbCaseRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCaseRow, wb_case_row_unref)

/* The rest is for the store's worker thread. */

typedef struct _WbCaseIndex WbCaseIndex;
typedef struct _WbCaseIndexChange WbCaseIndexChange;

typedef struct
{
  char      *case_id;
  WbCaseRow *row;                 /* NULL: the case is gone */
} WbCaseIndexUpdate;

WbCaseIndex       *wb_case_index_build        (WbVault            *vault,
                                               GError            **error);
WbCaseIndex       *wb_case_index_build_for_inbox (WbVault         *vault,
                                               GError            **error);
void               wb_case_index_free         (WbCaseIndex        *index);
guint              wb_case_index_get_n_rows   (WbCaseIndex        *index);
guint              wb_case_index_get_n_damaged (WbCaseIndex       *index);
GPtrArray         *wb_case_index_dup_rows     (WbCaseIndex        *index);
GArray            *wb_case_index_dup_children (WbCaseIndex        *index,
                                               const WbRecordId   *case_id);

WbCaseIndexChange *wb_case_index_change_new   (void);
void               wb_case_index_change_free  (WbCaseIndexChange  *change);
void               wb_case_index_note_put     (WbCaseIndex        *index,
                                               WbVault            *vault,
                                               WbCaseIndexChange  *change,
                                               const char         *kind,
                                               const WbRecordId   *id,
                                               GBytes             *plaintext);
void               wb_case_index_note_delete  (WbCaseIndex        *index,
                                               WbVault            *vault,
                                               WbCaseIndexChange  *change,
                                               const WbRecordId   *id);
GPtrArray         *wb_case_index_apply        (WbCaseIndex        *index,
                                               WbVault            *vault,
                                               WbCaseIndexChange  *change);
void               wb_case_index_update_free  (WbCaseIndexUpdate  *update);

void               wb_case_row_wipe           (WbCaseRow          *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCaseIndex, wb_case_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCaseIndexChange, wb_case_index_change_free)

G_END_DECLS
