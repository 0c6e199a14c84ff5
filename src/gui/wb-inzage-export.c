/* wb-inzage-export.c: the case page's “Export Request for Access…” (inzageverzoek), as PDF or JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is exported is decided in the store (wb-inzage.h): the reporter's
 * own person records across cases, and those cases without other people.
 * The PDF is drawn with cairo into memory and written with the JSON's
 * writer, so both files are 0600 and neither passes through a temporary
 * file; the plaintext in memory is wiped after writing.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "wb-a11y.h"
#include "wb-case-page-private.h"
#include "wb-core.h"
#include "wb-inzage-export.h"

#define PAGE_WIDTH  595.0           /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN      56.0

/* Readable text */

typedef struct
{
  const char *kind;                 /* NULL: any record kind */
  const char *key;
  const char *label;
  GType     (*type) (void);         /* enum or flags of the value, or NULL */
} Field;

/* The order fields are shown in; keys not listed (ids, accounts, history)
 * are in the JSON only. */
static const Field fields[] = {
  { "person", "name", N_("Name"), NULL },
  { "person", "relation", N_("Relation to the case"), wb_person_relation_get_type },
  { "person", "role", N_("Role"), wb_person_role_get_type },
  { "person", "municipality", N_("Municipality"), NULL },
  { "person", "party", N_("Party"), NULL },
  { "person", "phone", N_("Phone"), NULL },
  { "person", "email", N_("E-mail"), NULL },
  { "person", "callback-times", N_("When to call back"), NULL },
  { "person", "callback-channel", N_("How to call back"), wb_callback_channel_get_type },
  { "case", "reference", N_("Reference"), NULL },
  { "case", "status", N_("Status"), wb_case_status_get_type },
  { "case", "urgency", N_("Urgency"), wb_urgency_get_type },
  { "case", "association", N_("Association"), wb_association_get_type },
  { "case", "created", N_("Registered"), NULL },
  { "case", "updated", N_("Last changed"), NULL },
  { "incident", "types", N_("What happened"), wb_incident_type_get_type },
  { "incident", "channels", N_("How"), wb_incident_channel_get_type },
  { "incident", "targets", N_("Aimed at"), wb_incident_target_get_type },
  { "incident", "start", N_("Since"), NULL },
  { "incident", "end", N_("Until"), NULL },
  { "incident", "ongoing", N_("Still going on"), NULL },
  { "incident", "police-informed", N_("Police informed"), NULL },
  { "incident", "police-report", N_("Police report"), wb_police_report_get_type },
  { "incident", "perpetrator-known", N_("Perpetrator known"), NULL },
  { "incident", "family-involved", N_("Family involved"), NULL },
  { "incident", "description", N_("Description"), NULL },
  { "needs", "needs", N_("Needs"), wb_need_get_type },
  { "needs", "details", N_("Details"), NULL },
  { "consent", "store", N_("Consent to store"), NULL },
  { "consent", "share", N_("Consent to share with partners"), NULL },
  { "consent", "given-at", N_("Consent given"), NULL },
  { "consent", "retention-months", N_("Retention period (months)"), NULL },
  { "followup", "kind", N_("Follow-up"), wb_follow_up_kind_get_type },
  { "followup", "due", N_("Due"), NULL },
  { "followup", "state", N_("State"), wb_follow_up_state_get_type },
  { "followup", "note", N_("Note"), NULL },
  { "followup", "outcome", N_("Outcome"), NULL },
  { "timeline", "time", N_("Time"), NULL },
  { "timeline", "kind", N_("Kind"), wb_timeline_kind_get_type },
  { "timeline", "contact-channel", N_("Channel"), wb_contact_channel_get_type },
  { "timeline", "text", N_("Text"), NULL },
};

static const char *
kind_title (const char *kind)
{
  static const struct { const char *kind; const char *title; } titles[] = {
    { "person", N_("Person") },
    { "case", N_("Case") },
    { "incident", N_("Incident") },
    { "needs", N_("Needs") },
    { "consent", N_("Consent") },
    { "followup", N_("Aftercare Follow-up") },
    { "timeline", N_("Timeline Entry") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].kind, kind) == 0)
      return _(titles[i].title);
  return kind;
}

static char *
format_usec (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, wb_due_get_time_zone ()) : NULL;

  /* Translators: a date and time in the request-for-access export, see g_date_time_format() */
  return local ? g_date_time_format (local, _("%-d %B %Y %H:%M")) : g_strdup ("—");
}

static char *
nick_label (GType       type,
            const char *nick)
{
  if (type != G_TYPE_NONE && G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = g_type_class_ref (type);
      GFlagsValue *v = g_flags_get_value_by_nick (klass, nick);
      char *label = v ? wb_flags_to_label (type, v->value) : g_strdup (nick);

      g_type_class_unref (klass);
      return label;
    }
  if (type != G_TYPE_NONE && G_TYPE_IS_ENUM (type))
    {
      guint value;

      if (wb_enum_from_nick (type, nick, &value))
        return g_strdup (wb_enum_to_label (type, value));
    }
  return g_strdup (nick);
}

static char *
format_value (const Field *f,
              GVariant    *v)
{
  GType type = f->type ? f->type () : G_TYPE_NONE;

  if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (v) ? _("Yes") : _("No"));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return format_usec (g_variant_get_int64 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_UINT32))
    return g_strdup_printf ("%u", g_variant_get_uint32 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT32))
    return g_strdup_printf ("%d", g_variant_get_int32 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    {
      const char *s = g_variant_get_string (v, NULL);
      const WbArea *area;

      if (g_str_equal (f->key, "municipality") && (area = wb_regions_lookup (s)) != NULL)
        return g_strdup (wb_area_get_name (area));
      return nick_label (type, s);
    }
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **strv = g_variant_get_strv (v, NULL);
      GString *s = g_string_new (NULL);

      for (guint i = 0; strv[i] != NULL; i++)
        {
          g_autofree char *label = nick_label (type, strv[i]);

          g_string_append_printf (s, "%s%s", i ? ", " : "", label);
        }
      return g_string_free (s, FALSE);
    }
  return g_variant_print (v, FALSE);
}

static void
append_record (GString       *out,
               WbStoreRecord *r)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT,
                                                                        r->plaintext, FALSE));
  g_autofree char *title = g_markup_printf_escaped ("\n<b>%s</b>\n", kind_title (r->kind));

  g_string_append (out, title);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *f = &fields[i];
      g_autoptr(GVariant) value = NULL;
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;

      if (f->kind != NULL && g_strcmp0 (f->kind, r->kind) != 0)
        continue;
      value = g_variant_lookup_value (v, f->key, NULL);
      if (value == NULL)
        continue;
      text = format_value (f, value);
      if (text == NULL || *text == '\0')
        continue;
      line = g_markup_printf_escaped ("%s: %s\n", _(f->label), text);
      g_string_append (out, line);
    }
}

static char *
inzage_markup (WbInzage  *inzage,
               GDateTime *exported)
{
  GString *out = g_string_new (NULL);
  g_autofree char *when = format_usec (g_date_time_to_unix (exported) * G_USEC_PER_SEC);
  g_autofree char *head = NULL;
  g_autofree char *intro = NULL;

  /* Translators: the title of a request-for-access export (Dutch: Inzageverzoek) */
  head = g_markup_printf_escaped ("<big><b>%s</b></big>\n", _("Request for Access"));
  g_string_append (out, head);
  /* Translators: under the title of the export: the case the request came
   * from and when the export was made */
  intro = g_markup_printf_escaped (_("Everything stored about the reporter of case %s, exported %s.\n"),
                                   inzage->reference, when);
  g_string_append (out, intro);
  for (guint i = 0; i < inzage->people->len; i++)
    append_record (out, g_ptr_array_index (inzage->people, i));
  for (guint i = 0; i < inzage->cases->len; i++)
    {
      GPtrArray *records = g_ptr_array_index (inzage->cases, i);

      for (guint j = 0; j < records->len; j++)
        {
          WbStoreRecord *r = g_ptr_array_index (records, j);

          /* The person is shown once, above. */
          if (!g_str_equal (r->kind, "person"))
            append_record (out, r);
        }
    }
  return g_string_free (out, FALSE);
}

/* PDF */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_mark (cairo_t    *cr,
           const char *text,
           double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 9");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_marks (cairo_t    *cr,
            const char *reference,
            guint       page)
{
  g_autofree char *footer = NULL;

  /* Translators: printed at the top of every page; Dutch: VERTROUWELIJK */
  draw_mark (cr, _("CONFIDENTIAL"), MARGIN / 2);
  /* Translators: the foot of every page of a request-for-access export:
   * the case reference and the page number */
  footer = g_strdup_printf (_("CONFIDENTIAL · request for access %s · page %u"), reference, page);
  draw_mark (cr, footer, PAGE_HEIGHT - MARGIN / 2 - 10);
}

/**
 * wb_inzage_render_pdf:
 *
 * Returns: (transfer full): the PDF; the caller wipes it after use
 */
GBytes *
wb_inzage_render_pdf (WbInzage  *inzage,
                      GDateTime *exported)
{
  GByteArray *pdf = g_byte_array_new ();
  g_autofree char *markup = inzage_markup (inzage, exported);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  PangoLayoutIter *iter;
  double top = MARGIN, offset = 0;
  guint page = 1;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  /* Line by line, starting a page when the next line would not fit. */
  draw_marks (cr, inzage->reference, page);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double y, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      y = logical.y / (double) PANGO_SCALE - offset;
      if (y + logical.height / (double) PANGO_SCALE > PAGE_HEIGHT - 2 * MARGIN)
        {
          cairo_show_page (cr);
          draw_marks (cr, inzage->reference, ++page);
          offset = logical.y / (double) PANGO_SCALE;
          y = 0;
        }
      baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - offset;
      cairo_move_to (cr, MARGIN, top + baseline);
      pango_cairo_show_layout_line (cr, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  sodium_memzero (markup, strlen (markup));
  return g_byte_array_free_to_bytes (pdf);
}

/* Export */

typedef struct
{
  char     *path;
  gboolean  pdf;
  GBytes   *contents;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_free (d->path);
  if (d->contents)
    {
      gsize len;
      gpointer p = (gpointer) g_bytes_get_data (d->contents, &len);

      /* The bytes are ours alone: wipe before letting go. */
      if (p)
        sodium_memzero (p, len);
      g_bytes_unref (d->contents);
    }
  g_free (d);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ExportData *d = task_data;
  GError *error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (d->contents, &len);

  if (wb_inzage_write_file (d->path, data, len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The file is written by a task without a source object, so the page is
 * never last released on the writing thread. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
collected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) writer = NULL;
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(WbInzage) inzage = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;

  inzage = wb_store_collect_inzage_finish (WB_STORE (source), result, &error);
  if (inzage == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (d->pdf)
    d->contents = wb_inzage_render_pdf (inzage, now);
  else
    {
      char *json = wb_inzage_to_json (inzage, now);

      d->contents = g_bytes_new_take (json, strlen (json));
    }
  writer = g_task_new (NULL, NULL, written_cb, g_object_ref (task));
  g_task_set_task_data (writer, d, NULL);
  g_task_run_in_thread (writer, write_thread);
}

void
wb_case_page_export_inzage_async (WbCasePage          *self,
                                  const char          *path,
                                  gboolean             pdf,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  ExportData *d;

  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wb_case_page_export_inzage_async);
  d = g_new0 (ExportData, 1);
  d->path = g_strdup (path);
  d->pdf = pdf;
  g_task_set_task_data (task, d, export_data_free);
  if (self->store == NULL || self->case_id == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("No case is open."));
      g_object_unref (task);
      return;
    }
  wb_store_collect_inzage_async (self->store, self->case_id, cancellable, collected_cb, task);
}

gboolean
wb_case_page_export_inzage_finish (WbCasePage    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The action */

static void
tell (WbCasePage *self,
      const char *heading,
      const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WbCasePage *self = WB_CASE_PAGE (source);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = g_path_get_basename (path);

  if (!wb_case_page_export_inzage_finish (self, result, &error))
    {
      tell (self, _("The Request for Access Was Not Exported"), error->message);
      return;
    }
  /* Translators: %s is the file name of the export */
  body = g_strdup_printf (_("The export was written to %s. It holds personal data: hand it over securely and delete your copy."),
                          name);
  tell (self, _("Request for Access Exported"), body);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WbCasePage      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *format;
  gboolean pdf;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  pdf = g_str_has_suffix (path, ".pdf") ||
        (!g_str_has_suffix (path, ".json") && g_strcmp0 (format, "json") != 0);
  wb_case_page_export_inzage_async (self, path, pdf, NULL, exported_cb, g_strdup (path));

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
inzage_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbCasePage *self = WB_CASE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *formats[] = { "pdf", "json", NULL };
  const char *labels[] = { NULL, NULL, NULL };

  if (self->kase == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Request for Access"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of a request-for-access export;
   * %s is the case reference. Dutch: inzageverzoek-%s.pdf */
  name = g_strdup_printf (_("request-for-access-%s.pdf"), wb_case_get_reference (self->kase));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  labels[0] = _("PDF, to read");
  labels[1] = _("JSON, complete and machine-readable");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), formats, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "pdf");
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
wb_case_page_class_init_inzage (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.inzage", NULL, inzage_action);
}
