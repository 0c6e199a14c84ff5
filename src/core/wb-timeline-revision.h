/* wb-timeline-revision.h: an earlier version of the text of a timeline entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WbTimelineRevision:
 * @text: the text of that version
 * @edited_at: when that version was written
 * @editor: (nullable): the account id of who wrote it
 */
typedef struct
{
  char      *text;
  GDateTime *edited_at;
  char      *editor;
} WbTimelineRevision;

#define WB_TYPE_TIMELINE_REVISION (wb_timeline_revision_get_type ())

GType               wb_timeline_revision_get_type (void) G_GNUC_CONST;
WbTimelineRevision *wb_timeline_revision_new      (const char               *text,
                                                   GDateTime                *edited_at,
                                                   const char               *editor);
WbTimelineRevision *wb_timeline_revision_copy     (const WbTimelineRevision *revision);
void                wb_timeline_revision_free     (WbTimelineRevision       *revision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbTimelineRevision, wb_timeline_revision_free)

G_END_DECLS
