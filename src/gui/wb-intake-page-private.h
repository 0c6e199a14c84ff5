/* wb-intake-page-private.h: shared by wb-intake-page.c and wb-intake-form.c; tests use the hook.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-area-picker.h"
#include "wb-core.h"
#include "wb-intake-draft.h"
#include "wb-intake-page.h"

G_BEGIN_DECLS

enum
{
  STEP_DANGER,
  STEP_REPORTER,
  STEP_INCIDENT,
  STEP_SAFETY,
  STEP_NEEDS,
  STEP_CONSENT,
  STEP_REVIEW,
  N_STEPS
};

struct _WbIntakePage
{
  GtkBox          parent_instance;

  /* Template */
  GtkLabel       *step_label;
  GtkLabel       *title_label;
  GtkLabel       *acute_banner;
  GtkScrolledWindow *scroller;
  GtkStack       *steps;
  GtkLabel       *save_error;
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
  GtkWidget      *save_button;

  GtkWidget      *step_boxes[N_STEPS];

  /* Step 1 */
  GtkCheckButton *acute;
  /* Step 2 */
  GtkEntry       *name;
  GtkDropDown    *role;
  WbAreaPicker   *municipality_picker;
  GtkLabel       *municipality_label;
  char           *municipality;
  GtkDropDown    *association;
  GtkEntry       *party;
  GtkEntry       *phone;
  GtkEntry       *email;
  GtkEntry       *callback_times;
  GtkDropDown    *callback_channel;
  GtkDropDown    *referred_by;
  /* Step 3 */
  GPtrArray      *type_checks;
  GPtrArray      *channel_checks;
  GPtrArray      *target_checks;
  GtkEntry       *date;
  GtkEntry       *end_date;
  GtkCheckButton *ongoing;
  GtkTextView    *description;
  GtkCheckButton *perpetrator_known;
  GtkCheckButton *family_involved;
  /* Step 4 */
  GtkCheckButton *police_informed;
  GtkDropDown    *police_report;
  GtkTextView    *measures;
  GtkLabel       *triage_label;
  GtkLabel       *triage_reasons;
  GtkDropDown    *urgency;
  GtkEntry       *override_reason;
  WbUrgency       suggested;
  gboolean        urgency_chosen;
  /* Step 5 */
  GPtrArray      *need_checks;
  GtkTextView    *details;
  /* Step 6 */
  GtkCheckButton *consent_store;
  GtkCheckButton *consent_share;
  GtkSpinButton  *retention;
  GtkLabel       *anonymous_note;
  /* Step 7 */
  GtkLabel       *summary_labels[N_STEPS];
  GtkDropDown    *contact;
  GtkLabel       *partners_label;
  GtkBox         *partners_box;   /* a check button per suggested partner */
  GtkLabel       *partners_note;
  char           *partners_key;   /* the suggested ids the checks were made for */
  GHashTable     *chosen_partners; /* partner id */
  GtkDropDown    *plan;
  GtkLabel       *plan_label;
  GtkBox         *followups_box;  /* a row per proposed follow-up */
  GtkWidget      *add_followup_button;

  GHashTable     *errors;         /* field → GtkLabel */
  GHashTable     *touched;        /* field */
  guint           updating;

  WbStore        *store;
  GPtrArray      *accounts;       /* WbVaultAccount */
  GPtrArray      *partners;       /* WbPartner */
  GCancellable   *cancellable;
  gboolean        saving;
  char           *fail_kind;      /* testing */

  /* The sealed draft this intake is kept as (wb-intake-state.c). */
  WbIntakeDraft  *draft;
  gboolean        draft_dirty;
  char           *pending_contact; /* account id, until the accounts are known */
  gboolean        has_window_actions;
};

/* wb-intake-form.c */
void        wb_intake_form_build         (WbIntakePage *self);
void        wb_intake_form_clear         (WbIntakePage *self);
gboolean    wb_intake_form_check_step    (WbIntakePage *self,
                                          guint         step,
                                          GPtrArray    *issues);
void        wb_intake_form_update_triage (WbIntakePage *self);
void        wb_intake_form_fill_contacts (WbIntakePage *self);
WbPerson   *wb_intake_form_person        (WbIntakePage *self,
                                          const char   *case_id);
WbIncident *wb_intake_form_incident      (WbIntakePage *self,
                                          const char   *case_id,
                                          GPtrArray    *issues);
WbNeeds    *wb_intake_form_needs         (WbIntakePage *self,
                                          const char   *case_id);
WbConsent  *wb_intake_form_consent       (WbIntakePage *self,
                                          const char   *case_id);
WbAssociation wb_intake_form_association (WbIntakePage *self);
GStrv       wb_intake_form_chosen_partners (WbIntakePage *self);
WbUrgency   wb_intake_form_urgency       (WbIntakePage *self);
const char *wb_intake_form_contact_id    (WbIntakePage *self);
const WbAftercarePlan *wb_intake_form_plan (WbIntakePage *self);
const char *wb_intake_form_referrer      (WbIntakePage *self);
void        wb_intake_form_show_municipality (WbIntakePage *self);
GDateTime  *wb_intake_parse_date         (const char   *text);

/* wb-intake-followups.c */
void        wb_intake_followups_build    (WbIntakePage *self,
                                          GtkWidget    *box);
void        wb_intake_followups_fill_from_plan (WbIntakePage *self);
gboolean    wb_intake_followups_check    (WbIntakePage *self);
GPtrArray  *wb_intake_followups_records  (WbIntakePage  *self,
                                          const char    *case_id,
                                          const char    *assignee,
                                          GError       **error);
GVariant   *wb_intake_followups_capture  (WbIntakePage *self);
void        wb_intake_followups_restore  (WbIntakePage *self,
                                          GVariant     *rows);

/* wb-intake-review.c */
char       *wb_intake_form_timeline_text (WbIntakePage *self);
void        wb_intake_form_update_review (WbIntakePage *self);
char       *wb_text_view_dup_text        (GtkTextView  *view);

/* wb-intake-state.c */
GVariant   *wb_intake_form_capture       (WbIntakePage *self);
void        wb_intake_form_restore       (WbIntakePage *self,
                                          GVariant     *fields);
void        wb_intake_form_select_contact (WbIntakePage *self);
void        wb_intake_page_drop_draft    (WbIntakePage *self,
                                          gboolean      delete);
void        wb_intake_page_add_window_actions (WbIntakePage *self,
                                               GActionMap   *map);

/* wb-intake-page.c */
void        wb_intake_page_changed       (WbIntakePage *self);
gboolean    wb_intake_page_is_pristine   (WbIntakePage *self);
void        wb_intake_page_load_draft    (WbIntakePage  *self,
                                          WbIntakeDraft *draft);

/* For tests only: the next save also writes a record of @kind, which the
 * store refuses, so the whole transaction fails. */
void        wb_intake_page_fail_next_save_for_testing (WbIntakePage *self,
                                                       const char   *kind);

G_END_DECLS
