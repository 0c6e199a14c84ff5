/* wb-case-item.c: one row of the case index as an item of a list model.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-case-item.h"

struct _WbCaseItem
{
  GObject      parent_instance;
  WbCaseRow   *row;
  WbInboxCase  fields;
};

G_DEFINE_FINAL_TYPE (WbCaseItem, wb_case_item, G_TYPE_OBJECT)

static void
wb_case_item_finalize (GObject *object)
{
  WbCaseItem *self = WB_CASE_ITEM (object);

  g_clear_pointer (&self->row, wb_case_row_unref);

  G_OBJECT_CLASS (wb_case_item_parent_class)->finalize (object);
}

static void
wb_case_item_class_init (WbCaseItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_case_item_finalize;
}

static void
wb_case_item_init (WbCaseItem *self)
{
}

WbCaseItem *
wb_case_item_new (WbCaseRow *row)
{
  WbCaseItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (WB_TYPE_CASE_ITEM, NULL);
  self->row = wb_case_row_ref (row);
  self->fields = (WbInboxCase) {
    .reference = row->reference,
    .status = row->status,
    .urgency = row->urgency,
    .association = row->association,
    .assignee = row->assignee,
    .municipality = row->municipality,
    .search_text = row->search_text,
    .created = row->created,
    .next_due = row->next_due,
    .last_activity = row->last_activity,
  };
  return self;
}

WbCaseRow *
wb_case_item_get_row (WbCaseItem *self)
{
  g_return_val_if_fail (WB_IS_CASE_ITEM (self), NULL);
  return self->row;
}

const WbInboxCase *
wb_case_item_get_case (WbCaseItem *self)
{
  g_return_val_if_fail (WB_IS_CASE_ITEM (self), NULL);
  return &self->fields;
}
