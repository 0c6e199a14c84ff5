/* wb-case-page-private.h: shared by wb-case-page.c and wb-case-page-actions.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-case-page.h"

G_BEGIN_DECLS

struct _WbCasePage
{
  GtkWidget        parent_instance;

  WbStore         *store;
  GCancellable    *cancellable;     /* of the current load */
  char            *case_id;
  WbCase          *kase;
  GPtrArray       *people;          /* WbPerson */
  GPtrArray       *incidents;       /* WbIncident */
  GPtrArray       *followups;       /* WbFollowUp */
  GPtrArray       *timeline;        /* WbTimelineEntry, newest first */
  WbNeeds         *needs;
  WbConsent       *consent;
  GPtrArray       *accounts;        /* WbVaultAccount */
  guint            n_writes;
  guint            serial;          /* of the current load */

  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkWidget       *close_button;
  GtkWidget       *reopen_button;
  GtkStack        *content_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkListBox      *people_list;
  GtkListBox      *incident_list;
  GtkListBox      *needs_list;
  GtkListBox      *followups_list;
  GtkListBox      *partners_list;
  GtkListBox      *timeline_list;
  GtkDropDown     *entry_kind_dropdown;
  GtkWidget       *entry_date_label;
  GtkEntry        *entry_date;
  GtkTextView     *entry_text;
  GtkLabel        *entry_error;
};

/* wb-case-page.c */
void        wb_case_page_render          (WbCasePage  *self);
char       *wb_case_page_dup_actor_id    (WbCasePage  *self);
const char *wb_case_page_account_name    (WbCasePage  *self,
                                          const char  *account_id);
WbTimelineEntry *wb_case_page_new_entry  (WbCasePage     *self,
                                          WbTimelineKind  kind,
                                          const char     *text);
/* Writes @records (WbStoreRecord) in one transaction; on failure tells
 * the user and reads the case again. */
void        wb_case_page_write           (WbCasePage  *self,
                                          GPtrArray   *records);
void        wb_case_page_add_record      (GPtrArray   *records,
                                          const char  *kind,
                                          const char  *id,
                                          GBytes      *bytes);
char       *wb_case_page_format_time     (GDateTime   *time);
void        wb_case_page_emit_closed     (WbCasePage  *self);
/* A message dialog over the page's window: what went wrong, in words. */
void        wb_case_page_tell            (WbCasePage  *self,
                                          const char  *heading,
                                          const char  *message);

/* wb-case-page-actions.c */
void        wb_case_page_class_init_actions (GtkWidgetClass *widget_class);
void        wb_case_page_init_entry_form    (WbCasePage     *self);

/* wb-case-export.c */
void        wb_case_page_class_init_export  (GtkWidgetClass *widget_class);

/* wb-engage-partner.c */
void        wb_case_page_class_init_engage  (GtkWidgetClass *widget_class);

/* wb-case-plan.c */
void        wb_case_page_class_init_plan    (GtkWidgetClass *widget_class);

G_END_DECLS
