/* wb-validation-private.h: helpers the entities use to collect issues.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-validation.h"

G_BEGIN_DECLS

typedef enum
{
  WB_TEXT_OPTIONAL  = 0,
  WB_TEXT_REQUIRED  = 1 << 0,
  WB_TEXT_MULTILINE = 1 << 1,
} WbTextRule;

gboolean wb_issue_add        (GPtrArray   *issues,
                              const char  *field,
                              const char  *message);
gboolean wb_check_text       (GPtrArray   *issues,
                              const char  *field,
                              const char  *text,
                              guint        max_chars,
                              WbTextRule   rule,
                              const char  *missing_message);
gboolean wb_check_record_id  (GPtrArray   *issues,
                              const char  *field,
                              const char  *id,
                              const char  *missing_message);
gboolean wb_check_email      (GPtrArray   *issues,
                              const char  *field,
                              const char  *email);
gboolean wb_check_phone      (GPtrArray   *issues,
                              const char  *field,
                              const char  *phone);
gboolean wb_is_blank         (const char  *text);

G_END_DECLS
