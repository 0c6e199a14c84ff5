/* wb-intake-followups.c: the first follow-ups proposed on the intake's review step, editable one by one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing a plan fills the list with its follow-ups; each can then get
 * another date or be removed, and more can be added. The rows keep the
 * dates as typed, so a mistake shows beside its row and the report cannot
 * be saved until it is mended; what is saved is the list as shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-intake-page-private.h"

/* Rows */

static void
renumber (WbIntakePage *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->followups_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), "wb-date");
      GtkWidget *remove = g_object_get_data (G_OBJECT (row), "wb-remove");
      const char *kind = wb_follow_up_kind_to_label (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wb-kind")));
      g_autofree char *date_name = NULL;
      g_autofree char *remove_name = NULL;

      n++;
      /* Translators: the date field of a proposed follow-up: its number and its kind */
      date_name = g_strdup_printf (_("Date of follow-up %u, %s (day-month-year)"), n, kind);
      /* Translators: removes a proposed follow-up: its number and its kind */
      remove_name = g_strdup_printf (_("Remove follow-up %u, %s"), n, kind);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, date_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_label), n == 0);
}

static void
date_changed_cb (GtkEditable  *entry,
                 WbIntakePage *self)
{
  if (self->updating > 0)
    return;
  g_object_set_data (G_OBJECT (entry), "wb-touched", GINT_TO_POINTER (TRUE));
  wb_intake_page_changed (self);
}

static void
remove_clicked_cb (GtkButton    *button,
                   WbIntakePage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "wb-row");
  GtkWidget *next = gtk_widget_get_next_sibling (row) ? gtk_widget_get_next_sibling (row)
                                                      : gtk_widget_get_prev_sibling (row);

  gtk_box_remove (self->followups_box, row);
  renumber (self);
  /* The focus stays in the list rather than jumping to the window. */
  if (next != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (next), "wb-date"));
  else
    gtk_widget_grab_focus (self->add_followup_button);
  wb_intake_page_changed (self);
}

static GtkWidget *
add_row (WbIntakePage   *self,
         const char     *date,
         WbFollowUpKind  kind)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (wb_follow_up_kind_to_label (kind));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_with_label (_("Remove"));
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_editable_set_text (GTK_EDITABLE (entry), date);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), entry);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), error);
  g_object_set_data (G_OBJECT (row), "wb-kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (row), "wb-date", entry);
  g_object_set_data (G_OBJECT (row), "wb-error", error);
  g_object_set_data (G_OBJECT (row), "wb-remove", remove);
  g_object_set_data (G_OBJECT (remove), "wb-row", row);
  g_signal_connect_object (entry, "changed", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  gtk_box_append (self->followups_box, row);
  return row;
}

static void
remove_all (WbIntakePage *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->followups_box))) != NULL)
    gtk_box_remove (self->followups_box, row);
}

static char *
format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (date, wb_due_get_time_zone ());

  return g_date_time_format (local, "%d-%m-%Y");
}

static void
add_clicked_cb (GtkButton    *button,
                WbIntakePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (wb_due_get_time_zone ());
  g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);
  g_autofree char *date = format_day (week);
  GtkWidget *row = add_row (self, date, WB_FOLLOW_UP_KIND_AFTERCARE_CONTACT);

  renumber (self);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "wb-date"));
  wb_intake_page_changed (self);
}

/**
 * wb_intake_followups_fill_from_plan:
 *
 * Replaces the list with the follow-ups of the chosen plan, from today.
 */
void
wb_intake_followups_fill_from_plan (WbIntakePage *self)
{
  const WbAftercarePlan *plan = wb_intake_form_plan (self);
  g_autoptr(GDateTime) now = g_date_time_new_now (wb_due_get_time_zone ());

  self->updating++;
  remove_all (self);
  for (guint i = 0; plan != NULL && i < wb_aftercare_plan_get_n_steps (plan); i++)
    {
      const WbAftercareStep *step = wb_aftercare_plan_get_step (plan, i);
      g_autoptr(GDateTime) due = wb_aftercare_step_get_due (step, now, NULL);
      g_autofree char *date = format_day (due);

      add_row (self, date, step->kind);
    }
  renumber (self);
  self->updating--;
}

static void
plan_changed_cb (WbIntakePage *self)
{
  wb_intake_followups_fill_from_plan (self);
  if (self->updating == 0)
    wb_intake_page_changed (self);
}

void
wb_intake_followups_build (WbIntakePage *self,
                           GtkWidget    *box)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Follow-up"));

  self->followups_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->followups_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Proposed follow-ups"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->followups_box));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), add);
  self->add_followup_button = add;
  g_signal_connect_object (self->plan, "notify::selected", G_CALLBACK (plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_label_set_text (self->plan_label, _("No follow-ups are planned."));
}

/* Checking */

static GDateTime *
row_due (GtkWidget   *row,
         const char **message)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (row), "wb-date");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GDateTime) day = wb_intake_parse_date (text);
  g_autoptr(GDateTime) now = g_date_time_new_now (wb_due_get_time_zone ());

  if (day == NULL)
    {
      /* Translators: keep the format; day-month-year */
      *message = _("Enter a date like 27-11-2026.");
      return NULL;
    }
  if (g_date_time_get_year (day) * 400 + g_date_time_get_day_of_year (day)
      < g_date_time_get_year (now) * 400 + g_date_time_get_day_of_year (now))
    {
      *message = _("A follow-up cannot be due before today.");
      return NULL;
    }
  /* The time of day of the intake, as a plan gives it. */
  return g_date_time_new (wb_due_get_time_zone (), g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          g_date_time_get_hour (now), g_date_time_get_minute (now), 0);
}

/**
 * wb_intake_followups_check:
 *
 * Shows the issue of each edited row beside it.
 *
 * Returns: whether every row has a valid date
 */
gboolean
wb_intake_followups_check (WbIntakePage *self)
{
  gboolean ok = TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->followups_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *message = NULL;
      g_autoptr(GDateTime) due = row_due (row, &message);
      GtkWidget *error = g_object_get_data (G_OBJECT (row), "wb-error");
      gboolean touched = g_object_get_data (g_object_get_data (G_OBJECT (row), "wb-date"), "wb-touched") != NULL;

      if (message != NULL)
        gtk_label_set_text (GTK_LABEL (error), message);
      gtk_widget_set_visible (error, due == NULL && touched);
      ok &= due != NULL;
    }
  return ok;
}

/**
 * wb_intake_followups_records:
 *
 * Returns: (transfer container) (element-type WbStoreRecord): a record per
 *   row, or %NULL when a row is not valid
 */
GPtrArray *
wb_intake_followups_records (WbIntakePage  *self,
                             const char    *case_id,
                             const char    *assignee,
                             GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->followups_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *message = NULL;
      g_autoptr(GDateTime) due = row_due (row, &message);
      g_autoptr(WbFollowUp) f = wb_follow_up_new ();
      g_autoptr(GBytes) bytes = NULL;
      WbRecordId id;

      if (due == NULL)
        {
          g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID, message);
          return NULL;
        }
      wb_follow_up_set_case_id (f, case_id);
      wb_follow_up_set_due (f, due);
      wb_follow_up_set_kind (f, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wb-kind")));
      wb_follow_up_set_target (f, WB_FOLLOW_UP_TARGET_REPORTER);
      wb_follow_up_set_state (f, WB_FOLLOW_UP_STATE_OPEN);
      if (assignee != NULL && *assignee != '\0')
        wb_follow_up_set_assignee (f, assignee);
      if (!wb_follow_up_check (f, error) || !wb_record_id_from_string (wb_follow_up_get_id (f), &id))
        return NULL;
      bytes = wb_follow_up_serialize (f);
      g_ptr_array_add (records, wb_store_record_new (WB_KIND_FOLLOWUP, &id, bytes));
    }
  return g_steal_pointer (&records);
}

/* Drafts */

/* Returns: (transfer floating): the rows as a(ss): date as typed, kind nick */
GVariant *
wb_intake_followups_capture (WbIntakePage *self)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_FOLLOW_UP_KIND);
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(ss)"));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->followups_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GEnumValue *v = g_enum_get_value (klass, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wb-kind")));

      g_variant_builder_add (&b, "(ss)",
                             gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "wb-date")),
                             v ? v->value_nick : "other");
    }
  return g_variant_builder_end (&b);
}

void
wb_intake_followups_restore (WbIntakePage *self,
                             GVariant     *rows)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_FOLLOW_UP_KIND);
  GVariantIter iter;
  const char *date, *nick;

  self->updating++;
  remove_all (self);
  g_variant_iter_init (&iter, rows);
  while (g_variant_iter_next (&iter, "(&s&s)", &date, &nick))
    {
      GEnumValue *v = g_enum_get_value_by_nick (klass, nick);
      GtkWidget *row = add_row (self, date, v ? v->value : WB_FOLLOW_UP_KIND_OTHER);

      g_object_set_data (g_object_get_data (G_OBJECT (row), "wb-date"), "wb-touched", GINT_TO_POINTER (TRUE));
    }
  renumber (self);
  self->updating--;
}
