/* wb-case-item.h: one row of the case index as an item of a list model.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-case-index.h"
#include "wb-inbox-filter.h"

G_BEGIN_DECLS

#define WB_TYPE_CASE_ITEM (wb_case_item_get_type ())

G_DECLARE_FINAL_TYPE (WbCaseItem, wb_case_item, WB, CASE_ITEM, GObject)

WbCaseItem        *wb_case_item_new       (WbCaseRow  *row);
WbCaseRow         *wb_case_item_get_row   (WbCaseItem *self);
/* The fields the filter and sort rules read, pointing into the row. */
const WbInboxCase *wb_case_item_get_case  (WbCaseItem *self);

G_END_DECLS
