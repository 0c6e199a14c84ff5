/* wb-intake-form.c: the fields of the intake wizard's steps, and the entities read from them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps are built here rather than in the template: most of them are
 * lists of check buttons made from the core's flag types, so the labels
 * and their translations stay in one place. Every field carries the name
 * of the property its errors are reported on ("person:email"), which is
 * how the entities' validation issues find their error label.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "wb-intake-page-private.h"

/* The period Voorkeuren → Bewaartermijn sets, or the built-in one where the
 * schema is not installed. */
static guint
default_retention_months (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "retention-months"))
    return WB_CONSENT_DEFAULT_RETENTION_MONTHS;
  settings = g_settings_new (BASE_APP_ID);
  return g_settings_get_uint (settings, "retention-months");
}

/* Referred by: kept in the intake's timeline entry. */
static const char * const referrers[] = {
  /* Translators: who referred the reporter to the team: the reporter themself */
  N_("Self"),
  /* Translators: who referred the reporter to the team */
  N_("Mayor"),
  /* Translators: who referred the reporter to the team (griffier) */
  N_("Council clerk"),
  /* Translators: who referred the reporter to the team */
  N_("Political party"),
  /* Translators: who referred the reporter to the team */
  N_("Police"),
  /* Translators: who referred the reporter to the team: someone else */
  N_("Other"),
};

static const WbAssociation associations[] = {
  WB_ASSOCIATION_NGB, WB_ASSOCIATION_WETHOUDERS, WB_ASSOCIATION_NVVR,
};

char *
wb_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* Building */

static void
changed_cb (GtkWidget    *widget,
            WbIntakePage *self)
{
  const char *field = g_object_get_data (G_OBJECT (widget), "wb-field");

  if (self->updating > 0)
    return;
  if (field != NULL)
    g_hash_table_add (self->touched, g_strdup (field));
  if (widget == GTK_WIDGET (self->urgency))
    {
      /* Another urgency than suggested needs its reason: say so at once. */
      self->urgency_chosen = TRUE;
      g_hash_table_add (self->touched, g_strdup ("triage:reason"));
    }
  wb_intake_page_changed (self);
}

static void
notify_changed_cb (GtkWidget    *widget,
                   GParamSpec   *pspec,
                   WbIntakePage *self)
{
  changed_cb (widget, self);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   GtkWidget     *view)
{
  changed_cb (view, g_object_get_data (G_OBJECT (view), "wb-page"));
}

static GtkWidget *
step_box (WbIntakePage *self,
          guint         step,
          const char   *name,
          const char   *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_stack_add_titled (self->steps, box, name, title);
  self->step_boxes[step] = box;
  return box;
}

static GtkWidget *
error_label (WbIntakePage *self,
             const char   *field)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  g_hash_table_insert (self->errors, g_strdup (field), label);
  return label;
}

static GtkWidget *
heading (GtkWidget  *box,
         const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* A mnemonic label above @widget, and its error label below it. */
static void
add_field (WbIntakePage *self,
           GtkWidget    *box,
           const char   *mnemonic,
           GtkWidget    *widget,
           GtkWidget    *focus,
           const char   *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The area picker's entry has its own accessible name: a mnemonic
   * label as well would double it in GTK 4.8. */
  if (!GTK_IS_ENTRY (focus) || !gtk_widget_get_ancestor (focus, WB_TYPE_AREA_PICKER))
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), focus);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  if (field != NULL)
    {
      g_object_set_data_full (G_OBJECT (focus), "wb-field", g_strdup (field), g_free);
      gtk_box_append (GTK_BOX (box), error_label (self, field));
    }
}

/* Enter goes to the next step, as a form's default button would. */
static void
entry_activated_cb (GtkEntry     *entry,
                    WbIntakePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "intake.next", NULL);
}

static GtkEntry *
add_entry (WbIntakePage *self,
           GtkWidget    *box,
           const char   *mnemonic,
           const char   *field)
{
  GtkWidget *entry = gtk_entry_new ();

  add_field (self, box, mnemonic, entry, entry, field);
  g_signal_connect_object (entry, "changed", G_CALLBACK (changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activated_cb), self, 0);
  return GTK_ENTRY (entry);
}

static GtkTextView *
add_text (WbIntakePage *self,
          GtkWidget    *box,
          const char   *mnemonic,
          const char   *field)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  add_field (self, box, mnemonic, frame, view, field);
  g_object_set_data (G_OBJECT (view), "wb-page", self);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (buffer_changed_cb), view, 0);
  return GTK_TEXT_VIEW (view);
}

static GtkDropDown *
add_drop_down (WbIntakePage *self,
               GtkWidget    *box,
               const char   *mnemonic,
               GtkStringList *items,
               const char   *field)
{
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);

  add_field (self, box, mnemonic, drop_down, drop_down, field);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (notify_changed_cb), self, 0);
  return GTK_DROP_DOWN (drop_down);
}

static GtkStringList *
enum_labels (GType type,
             guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, wb_enum_to_label (type, i));
  return list;
}

static GtkCheckButton *
add_check (WbIntakePage *self,
           GtkWidget    *box,
           const char   *label,
           const char   *field)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  if (field != NULL)
    g_object_set_data_full (G_OBJECT (check), "wb-field", g_strdup (field), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, 0);
  gtk_box_append (GTK_BOX (box), check);
  return GTK_CHECK_BUTTON (check);
}

/* One check button per flag of @type, under a heading; the group's error
 * label follows the last one. */
static GPtrArray *
add_flags (WbIntakePage *self,
           GtkWidget    *box,
           const char   *title,
           GType         type,
           const char   *field)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  GtkWidget *flow = gtk_flow_box_new ();
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *label = heading (box, title);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (box), flow);
  for (guint i = 0; i < klass->n_values; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (wb_enum_to_label (type, klass->values[i].value));

      g_object_set_data (G_OBJECT (check), "wb-flag", GUINT_TO_POINTER (klass->values[i].value));
      g_object_set_data_full (G_OBJECT (check), "wb-field", g_strdup (field), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, 0);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
      gtk_widget_set_focusable (gtk_widget_get_parent (check), FALSE);
      g_ptr_array_add (checks, check);
    }
  gtk_box_append (GTK_BOX (box), error_label (self, field));
  return checks;
}

static guint
flags_of (GPtrArray *checks)
{
  guint flags = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      flags |= GPOINTER_TO_UINT (g_object_get_data (g_ptr_array_index (checks, i), "wb-flag"));
  return flags;
}

void
wb_intake_form_show_municipality (WbIntakePage *self)
{
  const WbArea *area = self->municipality ? wb_regions_lookup (self->municipality) : NULL;
  g_autofree char *text = NULL;

  if (area != NULL)
    /* Translators: a municipality, its province and its safety region */
    text = g_strdup_printf (_("%s, province %s, safety region %s"), wb_area_get_name (area),
                            wb_regions_get_area_name (wb_area_get_province_code (area)),
                            wb_regions_get_area_name (wb_area_get_safety_region_code (area)));
  gtk_label_set_text (self->municipality_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->municipality_label), area != NULL);
}

/* Callbacks */

static void
area_chosen_cb (WbIntakePage *self,
                const char   *code)
{
  const WbArea *area = wb_regions_lookup (code);

  if (area == NULL || wb_area_get_kind (area) != WB_AREA_KIND_MUNICIPALITY)
    {
      GtkLabel *error = g_hash_table_lookup (self->errors, "person:municipality");

      gtk_label_set_text (error, _("Choose a municipality, not a province or safety region."));
      gtk_widget_set_visible (GTK_WIDGET (error), TRUE);
      return;
    }
  g_free (self->municipality);
  self->municipality = g_strdup (code);
  wb_intake_form_show_municipality (self);
  g_hash_table_add (self->touched, g_strdup ("person:municipality"));
  wb_intake_page_changed (self);
}

static void
role_changed_cb (WbIntakePage *self)
{
  WbPersonRole role = gtk_drop_down_get_selected (self->role);
  int index = -1;

  /* The association follows the role; it stays changeable by hand. */
  if (role == WB_PERSON_ROLE_MAYOR || role == WB_PERSON_ROLE_FORMER_MAYOR)
    index = 0;
  else if (role == WB_PERSON_ROLE_ALDERMAN || role == WB_PERSON_ROLE_FORMER_ALDERMAN)
    index = 1;
  else if (role == WB_PERSON_ROLE_COUNCILLOR || role == WB_PERSON_ROLE_FORMER_COUNCILLOR)
    index = 2;
  if (index >= 0)
    gtk_drop_down_set_selected (self->association, index);
}

static void
go_to_clicked_cb (GtkButton    *button,
                  WbIntakePage *self)
{
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wb-step"));

  gtk_widget_activate_action (GTK_WIDGET (self), "intake.go-to", "u", step);
}

/* Steps */

static void
build_danger (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_DANGER, "danger", _("Acute Danger?"));
  GtkWidget *intro = gtk_label_new (_("Ask first whether the caller or someone close is in danger right now."));

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  self->acute = add_check (self, box, _("The caller is in _acute danger"), NULL);
}

static void
build_reporter (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_REPORTER, "reporter", _("Reporter"));
  g_autoptr(GtkStringList) roles = enum_labels (WB_TYPE_PERSON_ROLE, WB_PERSON_ROLE_OTHER + 1);
  g_autoptr(GtkStringList) assocs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channels = enum_labels (WB_TYPE_CALLBACK_CHANNEL, WB_CALLBACK_CHANNEL_EMAIL + 1);
  g_autoptr(GtkStringList) refs = gtk_string_list_new (NULL);
  GtkWidget *picker = wb_area_picker_new ();
  GtkWidget *place = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; i < G_N_ELEMENTS (associations); i++)
    gtk_string_list_append (assocs, wb_association_to_label (associations[i]));
  for (guint i = 0; i < G_N_ELEMENTS (referrers); i++)
    gtk_string_list_append (refs, _(referrers[i]));

  self->name = add_entry (self, box, _("_Name"), "person:name");
  self->role = add_drop_down (self, box, _("_Role"), roles, NULL);
  g_signal_connect_object (self->role, "notify::selected", G_CALLBACK (role_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->municipality_picker = WB_AREA_PICKER (picker);
  self->municipality_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->municipality_label, 0);
  gtk_label_set_wrap (self->municipality_label, TRUE);
  gtk_box_append (GTK_BOX (place), GTK_WIDGET (self->municipality_label));
  gtk_box_append (GTK_BOX (place), picker);
  add_field (self, box, _("Municipality"), place,
             GTK_WIDGET (wb_area_picker_get_entry (self->municipality_picker)), "person:municipality");
  wb_area_picker_set_entry_name (self->municipality_picker, _("Municipality: find by name"));
  g_signal_connect_object (picker, "area-chosen", G_CALLBACK (area_chosen_cb), self, G_CONNECT_SWAPPED);

  self->association = add_drop_down (self, box, _("_Association"), assocs, "case:association");
  self->party = add_entry (self, box, _("_Party (optional)"), "person:party");
  self->phone = add_entry (self, box, _("_Phone"), "person:phone");
  gtk_entry_set_input_purpose (self->phone, GTK_INPUT_PURPOSE_PHONE);
  self->email = add_entry (self, box, _("_E-mail"), "person:email");
  gtk_entry_set_input_purpose (self->email, GTK_INPUT_PURPOSE_EMAIL);
  self->callback_times = add_entry (self, box, _("_Safe times to call back"), "person:callback-times");
  self->callback_channel = add_drop_down (self, box, _("Call _back by"), channels, "person:callback-channel");
  self->referred_by = add_drop_down (self, box, _("Re_ferred by"), refs, NULL);
}

static void
build_incident (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_INCIDENT, "incident", _("What Happened"));

  self->type_checks = add_flags (self, box, _("What happened"), WB_TYPE_INCIDENT_TYPE, "incident:types");
  self->channel_checks = add_flags (self, box, _("How or where"), WB_TYPE_INCIDENT_CHANNEL, "incident:channels");
  self->target_checks = add_flags (self, box, _("Aimed at"), WB_TYPE_INCIDENT_TARGET, "incident:targets");
  self->date = add_entry (self, box, _("_Date (day-month-year)"), "incident:start");
  self->end_date = add_entry (self, box, _("_End of the period (optional)"), "incident:end");
  self->ongoing = add_check (self, box, _("It is _still going on"), NULL);
  self->description = add_text (self, box, _("Desc_ription"), "incident:description");
  self->perpetrator_known = add_check (self, box, _("The _perpetrator is known"), NULL);
  self->family_involved = add_check (self, box, _("_Family is involved"), NULL);
}

static void
build_safety (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_SAFETY, "safety", _("Safety and Police"));
  g_autoptr(GtkStringList) reports = enum_labels (WB_TYPE_POLICE_REPORT, WB_POLICE_REPORT_FILED + 1);
  g_autoptr(GtkStringList) urgencies = enum_labels (WB_TYPE_URGENCY, WB_URGENCY_ACUTE + 1);
  GtkWidget *label;

  self->police_informed = add_check (self, box, _("The police are _informed"), NULL);
  self->police_report = add_drop_down (self, box, _("Police re_port (aangifte)"), reports, NULL);
  self->measures = add_text (self, box, _("Current security _measures"), "intake:measures");

  label = heading (box, _("Triage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  self->triage_label = GTK_LABEL (gtk_label_new (NULL));
  self->triage_reasons = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel **l = (GtkLabel *[]) { self->triage_label, self->triage_reasons, NULL }; *l; l++)
    {
      gtk_label_set_xalign (*l, 0);
      gtk_label_set_wrap (*l, TRUE);
      gtk_label_set_selectable (*l, FALSE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (*l));
    }
  self->urgency = add_drop_down (self, box, _("_Urgency"), urgencies, NULL);
  self->override_reason = add_entry (self, box, _("_Reason for another urgency"), "triage:reason");
}

static void
build_needs (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_NEEDS, "needs", _("Support Needed"));

  self->need_checks = add_flags (self, box, _("The reporter asks for"), WB_TYPE_NEED, "needs:needs");
  self->details = add_text (self, box, _("_In their own words"), "needs:details");
}

static void
build_consent (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_CONSENT, "consent", _("Consent"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, WB_CONSENT_MAX_RETENTION_MONTHS, 1);

  self->consent_store = add_check (self, box, _("The reporter agrees that we _store their details"),
                                   "consent:store");
  self->anonymous_note = GTK_LABEL (gtk_label_new (_("Without this consent only an anonymous registration is kept: the urgency, the date and kinds of incident, the support asked for and the answers to yes-or-no questions, but no name, contact details, municipality, description or free text.")));
  gtk_label_set_wrap (self->anonymous_note, TRUE);
  gtk_label_set_xalign (self->anonymous_note, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->anonymous_note), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->anonymous_note));
  self->consent_share = add_check (self, box, _("… and that we _share them with partners"), "consent:share");
  gtk_box_append (GTK_BOX (box), error_label (self, "consent:share"));
  self->retention = GTK_SPIN_BUTTON (spin);
  add_field (self, box, _("_Keep for (months)"), spin, spin, "consent:retention-months");
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (changed_cb), self, 0);
}

static void
build_review (WbIntakePage *self)
{
  GtkWidget *box = step_box (self, STEP_REVIEW, "review", _("Review and Assign"));
  g_autoptr(GtkStringList) contacts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) plans = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = wb_aftercare_plan_list ();

  for (guint step = STEP_DANGER; step < STEP_REVIEW; step++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *button;
      GtkStackPage *page = gtk_stack_get_page (self->steps, self->step_boxes[step]);
      g_autofree char *name = NULL;

      /* Translators: a button on the review step that goes back to a step; %s is its title */
      name = g_strdup_printf (_("Change %s"), gtk_stack_page_get_title (page));
      button = gtk_button_new_with_label (_("Change"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (button), "wb-step", GUINT_TO_POINTER (step));
      g_signal_connect_object (button, "clicked", G_CALLBACK (go_to_clicked_cb), self, 0);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      heading (box, gtk_stack_page_get_title (page));
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (box), row);
      self->summary_labels[step] = GTK_LABEL (label);
    }

  heading (box, _("Assignment"));
  gtk_string_list_append (contacts, _("Nobody yet"));
  self->contact = add_drop_down (self, box, _("_Contact person"), contacts, NULL);
  heading (box, _("Suggested partners"));
  self->partners_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->partners_label, 0);
  gtk_label_set_wrap (self->partners_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->partners_label));
  self->partners_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->partners_box));
  self->partners_note = GTK_LABEL (gtk_label_new (_("There is no consent to share: no partners are stored with this report.")));
  gtk_label_set_xalign (self->partners_note, 0);
  gtk_label_set_wrap (self->partners_note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->partners_note), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->partners_note));

  for (guint i = 0; i < list->len; i++)
    gtk_string_list_append (plans, wb_aftercare_plan_get_name (g_ptr_array_index (list, i)));
  gtk_string_list_append (plans, _("No follow-ups"));
  self->plan = add_drop_down (self, box, _("_Follow-ups"), plans, NULL);
  self->plan_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->plan_label, 0);
  gtk_label_set_wrap (self->plan_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plan_label));
  wb_intake_followups_build (self, box);
}

void
wb_intake_form_build (WbIntakePage *self)
{
  build_danger (self);
  build_reporter (self);
  build_incident (self);
  build_safety (self);
  build_needs (self);
  build_consent (self);
  build_review (self);
}

static void
clear_checks (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
}

/* Empties every field, as after a save or a lock. */
void
wb_intake_form_clear (WbIntakePage *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now (wb_due_get_time_zone ());
  g_autofree char *date = g_date_time_format (today, "%d-%m-%Y");
  GtkEntry *entries[] = { self->name, self->party, self->phone, self->email, self->callback_times,
                          self->override_reason, self->end_date };
  GtkTextView *views[] = { self->description, self->measures, self->details };
  GtkCheckButton *checks[] = { self->acute, self->ongoing, self->perpetrator_known,
                               self->family_involved, self->police_informed, self->consent_share };

  self->updating++;
  /* Turning undo off and on drops its history, so Ctrl+Z after a lock
   * brings nothing back. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
      gtk_editable_set_enable_undo (GTK_EDITABLE (entries[i]), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (entries[i]), TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);

      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      gtk_text_buffer_set_enable_undo (buffer, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    gtk_check_button_set_active (checks[i], FALSE);
  clear_checks (self->type_checks);
  clear_checks (self->channel_checks);
  clear_checks (self->target_checks);
  clear_checks (self->need_checks);
  gtk_check_button_set_active (self->consent_store, TRUE);
  wb_area_picker_clear (self->municipality_picker);
  gtk_editable_set_enable_undo (GTK_EDITABLE (wb_area_picker_get_entry (self->municipality_picker)), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (wb_area_picker_get_entry (self->municipality_picker)), TRUE);
  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->pending_contact, g_free);
  g_hash_table_remove_all (self->chosen_partners);
  wb_intake_form_show_municipality (self);
  gtk_drop_down_set_selected (self->role, WB_PERSON_ROLE_ALDERMAN);
  gtk_drop_down_set_selected (self->association, 1);
  gtk_drop_down_set_selected (self->callback_channel, WB_CALLBACK_CHANNEL_PHONE);
  gtk_drop_down_set_selected (self->referred_by, 0);
  gtk_drop_down_set_selected (self->police_report, WB_POLICE_REPORT_NONE);
  gtk_drop_down_set_selected (self->urgency, WB_URGENCY_NORMAL);
  gtk_drop_down_set_selected (self->contact, 0);
  gtk_drop_down_set_selected (self->plan, 0);
  wb_intake_followups_fill_from_plan (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date), date);
  gtk_spin_button_set_value (self->retention, default_retention_months ());
  self->suggested = WB_URGENCY_NORMAL;
  self->urgency_chosen = FALSE;
  g_hash_table_remove_all (self->touched);
  self->updating--;
}

/* Reading */

WbPerson *
wb_intake_form_person (WbIntakePage *self,
                       const char   *case_id)
{
  WbPerson *p = wb_person_new ();
  g_autofree char *name = entry_text (self->name);
  g_autofree char *party = entry_text (self->party);
  g_autofree char *phone = entry_text (self->phone);
  g_autofree char *email = entry_text (self->email);
  g_autofree char *times = entry_text (self->callback_times);

  wb_person_set_case_id (p, case_id);
  wb_person_set_relation (p, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (p, name);
  wb_person_set_role (p, gtk_drop_down_get_selected (self->role));
  wb_person_set_municipality (p, self->municipality);
  wb_person_set_party (p, *party ? party : NULL);
  wb_person_set_phone (p, *phone ? phone : NULL);
  wb_person_set_email (p, *email ? email : NULL);
  wb_person_set_callback_times (p, *times ? times : NULL);
  wb_person_set_callback_channel (p, gtk_drop_down_get_selected (self->callback_channel));
  return p;
}

/* A day as typed (day-month-year), at noon in the team's time zone. */
GDateTime *
wb_intake_parse_date (const char *text)
{
  int day, month, year;
  char end;

  if (sscanf (text, "%d-%d-%d%c", &day, &month, &year, &end) != 3
      && sscanf (text, "%d/%d/%d%c", &day, &month, &year, &end) != 3)
    return NULL;
  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new (wb_due_get_time_zone (), year, month, day, 12, 0, 0);
}

/* @issues receives what the incident's own validation cannot know: an
 * unreadable or future date or end of the period. */
WbIncident *
wb_intake_form_incident (WbIntakePage *self,
                         const char   *case_id,
                         GPtrArray    *issues)
{
  WbIncident *incident = wb_incident_new ();
  g_autofree char *date = entry_text (self->date);
  g_autofree char *end_text = entry_text (self->end_date);
  g_autofree char *description = wb_text_view_dup_text (self->description);
  g_autoptr(GDateTime) start = wb_intake_parse_date (date);
  g_autoptr(GDateTime) end = wb_intake_parse_date (end_text);
  g_autoptr(GDateTime) now = g_date_time_new_now (wb_due_get_time_zone ());

  wb_incident_set_case_id (incident, case_id);
  wb_incident_set_types (incident, flags_of (self->type_checks));
  wb_incident_set_channels (incident, flags_of (self->channel_checks));
  wb_incident_set_targets (incident, flags_of (self->target_checks));
  if (start == NULL && *date != '\0' && issues != NULL)
    /* Translators: keep the format; day-month-year */
    g_ptr_array_add (issues, wb_validation_issue_new ("start", _("Enter a date like 27-11-2026.")));
  if (end == NULL && *end_text != '\0' && issues != NULL)
    g_ptr_array_add (issues, wb_validation_issue_new ("end", _("Enter a date like 27-11-2026.")));
  wb_incident_set_start (incident, start);
  wb_incident_set_end (incident, end);
  if (issues != NULL)
    wb_incident_validate_dates (incident, now, issues);
  wb_incident_set_ongoing (incident, gtk_check_button_get_active (self->ongoing));
  wb_incident_set_description (incident, g_strstrip (description));
  wb_incident_set_perpetrator_known (incident, gtk_check_button_get_active (self->perpetrator_known));
  wb_incident_set_family_involved (incident, gtk_check_button_get_active (self->family_involved));
  wb_incident_set_police_informed (incident, gtk_check_button_get_active (self->police_informed));
  wb_incident_set_police_report (incident, gtk_drop_down_get_selected (self->police_report));
  return incident;
}

WbNeeds *
wb_intake_form_needs (WbIntakePage *self,
                      const char   *case_id)
{
  WbNeeds *needs = wb_needs_new ();
  g_autofree char *details = wb_text_view_dup_text (self->details);

  wb_needs_set_case_id (needs, case_id);
  wb_needs_set_needs (needs, flags_of (self->need_checks));
  g_strstrip (details);
  wb_needs_set_details (needs, *details ? details : NULL);
  return needs;
}

WbConsent *
wb_intake_form_consent (WbIntakePage *self,
                        const char   *case_id)
{
  WbConsent *consent = wb_consent_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  wb_consent_set_case_id (consent, case_id);
  wb_consent_set_store (consent, gtk_check_button_get_active (self->consent_store));
  wb_consent_set_share (consent, gtk_check_button_get_active (self->consent_share));
  /* Chosen partners are kept only with consent to share. */
  if (gtk_check_button_get_active (self->consent_share))
    {
      g_auto(GStrv) partners = wb_intake_form_chosen_partners (self);

      wb_consent_set_partner_ids (consent, (const char * const *) partners);
    }
  wb_consent_set_given_at (consent, now);
  wb_consent_set_retention_months (consent, gtk_spin_button_get_value_as_int (self->retention));
  return consent;
}

WbAssociation
wb_intake_form_association (WbIntakePage *self)
{
  guint i = gtk_drop_down_get_selected (self->association);

  return i < G_N_ELEMENTS (associations) ? associations[i] : WB_ASSOCIATION_NONE;
}

WbUrgency
wb_intake_form_urgency (WbIntakePage *self)
{
  return gtk_drop_down_get_selected (self->urgency);
}

const char *
wb_intake_form_contact_id (WbIntakePage *self)
{
  guint i = gtk_drop_down_get_selected (self->contact);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || self->accounts == NULL || i > self->accounts->len)
    return NULL;
  return g_object_get_data (G_OBJECT (self->contact), "wb-ids") != NULL
         ? ((char **) g_object_get_data (G_OBJECT (self->contact), "wb-ids"))[i - 1]
         : NULL;
}

const WbAftercarePlan *
wb_intake_form_plan (WbIntakePage *self)
{
  g_autoptr(GPtrArray) list = wb_aftercare_plan_list ();
  guint i = gtk_drop_down_get_selected (self->plan);

  return i < list->len ? g_ptr_array_index (list, i) : NULL;
}

/* Contact persons: every account; nobody until the user chooses. */
void
wb_intake_form_fill_contacts (WbIntakePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) ids = g_new0 (char *, (self->accounts ? self->accounts->len : 0) + 1);

  gtk_string_list_append (names, _("Nobody yet"));
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      const WbVaultAccount *a = g_ptr_array_index (self->accounts, i);

      gtk_string_list_append (names, a->display_name ? a->display_name : a->name);
      ids[i] = wb_record_id_to_string (&a->id);
    }
  self->updating++;
  gtk_drop_down_set_model (self->contact, G_LIST_MODEL (names));
  g_object_set_data_full (G_OBJECT (self->contact), "wb-ids", g_steal_pointer (&ids),
                          (GDestroyNotify) g_strfreev);
  gtk_drop_down_set_selected (self->contact, 0);
  self->updating--;
  wb_intake_form_select_contact (self);
}

/* Checking */

static void
issues_with_prefix (GPtrArray  *into,
                    GPtrArray  *issues,
                    const char *prefix,
                    const char *only)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const WbValidationIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *field = g_strconcat (prefix, ":", issue->field, NULL);

      if (only != NULL && !g_str_equal (issue->field, only))
        continue;
      g_ptr_array_add (into, wb_validation_issue_new (field, issue->message));
    }
}

/* Collects the issues of @step, with fields named "entity:property". */
gboolean
wb_intake_form_check_step (WbIntakePage *self,
                           guint         step,
                           GPtrArray    *issues)
{
  g_autoptr(GPtrArray) found = wb_validation_issues_new ();
  g_autofree char *case_id = wb_record_id_new ();
  guint before = issues->len;

  switch (step)
    {
    case STEP_REPORTER:
      {
        g_autoptr(WbPerson) p = wb_intake_form_person (self, case_id);

        wb_person_validate (p, found);
        issues_with_prefix (issues, found, "person", NULL);
        if (self->municipality == NULL)
          g_ptr_array_add (issues, wb_validation_issue_new ("person:municipality",
                                                            _("Choose the municipality.")));
        if (wb_intake_form_association (self) == WB_ASSOCIATION_NONE)
          g_ptr_array_add (issues, wb_validation_issue_new ("case:association",
                                                            _("Choose the association that received the report.")));
      }
      break;
    case STEP_INCIDENT:
      {
        g_autoptr(WbIncident) incident = wb_intake_form_incident (self, case_id, found);

        wb_incident_validate (incident, found);
        issues_with_prefix (issues, found, "incident", NULL);
      }
      break;
    case STEP_SAFETY:
      {
        g_autofree char *reason = entry_text (self->override_reason);
        g_autofree char *measures = wb_text_view_dup_text (self->measures);
        g_autoptr(GError) error = NULL;

        if (!wb_triage_override_check (self->suggested, wb_intake_form_urgency (self),
                                       reason, &error))
          g_ptr_array_add (issues, wb_validation_issue_new ("triage:reason", error->message));
        if (!wb_text_is_clean (measures, TRUE) || g_utf8_strlen (measures, -1) > WB_TEXT_MAX_CHARS)
          g_ptr_array_add (issues, wb_validation_issue_new ("intake:measures",
                                                            _("The text holds characters that are not allowed or is too long.")));
      }
      break;
    case STEP_NEEDS:
      {
        g_autoptr(WbNeeds) needs = wb_intake_form_needs (self, case_id);

        wb_needs_validate (needs, found);
        issues_with_prefix (issues, found, "needs", NULL);
      }
      break;
    case STEP_CONSENT:
      {
        g_autoptr(WbConsent) consent = wb_intake_form_consent (self, case_id);

        wb_consent_validate (consent, found);
        issues_with_prefix (issues, found, "consent", NULL);
      }
      break;
    default:
      break;
    }
  return issues->len == before;
}

/* Triage and review */

void
wb_intake_form_update_triage (WbIntakePage *self)
{
  g_autofree char *case_id = wb_record_id_new ();
  g_autoptr(WbIncident) incident = wb_intake_form_incident (self, case_id, NULL);
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *suggestion = NULL;

  self->suggested = wb_triage_suggest (incident, &reasons);
  /* Translators: %s is an urgency: Acute, High or Normal */
  suggestion = g_strdup_printf (_("Suggested urgency: %s"), wb_urgency_to_label (self->suggested));
  gtk_label_set_text (self->triage_label, suggestion);
  for (guint i = 0; i < reasons->len; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (reasons, i));
  gtk_label_set_text (self->triage_reasons, text->str);
  if (!self->urgency_chosen)
    {
      self->updating++;
      gtk_drop_down_set_selected (self->urgency, self->suggested);
      self->updating--;
    }
  /* Sharing needs consent to store: without it, sharing is off, not an
   * error the user has to find. */
  if (!gtk_check_button_get_active (self->consent_store)
      && gtk_check_button_get_active (self->consent_share))
    {
      self->updating++;
      gtk_check_button_set_active (self->consent_share, FALSE);
      self->updating--;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_share),
                            gtk_check_button_get_active (self->consent_store));
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_note),
                          !gtk_check_button_get_active (self->consent_store));
}

/* Who referred the reporter, translated. */
const char *
wb_intake_form_referrer (WbIntakePage *self)
{
  guint i = gtk_drop_down_get_selected (self->referred_by);

  return _(referrers[MIN (i, G_N_ELEMENTS (referrers) - 1)]);
}
