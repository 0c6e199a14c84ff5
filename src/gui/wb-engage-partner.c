/* wb-engage-partner.c: "Engage Partner" on the case page: the partners that fit the case, nearest first, and a referral in its timeline.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partners are ranked by wb_partner_match_rank() for the reporter's
 * municipality and role and the needs of the case. Choosing one writes a
 * referral entry in the case timeline (with the case's updated time) in
 * one transaction, through wb_case_page_add_entry().
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-case-page-private.h"
#include "wb-core.h"
#include "wb-store-partners.h"

#define RESPONSE_ENGAGE "engage"

static WbPerson *
reporter (WbCasePage *self)
{
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (self->people, i);

      if (wb_person_get_relation (p) == WB_PERSON_RELATION_REPORTER)
        return p;
    }
  return NULL;
}

static char *
match_description (const WbPartnerMatch *match)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *organisation = wb_partner_get_organisation (match->partner);

  if (organisation != NULL && *organisation != '\0')
    g_string_append_printf (s, "%s, ", organisation);
  g_string_append_printf (s, "%s, %s", wb_partner_kind_to_label (wb_partner_get_kind (match->partner)),
                          wb_match_tier_to_label (match->tier));
  if (match->inactive)
    g_string_append_printf (s, ", %s", _("Inactive"));
  if (match->stale)
    g_string_append_printf (s, ", %s", _("Not verified in the last 12 months"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
match_row (const WbPartnerMatch *match)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = match_description (match);
  g_autofree char *name = g_strdup_printf ("%s, %s", wb_partner_get_name (match->partner),
                                           description);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wb_partner_get_name (match->partner));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "wb-partner", g_object_ref (match->partner),
                          g_object_unref);
  return row;
}

/* Callbacks */

static void
selection_changed_cb (AdwMessageDialog *dialog,
                      GtkListBoxRow    *row)
{
  adw_message_dialog_set_response_enabled (dialog, RESPONSE_ENGAGE, row != NULL);
}

/* The list empties itself (row-selected) after the dialog dropped its
 * responses on the way out: stop listening once it is off screen. */
static void
dialog_unmapped_cb (AdwMessageDialog *dialog)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "wb-list");

  if (list != NULL)
    g_signal_handlers_disconnect_by_func (list, selection_changed_cb, dialog);
}

static void
responded_cb (AdwMessageDialog *dialog,
              const char       *response,
              WbCasePage       *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "wb-list");
  GtkListBoxRow *row = list ? gtk_list_box_get_selected_row (list) : NULL;
  WbPartner *partner = row ? g_object_get_data (G_OBJECT (row), "wb-partner") : NULL;
  const char *organisation;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, RESPONSE_ENGAGE) != 0 || partner == NULL || self->kase == NULL
      || g_strcmp0 (g_object_get_data (G_OBJECT (dialog), "wb-case-id"), self->case_id) != 0)
    return;

  organisation = wb_partner_get_organisation (partner);
  if (organisation != NULL && *organisation != '\0')
    /* Translators: a referral in the case timeline: the partner's name,
     * organisation and kind, e.g. "Referred to Test Jansen (Stichting X, Legal aid)." */
    text = g_strdup_printf (_("Referred to %s (%s, %s)."), wb_partner_get_name (partner),
                            organisation, wb_partner_kind_to_label (wb_partner_get_kind (partner)));
  else
    /* Translators: a referral in the case timeline: the partner's name and kind */
    text = g_strdup_printf (_("Referred to %s (%s)."), wb_partner_get_name (partner),
                            wb_partner_kind_to_label (wb_partner_get_kind (partner)));
  wb_case_page_add_entry (self, WB_TIMELINE_KIND_REFERRAL, WB_CONTACT_CHANNEL_NONE, NULL, text);
}

static void
present_dialog (WbCasePage *self,
                GPtrArray  *matches,
                GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Engage a Partner"), NULL));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    RESPONSE_ENGAGE, _("_Engage"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE_ENGAGE, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, RESPONSE_ENGAGE, FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wb-case-id", g_strdup (self->case_id), g_free);

  if (error != NULL)
    adw_message_dialog_set_body (dialog, error->message);
  else if (matches->len == 0)
    adw_message_dialog_set_body (dialog, _("The partner directory has no partners yet."));
  else
    {
      adw_message_dialog_set_body (dialog, _("Nearest first, and partners whose kind fits the "
                                             "needs of the case before others. Engaging one "
                                             "records a referral in the timeline."));
      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Suggested partners"), -1);
      for (guint i = 0; i < matches->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list), match_row (g_ptr_array_index (matches, i)));
      g_signal_connect_object (list, "row-selected", G_CALLBACK (selection_changed_cb), dialog,
                               G_CONNECT_SWAPPED);
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (dialog, scrolled);
      g_object_set_data (G_OBJECT (dialog), "wb-list", list);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (responded_cb), self, 0);
  g_signal_connect (dialog, "unmap", G_CALLBACK (dialog_unmapped_cb), NULL);
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
partners_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbCasePage) self = user_data;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  WbPerson *person;

  partners = wb_store_list_partners_finish (WB_STORE (object), result, &error);
  if (self->kase == NULL)
    return;
  person = reporter (self);
  if (partners != NULL && person != NULL)
    matches = wb_partner_match_rank (partners, wb_person_get_municipality (person),
                                     self->needs ? wb_needs_get_needs (self->needs) : 0,
                                     wb_person_get_role (person), now, &error);
  else if (partners != NULL)
    g_set_error_literal (&error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                         _("The case has no reporter, so there is no municipality to look near."));
  present_dialog (self, matches, error);
}

/* Actions */

static void
engage_partner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);

  if (self->store == NULL || self->kase == NULL)
    return;
  wb_store_list_partners_async (self->store, NULL, partners_listed_cb, g_object_ref (self));
}

void
wb_case_page_class_init_engage (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.engage-partner", NULL,
                                   engage_partner_action);
}
