/* wb-due-item.h: a follow-up as the reminders see it, and the clock they read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Mirrors the follow-up states of the domain; only open and snoozed
 * follow-ups are ever announced. */
typedef enum
{
  WB_DUE_STATE_OPEN = 0,
  WB_DUE_STATE_SNOOZED = 1,
  WB_DUE_STATE_DONE = 2,
  WB_DUE_STATE_CANCELLED = 3,
} WbDueState;

/* Wall-clock time in microseconds since the epoch, like g_get_real_time(). */
typedef gint64 (*WbClockFunc) (gpointer user_data);

#define WB_TYPE_DUE_ITEM (wb_due_item_get_type ())

typedef struct _WbDueItem WbDueItem;

GType       wb_due_item_get_type           (void) G_GNUC_CONST;
WbDueItem  *wb_due_item_new                (const char *follow_up_id,
                                            GDateTime  *due,
                                            WbDueState  state,
                                            const char *case_reference,
                                            const char *person_name);
WbDueItem  *wb_due_item_ref                (WbDueItem  *self);
void        wb_due_item_unref              (WbDueItem  *self);
const char *wb_due_item_get_follow_up_id   (const WbDueItem *self);
GDateTime  *wb_due_item_get_due            (const WbDueItem *self);
gint64      wb_due_item_get_due_usec       (const WbDueItem *self);
WbDueState  wb_due_item_get_state          (const WbDueItem *self);
gboolean    wb_due_item_is_pending         (const WbDueItem *self);
const char *wb_due_item_get_case_reference (const WbDueItem *self);
const char *wb_due_item_get_person_name    (const WbDueItem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbDueItem, wb_due_item_unref)

G_END_DECLS
