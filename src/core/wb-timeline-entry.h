/* wb-timeline-entry.h: one entry in the timeline of a case, with its edit history.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

#include "wb-timeline-revision.h"

G_BEGIN_DECLS

#define WB_TYPE_TIMELINE_ENTRY (wb_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (WbTimelineEntry, wb_timeline_entry, WB, TIMELINE_ENTRY, GObject)

WbTimelineEntry  *wb_timeline_entry_new                 (void);
const char       *wb_timeline_entry_get_id              (WbTimelineEntry *self);
const char       *wb_timeline_entry_get_case_id         (WbTimelineEntry *self);
void              wb_timeline_entry_set_case_id         (WbTimelineEntry *self,
                                                         const char      *case_id);
WbTimelineKind    wb_timeline_entry_get_kind            (WbTimelineEntry *self);
void              wb_timeline_entry_set_kind            (WbTimelineEntry *self,
                                                         WbTimelineKind   kind);
WbContactChannel  wb_timeline_entry_get_contact_channel (WbTimelineEntry *self);
void              wb_timeline_entry_set_contact_channel (WbTimelineEntry  *self,
                                                         WbContactChannel  contact_channel);
const char       *wb_timeline_entry_get_author          (WbTimelineEntry *self);
void              wb_timeline_entry_set_author          (WbTimelineEntry *self,
                                                         const char      *author);
GDateTime        *wb_timeline_entry_get_time            (WbTimelineEntry *self);
void              wb_timeline_entry_set_time            (WbTimelineEntry *self,
                                                         GDateTime       *time);
const char       *wb_timeline_entry_get_text            (WbTimelineEntry *self);
void              wb_timeline_entry_set_text            (WbTimelineEntry *self,
                                                         const char      *text);
const char       *wb_timeline_entry_get_editor          (WbTimelineEntry *self);
void              wb_timeline_entry_set_editor          (WbTimelineEntry *self,
                                                         const char      *editor);
GDateTime        *wb_timeline_entry_get_edited_at       (WbTimelineEntry *self);
void              wb_timeline_entry_set_edited_at       (WbTimelineEntry *self,
                                                         GDateTime       *edited_at);
GPtrArray        *wb_timeline_entry_get_history         (WbTimelineEntry *self);
gboolean          wb_timeline_entry_edit                (WbTimelineEntry *self,
                                                         const char      *text,
                                                         const char      *editor,
                                                         GDateTime       *when);
GBytes           *wb_timeline_entry_serialize           (WbTimelineEntry *self);
WbTimelineEntry  *wb_timeline_entry_deserialize         (GBytes  *bytes,
                                                         GError **error);
gboolean          wb_timeline_entry_validate            (WbTimelineEntry *self,
                                                         GPtrArray       *issues);
gboolean          wb_timeline_entry_check               (WbTimelineEntry  *self,
                                                         GError          **error);

G_END_DECLS
