/* wb-due-item.c: an immutable, reference-counted follow-up for the reminders.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-due-item.h"

struct _WbDueItem
{
  char       *follow_up_id;
  GDateTime  *due;
  WbDueState  state;
  /* Both NULL while the vault is locked: a locked vault knows only the due
   * moment and the state of a follow-up. */
  char       *case_reference;
  char       *person_name;
};

G_DEFINE_BOXED_TYPE (WbDueItem, wb_due_item, wb_due_item_ref, wb_due_item_unref)

/**
 * wb_due_item_new:
 * @follow_up_id: the record id of the follow-up
 * @due: when it is due; kept in UTC
 * @state: its state
 * @case_reference: (nullable): the case reference, NULL while locked
 * @person_name: (nullable): the person's name, NULL while locked
 *
 * Returns: (transfer full): a new item
 */
WbDueItem *
wb_due_item_new (const char *follow_up_id,
                 GDateTime  *due,
                 WbDueState  state,
                 const char *case_reference,
                 const char *person_name)
{
  WbDueItem *self;

  g_return_val_if_fail (follow_up_id != NULL && *follow_up_id != '\0', NULL);
  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (state <= WB_DUE_STATE_CANCELLED, NULL);

  self = g_rc_box_new0 (WbDueItem);
  self->follow_up_id = g_strdup (follow_up_id);
  self->due = g_date_time_to_utc (due);
  self->state = state;
  self->case_reference = g_strdup (case_reference);
  self->person_name = g_strdup (person_name);

  return self;
}

static void
wb_due_item_clear (gpointer data)
{
  WbDueItem *self = data;

  g_clear_pointer (&self->follow_up_id, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->case_reference, g_free);
  g_clear_pointer (&self->person_name, g_free);
}

WbDueItem *
wb_due_item_ref (WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
wb_due_item_unref (WbDueItem *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, wb_due_item_clear);
}

const char *
wb_due_item_get_follow_up_id (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->follow_up_id;
}

/**
 * wb_due_item_get_due:
 *
 * Returns: (transfer none): the due moment, in UTC
 */
GDateTime *
wb_due_item_get_due (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->due;
}

gint64
wb_due_item_get_due_usec (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_date_time_to_unix (self->due) * G_USEC_PER_SEC
         + g_date_time_get_microsecond (self->due);
}

WbDueState
wb_due_item_get_state (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, WB_DUE_STATE_CANCELLED);

  return self->state;
}

/* Whether the item still waits to be announced at its due moment. */
gboolean
wb_due_item_is_pending (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->state == WB_DUE_STATE_OPEN || self->state == WB_DUE_STATE_SNOOZED;
}

const char *
wb_due_item_get_case_reference (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->case_reference;
}

const char *
wb_due_item_get_person_name (const WbDueItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->person_name;
}
