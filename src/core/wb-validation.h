/* wb-validation.h: per-field validation issues and the shared field rules.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Limits in characters (not bytes). */
#define WB_NAME_MAX_CHARS 200
#define WB_SHORT_TEXT_MAX_CHARS 200
#define WB_TEXT_MAX_CHARS 20000

/**
 * WbValidationIssue:
 * @field: the name of the property that is wrong, e.g. "email"
 * @message: a translated sentence to show beside that field
 *
 * One problem found by a `wb_*_validate()` function.
 */
typedef struct
{
  const char *field;
  char       *message;
} WbValidationIssue;

#define WB_TYPE_VALIDATION_ISSUE (wb_validation_issue_get_type ())

GType                    wb_validation_issue_get_type  (void) G_GNUC_CONST;
WbValidationIssue       *wb_validation_issue_new       (const char              *field,
                                                        const char              *message);
WbValidationIssue       *wb_validation_issue_copy      (const WbValidationIssue *issue);
void                     wb_validation_issue_free      (WbValidationIssue       *issue);

GPtrArray               *wb_validation_issues_new      (void);
const WbValidationIssue *wb_validation_issues_find     (GPtrArray               *issues,
                                                        const char              *field);
gboolean                 wb_validation_issues_to_error (GPtrArray               *issues,
                                                        GError                 **error);

gboolean                 wb_text_is_clean              (const char              *text,
                                                        gboolean                 multiline);
gboolean                 wb_email_is_valid             (const char              *email);
gboolean                 wb_phone_is_valid             (const char              *phone);
char                    *wb_phone_normalize            (const char              *phone);
gboolean                 wb_municipality_code_is_valid (const char              *code);
gboolean                 wb_area_code_is_valid         (const char              *code);
gboolean                 wb_login_name_is_valid        (const char              *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbValidationIssue, wb_validation_issue_free)

G_END_DECLS
