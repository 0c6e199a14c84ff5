/* wb-intake-draft.h: a half-done intake, as the sealed record that keeps it over a lock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The record kind, in the store as in the record itself. */
#define WB_INTAKE_DRAFT_KIND "intake-draft"
/* The wizard's steps, 0 to WB_INTAKE_DRAFT_N_STEPS - 1. */
#define WB_INTAKE_DRAFT_N_STEPS 7

/**
 * WbIntakeDraft:
 * @id: the record id
 * @started: when the intake was started (UTC)
 * @updated: when the draft was last written (UTC): set it before each put;
 *   the retention review lists a draft untouched for a month
 * @step: the step the user was on
 * @fields: an a{sv} of the wizard's fields by name, each of the type
 *   wb_intake_draft_field_type() gives; never %NULL
 */
typedef struct
{
  char      *id;
  GDateTime *started;
  GDateTime *updated;
  guint      step;
  GVariant  *fields;
} WbIntakeDraft;

WbIntakeDraft      *wb_intake_draft_new               (void);
void                wb_intake_draft_free              (WbIntakeDraft  *draft);
void                wb_intake_draft_touch             (WbIntakeDraft  *draft);
void                wb_intake_draft_set_fields        (WbIntakeDraft  *draft,
                                                       GVariant       *fields);
const GVariantType *wb_intake_draft_field_type        (const char     *key);
gboolean            wb_intake_draft_check_fields      (GVariant       *fields,
                                                       GError        **error);
const char         *wb_intake_draft_get_reporter_name (WbIntakeDraft  *draft);
GBytes             *wb_intake_draft_serialize         (WbIntakeDraft  *draft);
WbIntakeDraft      *wb_intake_draft_deserialize       (GBytes         *bytes,
                                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbIntakeDraft, wb_intake_draft_free)

G_END_DECLS
