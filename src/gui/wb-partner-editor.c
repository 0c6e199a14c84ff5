/* wb-partner-editor.c: the detail and edit form of one partner of the directory.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form edits a private copy of the partner; the listed object changes
 * only through the store. Validation issues of WbPartner are shown beside
 * their fields, live once the user tried to save.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-a11y.h"
#include "wb-area-picker.h"
#include "wb-core.h"
#include "wb-partner-editor.h"
#include "wb-store-partners.h"

struct _WbPartnerEditor
{
  GtkBox        parent_instance;

  WbStore      *store;
  WbPartner    *partner;
  GPtrArray    *areas;          /* area codes */
  gboolean      is_new;
  gboolean      tried_save;
  GCancellable *cancellable;

  GtkLabel     *title_label;
  GtkButton    *save_button;
  GtkEntry     *name_entry;
  GtkLabel     *name_error;
  GtkEntry     *organisation_entry;
  GtkLabel     *organisation_error;
  GtkDropDown  *kind_dropdown;
  GtkListBox   *areas_list;
  WbAreaPicker *area_picker;
  GtkLabel     *areas_error;
  GtkEntry     *languages_entry;
  GtkLabel     *languages_error;
  GtkEntry     *availability_entry;
  GtkLabel     *availability_error;
  GtkEntry     *phone_entry;
  GtkLabel     *phone_error;
  GtkEntry     *email_entry;
  GtkLabel     *email_error;
  GtkTextView  *notes_view;
  GtkLabel     *notes_error;
  GtkLabel     *verified_label;
  GtkCheckButton *active_check;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (WbPartnerEditor, wb_partner_editor, GTK_TYPE_BOX)

enum
{
  SAVED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static char *
notes_text (WbPartnerEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char **
split_languages (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;]", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* Copies the form into the working partner. */
static void
collect (WbPartnerEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_entry)));
  g_autofree char *organisation = g_strstrip (g_strdup (entry_text (self->organisation_entry)));
  g_autofree char *availability = g_strstrip (g_strdup (entry_text (self->availability_entry)));
  g_autofree char *phone = g_strstrip (g_strdup (entry_text (self->phone_entry)));
  g_autofree char *email = g_strstrip (g_strdup (entry_text (self->email_entry)));
  g_autofree char *notes = notes_text (self);
  g_auto(GStrv) languages = split_languages (entry_text (self->languages_entry));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  wb_partner_set_name (self->partner, name);
  wb_partner_set_organisation (self->partner, organisation);
  if (kind != GTK_INVALID_LIST_POSITION)
    wb_partner_set_kind (self->partner, kind);
  g_ptr_array_add (self->areas, NULL);
  wb_partner_set_areas (self->partner, (const char * const *) self->areas->pdata);
  g_ptr_array_remove_index (self->areas, self->areas->len - 1);
  wb_partner_set_languages (self->partner, (const char * const *) languages);
  wb_partner_set_availability (self->partner, availability);
  wb_partner_set_phone (self->partner, phone);
  wb_partner_set_email (self->partner, email);
  wb_partner_set_notes (self->partner, notes);
  wb_partner_set_active (self->partner, gtk_check_button_get_active (self->active_check));
}

static const char *
issue_for (GPtrArray  *issues,
           const char *field)
{
  const WbValidationIssue *issue = wb_validation_issues_find (issues, field);

  return issue ? issue->message : NULL;
}

/* Returns the first field with an issue, to focus. */
static GtkWidget *
show_issues (WbPartnerEditor *self,
             GPtrArray       *issues)
{
  const struct
  {
    const char *field;
    GtkLabel   *label;
    GtkWidget  *widget;
  } fields[] = {
    { "name", self->name_error, GTK_WIDGET (self->name_entry) },
    { "organisation", self->organisation_error, GTK_WIDGET (self->organisation_entry) },
    { "areas", self->areas_error, GTK_WIDGET (wb_area_picker_get_entry (self->area_picker)) },
    { "languages", self->languages_error, GTK_WIDGET (self->languages_entry) },
    { "availability", self->availability_error, GTK_WIDGET (self->availability_entry) },
    { "phone", self->phone_error, GTK_WIDGET (self->phone_entry) },
    { "email", self->email_error, GTK_WIDGET (self->email_entry) },
    { "notes", self->notes_error, GTK_WIDGET (self->notes_view) },
  };
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *message = issue_for (issues, fields[i].field);

      show_error (fields[i].label, message);
      if (message != NULL)
        gtk_widget_add_css_class (fields[i].widget, "error");
      else
        gtk_widget_remove_css_class (fields[i].widget, "error");
      if (message != NULL && first == NULL)
        first = fields[i].widget;
    }
  return first;
}

static void
update_verified (WbPartnerEditor *self)
{
  GDateTime *verified = wb_partner_get_verified_at (self->partner);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (verified == NULL)
    {
      gtk_label_set_text (self->verified_label, _("Contact details never verified"));
      return;
    }
  local = g_date_time_to_timezone (verified, wb_due_get_time_zone ());
  date = g_date_time_format (local, "%-d %B %Y");
  /* Translators: %s is a date, e.g. 27 November 2026 */
  text = g_strdup_printf (_("Contact details last verified on %s"), date);
  gtk_label_set_text (self->verified_label, text);
}

static void
remove_area_cb (WbPartnerEditor *self,
                GtkButton       *button);

static void
rebuild_areas (WbPartnerEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list))) != NULL)
    gtk_list_box_remove (self->areas_list, child);

  for (guint i = 0; i < self->areas->len; i++)
    {
      const char *code = g_ptr_array_index (self->areas, i);
      const WbArea *area = wb_regions_lookup (code);
      g_autofree char *label = area ? wb_area_get_label (area) : g_strdup (code);
      g_autofree char *remove_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* Translators: a button beside an area served, %s names it, e.g. Province of Fryslân */
      remove_name = g_strdup_printf (_("Remove %s"), label);
      gtk_widget_set_tooltip_text (button, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "wb-area-code", g_strdup (code), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_area_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->areas_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->areas_list), self->areas->len > 0);
}

static void
revalidate (WbPartnerEditor *self)
{
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();

  if (!self->tried_save || self->partner == NULL)
    return;
  collect (self);
  wb_partner_validate (self->partner, issues);
  show_issues (self, issues);
}

/* Callbacks */

static void
field_changed_cb (WbPartnerEditor *self)
{
  revalidate (self);
}

static gboolean
has_area (WbPartnerEditor *self,
          const char      *code)
{
  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), code))
      return TRUE;
  return FALSE;
}

static void
area_chosen_cb (WbPartnerEditor *self,
                const char      *code)
{
  if (!has_area (self, code))
    g_ptr_array_add (self->areas, g_strdup (code));
  rebuild_areas (self);
  revalidate (self);
}

static void
remove_area_cb (WbPartnerEditor *self,
                GtkButton       *button)
{
  const char *code = g_object_get_data (G_OBJECT (button), "wb-area-code");

  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), code))
      {
        g_ptr_array_remove_index (self->areas, i);
        break;
      }
  rebuild_areas (self);
  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (wb_area_picker_get_entry (self->area_picker)));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(WbPartnerEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wb_store_put_partner_finish (WB_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
      show_error (self->error_label, error->message);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  g_signal_emit (self, signals[SAVED], 0, wb_partner_get_id (self->partner));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WbPartnerEditor *self = WB_PARTNER_EDITOR (widget);
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  GtkWidget *first;

  if (self->partner == NULL || self->store == NULL)
    return;
  self->tried_save = TRUE;
  collect (self);
  show_error (self->error_label, NULL);
  if (!wb_partner_validate (self->partner, issues))
    {
      first = show_issues (self, issues);
      if (first != NULL)
        gtk_widget_grab_focus (first);
      else
        show_error (self->error_label, ((WbValidationIssue *) g_ptr_array_index (issues, 0))->message);
      return;
    }
  show_issues (self, issues);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  wb_store_put_partner_async (self->store, self->partner, self->cancellable, saved_cb,
                              g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbPartnerEditor *self = WB_PARTNER_EDITOR (widget);

  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
verified_today_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WbPartnerEditor *self = WB_PARTNER_EDITOR (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (self->partner == NULL)
    return;
  wb_partner_set_verified_at (self->partner, now);
  update_verified (self);
}

/* GObject */

static void
wb_partner_editor_dispose (GObject *object)
{
  WbPartnerEditor *self = WB_PARTNER_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_PARTNER_EDITOR);

  G_OBJECT_CLASS (wb_partner_editor_parent_class)->dispose (object);
}

static void
wb_partner_editor_finalize (GObject *object)
{
  WbPartnerEditor *self = WB_PARTNER_EDITOR (object);

  g_clear_pointer (&self->areas, g_ptr_array_unref);

  G_OBJECT_CLASS (wb_partner_editor_parent_class)->finalize (object);
}

static void
wb_partner_editor_class_init (WbPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_partner_editor_dispose;
  object_class->finalize = wb_partner_editor_finalize;

  /**
   * WbPartnerEditor::saved:
   * @id: the id of the saved partner
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (WB_TYPE_AREA_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, organisation_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, areas_list);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, area_picker);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, areas_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, languages_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, languages_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, availability_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, availability_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, phone_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, email_entry);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, email_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, notes_error);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, verified_label);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, active_check);
  gtk_widget_class_bind_template_child (widget_class, WbPartnerEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_chosen_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.verified-today", NULL,
                                   verified_today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
wb_partner_editor_init (WbPartnerEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_PARTNER_KIND);
  GtkTextBuffer *notes;

  self->areas = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));

  /* The enum values run from 0 without gaps: the position is the kind. */
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (kinds, wb_partner_kind_to_label (klass->values[i].value));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  wb_area_picker_set_entry_name (self->area_picker, _("Add an area: municipality, province or safety region"));
  notes = gtk_text_view_get_buffer (self->notes_view);
  g_signal_connect_object (notes, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
wb_partner_editor_new (void)
{
  return g_object_new (WB_TYPE_PARTNER_EDITOR, NULL);
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/**
 * wb_partner_editor_edit:
 * @partner: (nullable): the partner to edit, or %NULL for a new one
 *
 * Fills the form; the editor works on a copy of @partner.
 */
void
wb_partner_editor_edit (WbPartnerEditor *self,
                        WbStore         *store,
                        WbPartner       *partner)
{
  g_autoptr(GPtrArray) no_issues = wb_validation_issues_new ();
  const char * const *areas;
  const char * const *languages;
  g_autofree char *joined = NULL;

  g_return_if_fail (WB_IS_PARTNER_EDITOR (self));
  g_return_if_fail (WB_IS_STORE (store));
  g_return_if_fail (partner == NULL || WB_IS_PARTNER (partner));

  g_set_object (&self->store, store);
  g_clear_object (&self->partner);
  if (partner != NULL)
    {
      g_autoptr(GBytes) bytes = wb_partner_serialize (partner);

      self->partner = wb_partner_deserialize (bytes, NULL);
    }
  if (self->partner == NULL)
    {
      self->partner = wb_partner_new ();
      wb_partner_set_active (self->partner, TRUE);
    }
  self->is_new = partner == NULL;
  self->tried_save = FALSE;

  gtk_label_set_text (self->title_label, self->is_new ? _("New Partner")
                                                      : wb_partner_get_name (self->partner));
  set_entry (self->name_entry, wb_partner_get_name (self->partner));
  set_entry (self->organisation_entry, wb_partner_get_organisation (self->partner));
  gtk_drop_down_set_selected (self->kind_dropdown, wb_partner_get_kind (self->partner));
  g_ptr_array_set_size (self->areas, 0);
  areas = wb_partner_get_areas (self->partner);
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    g_ptr_array_add (self->areas, g_strdup (areas[i]));
  rebuild_areas (self);
  wb_area_picker_clear (self->area_picker);
  languages = wb_partner_get_languages (self->partner);
  joined = languages ? g_strjoinv (", ", (char **) languages) : NULL;
  set_entry (self->languages_entry, joined);
  set_entry (self->availability_entry, wb_partner_get_availability (self->partner));
  set_entry (self->phone_entry, wb_partner_get_phone (self->partner));
  set_entry (self->email_entry, wb_partner_get_email (self->partner));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            wb_partner_get_notes (self->partner) ? wb_partner_get_notes (self->partner) : "",
                            -1);
  gtk_check_button_set_active (self->active_check, wb_partner_get_active (self->partner));
  update_verified (self);
  show_issues (self, no_issues);
  show_error (self->error_label, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
}

/* Forgets the partner and empties the form (on lock). */
void
wb_partner_editor_clear (WbPartnerEditor *self)
{
  g_autoptr(GPtrArray) no_issues = wb_validation_issues_new ();

  g_return_if_fail (WB_IS_PARTNER_EDITOR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->partner);
  g_ptr_array_set_size (self->areas, 0);
  rebuild_areas (self);
  wb_area_picker_clear (self->area_picker);
  for (GtkEntry **e = (GtkEntry *[]) { self->name_entry, self->organisation_entry,
                                       self->languages_entry, self->availability_entry,
                                       self->phone_entry, self->email_entry, NULL };
       *e != NULL; e++)
    set_entry (*e, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), "", -1);
  gtk_label_set_text (self->title_label, "");
  show_issues (self, no_issues);
  show_error (self->error_label, NULL);
}

void
wb_partner_editor_focus (WbPartnerEditor *self)
{
  g_return_if_fail (WB_IS_PARTNER_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
