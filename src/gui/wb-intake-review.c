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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const WbArea *area = self->municipality ? wb_regions_lookup (self->municipality) : NULL;
  g_autofree char *place = area ? wb_area_get_label (area) : g_strdup ("—");
  g_autofree char *types = or_dash (wb_flags_to_label (WB_TYPE_INCIDENT_TYPE, wb_incident_get_types (incident)));
  g_autofree char *need = or_dash (wb_flags_to_label (WB_TYPE_NEED, wb_needs_get_needs (needs)));
  g_autofree char *date = entry_text (self->date);
  g_autofree char *text = NULL;
  g_autoptr(GString) partners = g_string_new (NULL);
  const WbAftercarePlan *plan = wb_intake_form_plan (self);
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

  if (self->partners != NULL && self->municipality != NULL)
    {
      g_autoptr(GPtrArray) ranked = wb_partner_match_rank (self->partners, self->municipality,
                                                           wb_needs_get_needs (needs),
                                                           wb_person_get_role (p), now, NULL);

      for (guint i = 0, n = 0; ranked != NULL && i < ranked->len && n < 3; i++)
        {
          const WbPartnerMatch *m = g_ptr_array_index (ranked, i);

          if (m->inactive)
            continue;
          g_string_append_printf (partners, "%s%s (%s)", n++ > 0 ? "\n" : "",
                                  wb_partner_get_name (m->partner),
                                  wb_partner_kind_to_label (wb_partner_get_kind (m->partner)));
        }
    }
  gtk_label_set_text (self->partners_label, partners->len > 0 ? partners->str
                      : _("No partners in the directory for this municipality and these needs."));
  if (plan != NULL)
    {
      g_autofree char *summary = wb_aftercare_plan_get_summary (plan);

      gtk_label_set_text (self->plan_label, summary);
    }
  else
    gtk_label_set_text (self->plan_label, _("No follow-ups are planned."));
}
