/* wb-intake-review.c: the intake's review step and the text of its timeline entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-intake-page-private.h"

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

char *
wb_intake_form_timeline_text (WbIntakePage *self)
{
  g_autoptr(GString) s = g_string_new (_("Intake by the office."));
  gboolean keep = gtk_check_button_get_active (self->consent_store);
  WbUrgency urgency = wb_intake_form_urgency (self);

  g_string_append_c (s, '\n');
  if (gtk_check_button_get_active (self->acute))
    g_string_append_printf (s, "%s\n", _("Acute danger at the intake: told to call 112."));
  if (!keep)
    g_string_append_printf (s, "%s\n", _("Anonymous registration: no consent to store personal details."));
  /* Translators: %s is who referred the reporter, e.g. "Mayor" */
  g_string_append_printf (s, _("Referred by: %s"), wb_intake_form_referrer (self));
  g_string_append_c (s, '\n');
  if (keep)
    {
      g_autofree char *measures = wb_text_view_dup_text (self->measures);

      g_strstrip (measures);
      if (*measures != '\0')
        /* Translators: %s is what the reporter already does for their safety */
        g_string_append_printf (s, _("Current security measures: %s\n"), measures);
    }
  if (urgency != self->suggested)
    {
      g_autofree char *reason = entry_text (self->override_reason);

      /* Translators: the triage override in the timeline: suggested, chosen, the reason given */
      g_string_append_printf (s, _("Urgency %s instead of the suggested %s: %s"),
                              wb_urgency_to_label (urgency), wb_urgency_to_label (self->suggested),
                              keep ? reason : "—");
    }
  else
    /* Translators: %s is an urgency */
    g_string_append_printf (s, _("Urgency as suggested: %s"), wb_urgency_to_label (urgency));
  return g_strstrip (g_string_free (g_steal_pointer (&s), FALSE));
}

/* Partners */

static void
partner_toggled_cb (GtkCheckButton *check,
                    WbIntakePage   *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "wb-partner-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen_partners, g_strdup (id));
  else
    g_hash_table_remove (self->chosen_partners, id);
  wb_intake_page_changed (self);
}

/* Check buttons for @suggested, remade only when the suggestion changes,
 * so a change elsewhere on the step keeps the keyboard focus. */
static void
show_partners (WbIntakePage *self,
               GPtrArray    *suggested)
{
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean share = gtk_check_button_get_active (self->consent_share);
  GtkWidget *child;

  for (guint i = 0; i < suggested->len; i++)
    g_string_append_printf (key, "%s;", wb_partner_get_id (g_ptr_array_index (suggested, i)));
  if (g_strcmp0 (key->str, self->partners_key) != 0)
    {
      g_free (self->partners_key);
      self->partners_key = g_strdup (key->str);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partners_box))) != NULL)
        gtk_box_remove (self->partners_box, child);
      for (guint i = 0; i < suggested->len; i++)
        {
          WbPartner *partner = g_ptr_array_index (suggested, i);
          g_autofree char *label = NULL;
          GtkWidget *check;

          /* Translators: a partner to share the report with: name (kind) */
          label = g_strdup_printf (_("%s (%s)"), wb_partner_get_name (partner),
                                   wb_partner_kind_to_label (wb_partner_get_kind (partner)));
          check = gtk_check_button_new_with_label (label);
          g_object_set_data_full (G_OBJECT (check), "wb-partner-id",
                                  g_strdup (wb_partner_get_id (partner)), g_free);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       g_hash_table_contains (self->chosen_partners,
                                                              wb_partner_get_id (partner)));
          g_signal_connect_object (check, "toggled", G_CALLBACK (partner_toggled_cb), self, 0);
          gtk_box_append (self->partners_box, check);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->partners_box), share);
  gtk_widget_set_visible (GTK_WIDGET (self->partners_note), !share && suggested->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->partners_label), suggested->len == 0);
}

/* The partners the suggestion offers now, active ones only, at most three. */
static GPtrArray *
suggested_partners (WbIntakePage *self)
{
  GPtrArray *suggested = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *case_id = wb_record_id_new ();
  g_autoptr(WbPerson) p = NULL;
  g_autoptr(WbNeeds) needs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) ranked = NULL;

  if (self->partners == NULL || self->municipality == NULL)
    return suggested;
  p = wb_intake_form_person (self, case_id);
  needs = wb_intake_form_needs (self, case_id);
  ranked = wb_partner_match_rank (self->partners, self->municipality, wb_needs_get_needs (needs),
                                  wb_person_get_role (p), now, NULL);
  for (guint i = 0; ranked != NULL && i < ranked->len && suggested->len < 3; i++)
    {
      const WbPartnerMatch *m = g_ptr_array_index (ranked, i);

      if (!m->inactive)
        g_ptr_array_add (suggested, g_object_ref (m->partner));
    }
  return suggested;
}

/* The chosen partners among those suggested now. */
GStrv
wb_intake_form_chosen_partners (WbIntakePage *self)
{
  g_autoptr(GPtrArray) suggested = suggested_partners (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < suggested->len; i++)
    {
      const char *id = wb_partner_get_id (g_ptr_array_index (suggested, i));

      if (g_hash_table_contains (self->chosen_partners, id))
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static char *
or_dash (char *text)
{
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      return g_strdup ("—");
    }
  return text;
}

void
wb_intake_form_update_review (WbIntakePage *self)
{
  g_autofree char *case_id = wb_record_id_new ();
  g_autoptr(WbPerson) p = wb_intake_form_person (self, case_id);
  g_autoptr(WbIncident) incident = wb_intake_form_incident (self, case_id, NULL);
  g_autoptr(WbNeeds) needs = wb_intake_form_needs (self, case_id);
  const WbArea *area = self->municipality ? wb_regions_lookup (self->municipality) : NULL;
  g_autofree char *place = area ? wb_area_get_label (area) : g_strdup ("—");
  g_autofree char *types = or_dash (wb_flags_to_label (WB_TYPE_INCIDENT_TYPE, wb_incident_get_types (incident)));
  g_autofree char *need = or_dash (wb_flags_to_label (WB_TYPE_NEED, wb_needs_get_needs (needs)));
  g_autofree char *date = entry_text (self->date);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) suggested = suggested_partners (self);
  gboolean keep = gtk_check_button_get_active (self->consent_store);

  gtk_label_set_text (self->summary_labels[STEP_DANGER],
                      gtk_check_button_get_active (self->acute)
                      ? _("Acute danger: yes") : _("Acute danger: no"));
  /* Translators: the reporter in the summary: name, role, municipality, association */
  text = g_strdup_printf (_("%s, %s, %s\nAssociation: %s"), wb_person_get_name (p),
                          wb_person_role_to_label (wb_person_get_role (p)), place,
                          wb_association_to_label (wb_intake_form_association (self)));
  gtk_label_set_text (self->summary_labels[STEP_REPORTER], text);
  g_free (text);
  if (wb_incident_get_end (incident) != NULL)
    {
      g_autofree char *end = entry_text (self->end_date);

      /* Translators: the incident in the summary: its kinds, the start and end of the period */
      text = g_strdup_printf (_("%s, from %s to %s"), types, date, end);
    }
  else
    /* Translators: the incident in the summary: its kinds, its date */
    text = g_strdup_printf (_("%s, on %s"), types, date);
  gtk_label_set_text (self->summary_labels[STEP_INCIDENT], text);
  g_free (text);
  /* Translators: %s is an urgency */
  text = g_strdup_printf (_("Urgency: %s"), wb_urgency_to_label (wb_intake_form_urgency (self)));
  gtk_label_set_text (self->summary_labels[STEP_SAFETY], text);
  gtk_label_set_text (self->summary_labels[STEP_NEEDS], need);
  gtk_label_set_text (self->summary_labels[STEP_CONSENT],
                      !keep ? _("No consent to store: only an anonymous registration is kept.")
                      : gtk_check_button_get_active (self->consent_share)
                      ? _("Store and share with partners") : _("Store, do not share"));

  gtk_label_set_text (self->partners_label,
                      _("No partners in the directory for this municipality and these needs."));
  show_partners (self, suggested);
}
