/* wb-intake-page.c: the guided intake wizard for a new report (Nieuwe melding).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seven steps in a stack; Next is enabled only when the current step's
 * entities validate, and the issues show beside the fields the user has
 * touched. Save writes the case and everything that belongs to it in one
 * store transaction, then opens the case and starts afresh. Locking the
 * vault empties the wizard: what was typed survives only as a sealed
 * draft, written before the lock (wb-intake-state.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-application.h"
#include "wb-intake-page-private.h"
#include "wb-store-partners.h"

G_DEFINE_FINAL_TYPE (WbIntakePage, wb_intake_page, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_STEP,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
current_step (WbIntakePage *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->steps);

  for (guint i = 0; i < N_STEPS; i++)
    if (self->step_boxes[i] == child)
      return i;
  return 0;
}

static void
show_issues (WbIntakePage *self,
             GPtrArray    *issues)
{
  GHashTableIter iter;
  gpointer field, label;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &field, &label))
    {
      const WbValidationIssue *issue = wb_validation_issues_find (issues, field);
      gboolean show = issue != NULL && g_hash_table_contains (self->touched, field);

      if (show)
        gtk_label_set_text (label, issue->message);
      gtk_widget_set_visible (label, show);
    }
}

gboolean
wb_intake_page_is_pristine (WbIntakePage *self)
{
  return g_hash_table_size (self->touched) == 0
         && !gtk_check_button_get_active (self->acute)
         && current_step (self) == STEP_DANGER;
}

static void
update (WbIntakePage *self)
{
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  guint step = current_step (self);
  g_autofree char *indicator = NULL;
  gboolean valid;

  wb_intake_form_update_triage (self);
  valid = wb_intake_form_check_step (self, step, issues);
  show_issues (self, issues);

  /* Translators: the step indicator of the intake, e.g. "Step 2 of 7" */
  indicator = g_strdup_printf (_("Step %u of %u"), step + 1, N_STEPS);
  gtk_label_set_text (self->step_label, indicator);
  gtk_label_set_text (self->title_label,
                      gtk_stack_page_get_title (gtk_stack_get_page (self->steps,
                                                                    self->step_boxes[step])));
  gtk_widget_set_visible (GTK_WIDGET (self->acute_banner),
                          gtk_check_button_get_active (self->acute));
  gtk_widget_set_visible (self->next_button, step < STEP_REVIEW);
  gtk_widget_set_visible (self->save_button, step == STEP_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.previous", step > 0 && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.next", step < STEP_REVIEW && valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.save",
                                 step == STEP_REVIEW && !self->saving && self->store != NULL
                                 && wb_intake_followups_check (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.discard",
                                 !self->saving && !wb_intake_page_is_pristine (self));
  if (step == STEP_REVIEW)
    wb_intake_form_update_review (self);
}

void
wb_intake_page_changed (WbIntakePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  self->draft_dirty = TRUE;
  update (self);
}

/* The first field of a step, for the keyboard focus. */
static GtkWidget *
first_field (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return NULL;
  if (GTK_IS_ENTRY (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget)
      || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_field (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
go_to (WbIntakePage *self,
       guint         step)
{
  GtkWidget *field;

  if (step >= N_STEPS || step == current_step (self))
    return;
  gtk_stack_set_visible_child (self->steps, self->step_boxes[step]);
  self->draft_dirty = TRUE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  field = first_field (self->step_boxes[step]);
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

/* Loading accounts and partners */

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbIntakePage) self = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = wb_store_list_accounts_finish (WB_STORE (object), result, &error);
  if (accounts == NULL || wb_store_get_locked (self->store))
    return;
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = g_steal_pointer (&accounts);
  wb_intake_form_fill_contacts (self);
}

static void
partners_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WbIntakePage) self = user_data;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;

  partners = wb_store_list_partners_finish (WB_STORE (object), result, &error);
  if (partners == NULL || wb_store_get_locked (self->store))
    return;
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  self->partners = g_steal_pointer (&partners);
  update (self);
}

static void
load (WbIntakePage *self)
{
  if (self->store == NULL || wb_store_get_locked (self->store))
    return;
  wb_store_list_accounts_async (self->store, self->cancellable, accounts_listed_cb,
                                g_object_ref (self));
  wb_store_list_partners_async (self->store, self->cancellable, partners_listed_cb,
                                g_object_ref (self));
}

static void
store_locked_cb (WbIntakePage *self)
{
  if (wb_store_get_locked (self->store))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      g_clear_pointer (&self->accounts, g_ptr_array_unref);
      g_clear_pointer (&self->partners, g_ptr_array_unref);
      wb_intake_page_reset (self);
      wb_intake_form_fill_contacts (self);
    }
  else
    load (self);
}

/* Saving */

static void
add_record (GPtrArray  *records,
            const char *kind,
            const char *id,
            GBytes     *bytes)
{
  WbRecordId rid;

  if (!wb_record_id_from_string (id, &rid))
    g_return_if_reached ();
  g_ptr_array_add (records, wb_store_record_new (kind, &rid, bytes));
  g_bytes_unref (bytes);
}

static char *
next_reference (WbIntakePage *self,
                GDateTime    *now)
{
  g_autoptr(GPtrArray) rows = wb_store_dup_index_rows (self->store);
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (refs, (gpointer) ((WbCaseRow *) g_ptr_array_index (rows, i))->reference);
  g_ptr_array_add (refs, NULL);
  return wb_case_reference_next ((const char * const *) refs->pdata,
                                 g_date_time_get_year (now));
}

static void
show_save_error (WbIntakePage *self,
                 const char   *message)
{
  g_autofree char *text = NULL;

  /* Translators: %s says why; nothing of the report was stored */
  text = g_strdup_printf (_("The report was not saved: %s Nothing was stored; the form is kept, try again."),
                          message);
  gtk_label_set_text (self->save_error, text);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
}

static void
set_saving (WbIntakePage *self,
            gboolean      saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

typedef struct
{
  WbIntakePage *self;
  char         *case_id;
} SaveData;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *d = user_data;
  g_autoptr(WbIntakePage) self = d->self;
  g_autofree char *case_id = d->case_id;
  g_autoptr(GError) error = NULL;

  g_free (d);
  if (!wb_store_put_many_finish (WB_STORE (object), result, &error))
    {
      set_saving (self, FALSE);
      if (!wb_store_get_locked (self->store))
        show_save_error (self, error->message);
      return;
    }
  set_saving (self, FALSE);
  wb_intake_page_drop_draft (self, TRUE);
  wb_intake_page_reset (self);
  g_signal_emit (self, signals[SAVED], 0, case_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s", case_id);
}

static GPtrArray *
build_records (WbIntakePage  *self,
               char         **out_case_id,
               GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(WbCase) kase = wb_case_new ();
  g_autoptr(WbConsent) consent = NULL;
  g_autoptr(WbIncident) incident = NULL;
  g_autoptr(WbNeeds) needs = NULL;
  g_autoptr(WbTimelineEntry) entry = wb_timeline_entry_new ();
  g_autoptr(GDateTime) retain = NULL;
  g_autofree char *reference = next_reference (self, now);
  g_autofree char *text = NULL;
  g_autofree char *actor = NULL;
  const char *case_id = wb_case_get_id (kase);
  const char *contact = wb_intake_form_contact_id (self);
  gboolean keep = gtk_check_button_get_active (self->consent_store);
  g_autoptr(GPtrArray) follow_ups = NULL;

  if (reference == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("All case references of this year are in use."));
      return NULL;
    }
  consent = wb_intake_form_consent (self, case_id);
  retain = g_date_time_add_months (now, wb_consent_get_retention_months (consent));
  wb_case_set_reference (kase, reference);
  wb_case_set_status (kase, WB_CASE_STATUS_NEW);
  wb_case_set_urgency (kase, wb_intake_form_urgency (self));
  wb_case_set_association (kase, wb_intake_form_association (self));
  wb_case_set_assignee (kase, contact);
  wb_case_set_created (kase, now);
  wb_case_set_updated (kase, now);
  wb_case_set_retain_until (kase, retain);
  if (!wb_case_check (kase, error) || !wb_consent_check (consent, error))
    return NULL;
  add_record (records, WB_KIND_CASE, case_id, wb_case_serialize (kase));
  add_record (records, WB_KIND_CONSENT, wb_consent_get_id (consent), wb_consent_serialize (consent));

  incident = wb_intake_form_incident (self, case_id, NULL);
  needs = wb_intake_form_needs (self, case_id);
  if (keep)
    {
      g_autoptr(WbPerson) reporter = wb_intake_form_person (self, case_id);

      if (!wb_person_check (reporter, error))
        return NULL;
      add_record (records, WB_KIND_PERSON, wb_person_get_id (reporter), wb_person_serialize (reporter));
    }
  else
    {
      /* An anonymous registration keeps the kinds, not the words. */
      wb_incident_set_description (incident, _("Not kept: no consent to store personal details."));
      wb_needs_set_details (needs, NULL);
    }
  if (!wb_incident_check (incident, error) || !wb_needs_check (needs, error))
    return NULL;
  add_record (records, WB_KIND_INCIDENT, wb_incident_get_id (incident), wb_incident_serialize (incident));
  add_record (records, WB_KIND_NEEDS, wb_needs_get_id (needs), wb_needs_serialize (needs));

  actor = wb_store_get_actor (self->store) ? wb_record_id_to_string (&wb_store_get_actor (self->store)->id) : NULL;
  text = wb_intake_form_timeline_text (self);
  wb_timeline_entry_set_case_id (entry, case_id);
  wb_timeline_entry_set_kind (entry, WB_TIMELINE_KIND_NOTE);
  wb_timeline_entry_set_time (entry, now);
  wb_timeline_entry_set_author (entry, actor);
  wb_timeline_entry_set_text (entry, text);
  if (!wb_timeline_entry_check (entry, error))
    return NULL;
  add_record (records, WB_KIND_TIMELINE, wb_timeline_entry_get_id (entry),
              wb_timeline_entry_serialize (entry));

  /* The proposed follow-ups as the user left them. */
  follow_ups = wb_intake_followups_records (self, case_id, contact, error);
  if (follow_ups == NULL)
    return NULL;
  for (guint i = 0; i < follow_ups->len; i++)
    g_ptr_array_add (records, g_steal_pointer (&follow_ups->pdata[i]));
  g_ptr_array_set_free_func (follow_ups, NULL);
  if (self->fail_kind != NULL)
    {
      g_autofree char *id = wb_record_id_new ();

      add_record (records, self->fail_kind, id, g_bytes_new_static ("x", 1));
      g_clear_pointer (&self->fail_kind, g_free);
    }
  *out_case_id = g_strdup (case_id);
  return g_steal_pointer (&records);
}

/* Actions */

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WbIntakePage *self = WB_INTAKE_PAGE (widget);
  guint step = current_step (self);

  if (step > 0)
    go_to (self, step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WbIntakePage *self = WB_INTAKE_PAGE (widget);
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  guint step = current_step (self);

  if (step < STEP_REVIEW && wb_intake_form_check_step (self, step, issues))
    go_to (self, step + 1);
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  go_to (WB_INTAKE_PAGE (widget), g_variant_get_uint32 (param));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     WbIntakePage     *self)
{
  if (g_str_equal (response, "discard"))
    {
      wb_intake_page_drop_draft (self, TRUE);
      wb_intake_page_reset (self);
    }
}

/* Escape asks first: a call may be half-way, and nothing comes back. */
static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WbIntakePage *self = WB_INTAKE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->saving || wb_intake_page_is_pristine (self))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard This Report?"),
                                   _("Everything entered in this intake is removed."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WbIntakePage *self = WB_INTAKE_PAGE (widget);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *d;
  char *case_id = NULL;

  if (self->saving || self->store == NULL || wb_store_get_locked (self->store))
    return;
  /* Every step again: a step may have become invalid after a later one. */
  for (guint step = 0; step < STEP_REVIEW; step++)
    {
      g_autoptr(GPtrArray) issues = wb_validation_issues_new ();

      if (!wb_intake_form_check_step (self, step, issues))
        {
          go_to (self, step);
          return;
        }
    }
  records = build_records (self, &case_id, &error);
  if (records == NULL)
    {
      show_save_error (self, error->message);
      return;
    }
  d = g_new0 (SaveData, 1);
  d->self = g_object_ref (self);
  d->case_id = case_id;
  set_saving (self, TRUE);
  wb_store_put_many_async (self->store, records, NULL, saved_cb, d);
}

/* GObject */

static void
find_store (WbIntakePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (self->store == NULL && WB_IS_APPLICATION (app))
    wb_intake_page_set_store (self, wb_application_get_store (WB_APPLICATION (app)));
}

static void
wb_intake_page_root (GtkWidget *widget)
{
  WbIntakePage *self = WB_INTAKE_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (wb_intake_page_parent_class)->root (widget);

  /* The window's template is built before its application is set. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_APPLICATION_WINDOW (root) && !self->has_window_actions)
    {
      wb_intake_page_add_window_actions (self, G_ACTION_MAP (root));
      self->has_window_actions = TRUE;
    }
  if (self->store == NULL && GTK_IS_WINDOW (root))
    {
      if (gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        find_store (self);
      else
        g_signal_connect_object (root, "notify::application", G_CALLBACK (find_store), self,
                                 G_CONNECT_SWAPPED);
    }
}

/* GTK 4.8 lists the widgets of hidden stack pages as showing, so a screen
 * reader (and the e2e tests) would find the wizard's fields while another
 * area is shown: the form is hidden while the page is not mapped. */
static void
wb_intake_page_map (GtkWidget *widget)
{
  gtk_widget_set_visible (GTK_WIDGET (WB_INTAKE_PAGE (widget)->scroller), TRUE);

  GTK_WIDGET_CLASS (wb_intake_page_parent_class)->map (widget);
}

/* Leaving the intake area keeps what was typed as a draft. */
static void
wb_intake_page_unmap (GtkWidget *widget)
{
  WbIntakePage *self = WB_INTAKE_PAGE (widget);

  if (self->draft_dirty)
    wb_intake_page_save_draft (self);

  GTK_WIDGET_CLASS (wb_intake_page_parent_class)->unmap (widget);

  gtk_widget_set_visible (GTK_WIDGET (WB_INTAKE_PAGE (widget)->scroller), FALSE);
}

static void
wb_intake_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WbIntakePage *self = WB_INTAKE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, current_step (self));
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_intake_page_dispose (GObject *object)
{
  WbIntakePage *self = WB_INTAKE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), WB_TYPE_INTAKE_PAGE);

  G_OBJECT_CLASS (wb_intake_page_parent_class)->dispose (object);
}

static void
wb_intake_page_finalize (GObject *object)
{
  WbIntakePage *self = WB_INTAKE_PAGE (object);

  g_clear_pointer (&self->type_checks, g_ptr_array_unref);
  g_clear_pointer (&self->channel_checks, g_ptr_array_unref);
  g_clear_pointer (&self->target_checks, g_ptr_array_unref);
  g_clear_pointer (&self->need_checks, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->chosen_partners, g_hash_table_unref);
  g_clear_pointer (&self->partners_key, g_free);
  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->fail_kind, g_free);
  g_clear_pointer (&self->draft, wb_intake_draft_free);
  g_clear_pointer (&self->pending_contact, g_free);

  G_OBJECT_CLASS (wb_intake_page_parent_class)->finalize (object);
}

static void
wb_intake_page_class_init (WbIntakePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wb_intake_page_get_property;
  object_class->dispose = wb_intake_page_dispose;
  object_class->finalize = wb_intake_page_finalize;
  widget_class->root = wb_intake_page_root;
  widget_class->map = wb_intake_page_map;
  widget_class->unmap = wb_intake_page_unmap;

  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, N_STEPS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WbIntakePage::saved:
   * @case_id: the new case's record id
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-intake-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, step_label);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, acute_banner);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, steps);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, save_error);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, WbIntakePage, save_button);

  gtk_widget_class_install_action (widget_class, "intake.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "intake.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "intake.go-to", "u", go_to_action);
  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.discard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "intake.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "intake.previous", NULL);
}

static void
wb_intake_page_init (WbIntakePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->chosen_partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  wb_intake_form_build (self);
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  wb_intake_form_clear (self);
  update (self);
}

GtkWidget *
wb_intake_page_new (void)
{
  return g_object_new (WB_TYPE_INTAKE_PAGE, NULL);
}

void
wb_intake_page_set_store (WbIntakePage *self,
                          WbStore      *store)
{
  g_return_if_fail (WB_IS_INTAKE_PAGE (self));
  g_return_if_fail (WB_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "notify::locked", G_CALLBACK (store_locked_cb), self,
                           G_CONNECT_SWAPPED);
  load (self);
  update (self);
}

/**
 * wb_intake_page_reset:
 *
 * Empties every field and goes back to the first step.
 */
void
wb_intake_page_reset (WbIntakePage *self)
{
  g_return_if_fail (WB_IS_INTAKE_PAGE (self));

  wb_intake_form_clear (self);
  wb_intake_page_drop_draft (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  if (current_step (self) != STEP_DANGER)
    {
      gtk_stack_set_visible_child (self->steps, self->step_boxes[STEP_DANGER]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
    }
  update (self);
}

/* Fills the wizard from @draft (taken over) and shows it at its step. */
void
wb_intake_page_load_draft (WbIntakePage  *self,
                           WbIntakeDraft *draft)
{
  GtkWidget *field;
  guint step = MIN (draft->step, N_STEPS - 1);

  wb_intake_page_reset (self);
  wb_intake_form_restore (self, draft->fields);
  self->draft = draft;
  gtk_stack_set_visible_child (self->steps, self->step_boxes[step]);
  update (self);
  self->draft_dirty = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-area", "s", "intake");
  field = first_field (self->step_boxes[step]);
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

guint
wb_intake_page_get_step (WbIntakePage *self)
{
  g_return_val_if_fail (WB_IS_INTAKE_PAGE (self), 0);

  return current_step (self);
}

gboolean
wb_intake_page_get_saving (WbIntakePage *self)
{
  g_return_val_if_fail (WB_IS_INTAKE_PAGE (self), FALSE);

  return self->saving;
}

void
wb_intake_page_fail_next_save_for_testing (WbIntakePage *self,
                                           const char   *kind)
{
  g_return_if_fail (WB_IS_INTAKE_PAGE (self));

  g_free (self->fail_kind);
  self->fail_kind = g_strdup (kind);
}
