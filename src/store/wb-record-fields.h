/* wb-record-fields.h: the few fields of a core record the case index needs, read in one pass.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-vault.h"

G_BEGIN_DECLS

/* Strings point into the record (or the fallback object) and live as long
 * as the fields; times are microseconds since the epoch, 0 when unset. */
typedef struct
{
  GVariant    *record;
  GObject     *object;
  gboolean     has_case_id;
  WbRecordId   case_id;
  const char  *reference;
  const char  *assignee;
  const char  *name;
  const char  *municipality;
  const char  *description;
  int          status;
  int          urgency;
  int          association;
  int          relation;
  int          role;
  int          state;
  guint        types;
  gint64       created;
  gint64       updated;
  gint64       due;
  gint64       time;
  gint64       edited_at;
} WbRecordFields;

gboolean wb_record_fields_read  (WbRecordFields *fields,
                                 const char     *kind,
                                 GBytes         *bytes);
void     wb_record_fields_clear (WbRecordFields *fields);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WbRecordFields, wb_record_fields_clear)

G_END_DECLS
