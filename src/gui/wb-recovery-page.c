/* wb-recovery-page.c: shows a new recovery key once, to print or write down.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-recovery-page.h"

struct _WbRecoveryPage
{
  AdwBin          parent_instance;

  GtkLabel       *key_label;
  GtkCheckButton *stored_check;
};

G_DEFINE_FINAL_TYPE (WbRecoveryPage, wb_recovery_page, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
wb_recovery_page_set_key (WbRecoveryPage *self,
                          const char     *key)
{
  g_return_if_fail (WB_IS_RECOVERY_PAGE (self));

  gtk_label_set_text (self->key_label, key);
  gtk_check_button_set_active (self->stored_check, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->stored_check));
}

/* The key is shown once; it must not stay in a widget after that. */
void
wb_recovery_page_clear (WbRecoveryPage *self)
{
  g_return_if_fail (WB_IS_RECOVERY_PAGE (self));

  gtk_label_set_text (self->key_label, "");
}

/* Callbacks */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              WbRecoveryPage    *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%x");
  g_autofree char *markup = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 12");

  markup = g_markup_printf_escaped ("<b>%s</b>\n\n%s\n\n<tt><big>%s</big></tt>\n\n%s\n\n%s",
                                    _("Weerbaar recovery key — CONFIDENTIAL"),
                                    _("With this key the vault can be opened when every passphrase "
                                      "is lost. Keep it in a locked place, apart from the computer."),
                                    gtk_label_get_text (self->key_label),
                                    date,
                                    _("Whoever has this key can read every case."));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WbRecoveryPage *self = WB_RECOVERY_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Weerbaar recovery key"));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (error != NULL)
    g_warning ("Printing the recovery key failed: %s", error->message);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WbRecoveryPage *self = WB_RECOVERY_PAGE (widget);

  wb_recovery_page_clear (self);
  g_signal_emit (self, signals[DONE], 0);
}

static void
stored_toggled_cb (WbRecoveryPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.continue",
                                 gtk_check_button_get_active (self->stored_check));
}

/* GObject */

static void
wb_recovery_page_class_init (WbRecoveryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbRecoveryPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, WbRecoveryPage, stored_check);
  gtk_widget_class_bind_template_callback (widget_class, stored_toggled_cb);

  gtk_widget_class_install_action (widget_class, "recovery.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "recovery.continue", NULL, continue_action);
}

static void
wb_recovery_page_init (WbRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  stored_toggled_cb (self);
}
