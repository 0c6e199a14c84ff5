/* wb-case-export.c: a case summary for a handover, printed or saved as PDF, marked confidential on every page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK writes the PDF straight to the file the user chose (or, in tests, to
 * the export file name); the summary never passes through a temporary file.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-case-page-private.h"
#include "wb-store-case.h"

#define MARK_HEIGHT 28.0           /* points above and below the text */

typedef struct
{
  char        *text;              /* Pango markup, case text escaped */
  char        *reference;
  PangoLayout *layout;
  GArray      *page_starts;        /* int: first layout line of each page */
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_free (e->text);
  g_free (e->reference);
  g_clear_object (&e->layout);
  g_clear_pointer (&e->page_starts, g_array_unref);
  g_free (e);
}

static void
line (GString    *s,
      const char *label,
      const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || *value == '\0')
    return;
  if (label)
    text = g_markup_printf_escaped ("%s: %s\n", label, value);
  else
    text = g_markup_printf_escaped ("%s\n", value);
  g_string_append (s, text);
}

static void
heading (GString    *s,
         const char *title)
{
  g_autofree char *text = g_markup_printf_escaped ("\n<b>%s</b>\n", title);

  g_string_append (s, text);
}

static char *
summary_text (WbCasePage *self)
{
  GString *s = g_string_new (NULL);
  WbCase *c = self->kase;
  g_autofree char *title = g_markup_printf_escaped ("<big><b>%s</b></big>\n",
                                                    wb_case_get_reference (c));
  g_autofree char *created = wb_case_page_format_time (wb_case_get_created (c));

  g_string_append (s, title);
  line (s, _("Status"), wb_case_status_to_label (wb_case_get_status (c)));
  line (s, _("Urgency"), wb_urgency_to_label (wb_case_get_urgency (c)));
  line (s, _("Contact person"), wb_case_page_account_name (self, wb_case_get_assignee (c)));
  line (s, _("Association"), wb_association_to_label (wb_case_get_association (c)));
  line (s, _("Registered"), created);

  heading (s, _("Reporter and People Involved"));
  for (guint i = 0; i < self->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (self->people, i);
      const char *m = wb_person_get_municipality (p);

      g_autofree char *text =
        g_markup_printf_escaped ("• %s (%s, %s%s%s)\n", wb_person_get_name (p),
                                 wb_person_relation_to_label (wb_person_get_relation (p)),
                                 wb_person_role_to_label (wb_person_get_role (p)),
                                 m && *m ? ", " : "", m && *m ? wb_regions_get_area_name (m) : "");

      g_string_append (s, text);
    }

  heading (s, _("Incident"));
  for (guint i = 0; i < self->incidents->len; i++)
    line (s, NULL, wb_incident_get_description (g_ptr_array_index (self->incidents, i)));

  heading (s, _("Needs and Consent"));
  if (self->needs)
    line (s, _("Details"), wb_needs_get_details (self->needs));
  if (self->consent)
    line (s, _("Sharing"), wb_consent_get_share (self->consent) ? _("Data may be shared")
                                                                : _("Data may not be shared"));

  heading (s, _("Follow-ups"));
  for (guint i = 0; i < self->followups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (self->followups, i);
      g_autofree char *due = wb_case_page_format_time (wb_follow_up_get_due (f));

      g_autofree char *text =
        g_markup_printf_escaped ("• %s, %s: %s\n", due,
                                 wb_follow_up_state_to_label (wb_follow_up_get_state (f)),
                                 wb_follow_up_kind_to_label (wb_follow_up_get_kind (f)));

      g_string_append (s, text);
    }

  heading (s, _("Timeline"));
  for (guint i = 0; i < self->timeline->len; i++)
    {
      WbTimelineEntry *t = g_ptr_array_index (self->timeline, i);
      g_autofree char *when = wb_case_page_format_time (wb_timeline_entry_get_time (t));

      g_autofree char *text =
        g_markup_printf_escaped ("• %s, %s, %s: %s\n", when,
                                 wb_timeline_kind_to_label (wb_timeline_entry_get_kind (t)),
                                 wb_case_page_account_name (self, wb_timeline_entry_get_author (t)),
                                 wb_timeline_entry_get_text (t));

      g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

/* Callbacks */

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                Export            *e)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - 2 * MARK_HEIGHT;
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  double used = 0;
  int n_lines;
  int first = 0;

  e->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (e->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (e->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (e->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (e->layout, e->text, -1);

  e->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (e->page_starts, first);
  n_lines = pango_layout_get_line_count (e->layout);
  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (e->layout, i), NULL, &logical);
      if (used + logical.height / (double) PANGO_SCALE > height && i > 0)
        {
          g_array_append_val (e->page_starts, i);
          used = 0;
        }
      used += logical.height / (double) PANGO_SCALE;
    }
  gtk_print_operation_set_n_pages (op, e->page_starts->len);
}

static void
draw_mark (cairo_t     *cr,
           PangoLayout *mark,
           const char  *text,
           double       width,
           double       y)
{
  int w, h;

  pango_layout_set_text (mark, text, -1);
  pango_layout_get_pixel_size (mark, &w, &h);
  cairo_move_to (cr, (width - w) / 2, y);
  pango_cairo_show_layout (cr, mark);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              Export            *e)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int first = g_array_index (e->page_starts, int, page_nr);
  int end = (guint) page_nr + 1 < e->page_starts->len
            ? g_array_index (e->page_starts, int, page_nr + 1)
            : pango_layout_get_line_count (e->layout);
  g_autoptr(PangoLayout) mark = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 11");
  g_autofree char *footer = NULL;
  double y = MARK_HEIGHT;

  pango_layout_set_font_description (mark, font);
  pango_font_description_free (font);
  /* Translators: printed at the top of every page of a case summary; Dutch: VERTROUWELIJK */
  draw_mark (cr, mark, _("CONFIDENTIAL"), width, 0);
  /* Translators: the foot of every page: the marking, the case reference, page and pages */
  footer = g_strdup_printf (_("CONFIDENTIAL · %s · page %d of %u"), e->reference, page_nr + 1,
                            e->page_starts->len);
  draw_mark (cr, mark, footer, width, height - MARK_HEIGHT + 8);

  for (int i = first; i < end; i++)
    {
      PangoLayoutLine *l = pango_layout_get_line_readonly (e->layout, i);
      PangoRectangle logical;
      double baseline;

      pango_layout_line_get_extents (l, NULL, &logical);
      baseline = -logical.y / (double) PANGO_SCALE;
      cairo_move_to (cr, 0, y + baseline);
      pango_cairo_show_layout_line (cr, l);
      y += logical.height / (double) PANGO_SCALE;
    }
}

/* Public */

/**
 * wb_case_page_export_pdf:
 * @filename: (nullable): write the PDF here without asking (tests); %NULL
 *   shows the print dialog, where "Print to File" makes a PDF
 *
 * Returns: whether the summary was printed or written; the export is
 *   audited.
 */
gboolean
wb_case_page_export_pdf (WbCasePage  *self,
                         const char  *filename,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  GtkPrintOperationResult result;
  Export *e;
  WbRecordId id;

  g_return_val_if_fail (WB_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (self->kase != NULL, FALSE);

  e = g_new0 (Export, 1);
  e->text = summary_text (self);
  e->reference = g_strdup (wb_case_get_reference (self->kase));
  op = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (op), "wb-export", e, export_free);
  {
    /* Translators: the suggested file name of a case summary; %s is the case reference */
    g_autofree char *job = g_strdup_printf (_("Case %s"), e->reference);

    gtk_print_operation_set_job_name (op, job);
  }
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), e);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), e);

  if (filename)
    {
      gtk_print_operation_set_export_filename (op, filename);
      result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
    }
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return FALSE;

  if (wb_record_id_from_string (wb_case_get_id (self->kase), &id))
    wb_store_audit_async (self->store, "export", "case", &id, "pdf", NULL, NULL, NULL);
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL)
    return;
  if (!wb_case_page_export_pdf (self, NULL, &error) && error != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Summary Was Not Printed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      wb_a11y_fix_mnemonic_names (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
wb_case_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.export", NULL, export_action);
}
