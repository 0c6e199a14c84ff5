/* wb-retention-page.c: Voorkeuren → Bewaartermijn: the default retention period and the closed cases past it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list comes from the store's worker (the index plus each closed
 * case's consent record); nothing is checked at first, and removing asks
 * once, naming how many cases go. The purge runs on the worker too.
 *
 * Intake drafts left untouched for more than a month (wb-retention.h) are
 * listed in a group of their own, with their own Remove button, so that
 * removing cases never takes a draft along or the other way round.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-due.h"
#include "wb-retention-page.h"
#include "wb-retention.h"
#include "wb-store-drafts.h"
#include "wb-store-retention.h"

/* The choices of the combo row, in months. */
static const guint period_months[] = { 12, 24, 60, 84 };

struct _WbRetentionPage
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;
  WbStore            *store;
  GCancellable       *cancellable;
  GArray             *months;        /* guint, one per combo entry */
  GHashTable         *checks;        /* case id → GtkCheckButton (owned by the list) */
  GPtrArray          *items;         /* WbRetentionItem */
  GHashTable         *draft_checks;  /* draft id → GtkCheckButton (owned by the list) */
  GPtrArray          *drafts;        /* WbIntakeDraft, the stale ones */
  guint               n_pending;     /* lists on their way */
  gboolean            loading;
  gboolean            purging;
  guint               n_purging;
  gboolean            removing_drafts;
  guint               n_drafts_left; /* deletes on their way */
  guint               n_drafts_removed;
  GError             *drafts_error;  /* the first delete that failed */

  AdwComboRow        *period_row;
  GtkStringList      *period_model;
  GtkListBox         *expired_list;
  AdwPreferencesGroup *drafts_group;
  GtkListBox         *drafts_list;
};

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WbRetentionPage, wb_retention_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (WbRetentionPage *self);

static void
set_loading (WbRetentionPage *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static guint
n_checked_in (GHashTable *checks)
{
  GHashTableIter iter;
  GtkCheckButton *check;
  guint n = 0;

  g_hash_table_iter_init (&iter, checks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &check))
    n += gtk_check_button_get_active (check);
  return n;
}

static guint
n_checked (WbRetentionPage *self)
{
  return n_checked_in (self->checks);
}

static void
update_actions (WbRetentionPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.remove",
                                 !self->purging && n_checked (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.remove-drafts",
                                 !self->removing_drafts && n_checked_in (self->draft_checks) > 0);
}

/* Periods */

static char *
period_label (guint months)
{
  if (months % 12 == 0)
    /* Translators: a retention period in years */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", months / 12), months / 12);
  /* Translators: a retention period in months */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months), months);
}

static void
fill_periods (WbRetentionPage *self)
{
  guint current = g_settings_get_uint (self->settings, "retention-months");
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (period_months); i++)
    {
      g_autofree char *label = period_label (period_months[i]);

      gtk_string_list_append (self->period_model, label);
      g_array_append_val (self->months, period_months[i]);
      found |= period_months[i] == current;
    }
  /* A value set elsewhere (gsettings) is shown as it is. */
  if (!found)
    {
      g_autofree char *label = period_label (current);

      gtk_string_list_append (self->period_model, label);
      g_array_append_val (self->months, current);
    }
}

static gboolean
months_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  WbRetentionPage *self = user_data;
  guint months = g_variant_get_uint32 (variant);

  for (guint i = 0; i < self->months->len; i++)
    if (g_array_index (self->months, guint, i) == months)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_months (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  WbRetentionPage *self = user_data;
  guint i = g_value_get_uint (value);

  if (i >= self->months->len)
    return NULL;
  return g_variant_new_uint32 (g_array_index (self->months, guint, i));
}

/* The list */

static char *
format_day (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wb_due_get_time_zone ());

  return g_date_time_format (local, "%e %B %Y");
}

static void
check_toggled_cb (WbRetentionPage *self)
{
  update_actions (self);
}

static GtkWidget *
item_row (WbRetentionPage *self,
          WbRetentionItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *closed = format_day (item->closed);
  g_autofree char *period = period_label (item->months);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->reference);
  /* Translators: under a case reference in the retention list: the day
   * it was closed and its retention period, e.g. "Closed 3 March 2023 · kept 2 years" */
  subtitle = g_strdup_printf (_("Closed %s · kept %s"), g_strstrip (closed), period);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The row labels its activatable widget with the reference: a label of
   * its own would be read twice. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->checks, g_strdup (item->case_id), check);
  return row;
}

static void
clear_list (WbRetentionPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->checks);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->expired_list))) != NULL)
    gtk_list_box_remove (self->expired_list, child);
}

static void
list_done (WbRetentionPage *self)
{
  if (self->n_pending > 0)
    self->n_pending--;
  set_loading (self, self->n_pending > 0 || self->purging || self->removing_drafts);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WbRetentionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = wb_store_list_retention_finish (WB_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_list (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (items == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->expired_list, label);
    }
  else
    {
      self->items = g_steal_pointer (&items);
      for (guint i = 0; i < self->items->len; i++)
        gtk_list_box_append (self->expired_list, item_row (self, g_ptr_array_index (self->items, i)));
    }
  update_actions (self);
  list_done (self);
}

/* Old drafts */

static GtkWidget *
draft_row (WbRetentionPage *self,
           WbIntakeDraft   *draft)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *name = wb_intake_draft_get_reporter_name (draft);
  g_autofree char *day = format_day (g_date_time_to_unix (draft->updated) * G_USEC_PER_SEC);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : _("No name yet"));
  /* Translators: under the reporter's name of an old intake draft in the
   * retention list: the day it was last written, e.g. "Last written 3 March 2026" */
  subtitle = g_strdup_printf (_("Last written %s"), g_strstrip (day));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->draft_checks, g_strdup (draft->id), check);
  return row;
}

static void
clear_drafts (WbRetentionPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->draft_checks);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list))) != NULL)
    gtk_list_box_remove (self->drafts_list, child);
}

static void
drafts_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WbRetentionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = wb_store_list_drafts_finish (WB_STORE (source), result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_drafts (self);
  g_ptr_array_set_size (self->drafts, 0);
  if (drafts == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->drafts_list, label);
    }
  else
    {
      /* Oldest first, as the store lists them. */
      for (guint i = 0; i < drafts->len; i++)
        {
          WbIntakeDraft *draft = g_ptr_array_index (drafts, i);

          if (!wb_retention_draft_is_stale (draft->updated, now))
            continue;
          /* Taken over; the free function of @drafts skips NULL. */
          g_ptr_array_add (self->drafts, draft);
          g_ptr_array_index (drafts, i) = NULL;
        }
      for (guint i = 0; i < self->drafts->len; i++)
        gtk_list_box_append (self->drafts_list, draft_row (self, g_ptr_array_index (self->drafts, i)));
    }
  update_actions (self);
  list_done (self);
}

static void
reload (WbRetentionPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_pending = 2;
  set_loading (self, TRUE);
  wb_store_list_retention_async (self->store, g_settings_get_uint (self->settings, "retention-months"),
                                 self->cancellable, listed_cb, g_object_ref (self));
  wb_store_list_drafts_async (self->store, self->cancellable, drafts_listed_cb, g_object_ref (self));
}

/* Removing */

static void
show_toast (WbRetentionPage *self,
            const char      *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static void
show_failure (WbRetentionPage *self,
              const char      *heading,
              const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Asks before removing for good; @response_cb gets "remove" or "cancel". */
static void
confirm_removal (WbRetentionPage *self,
                 const char      *heading,
                 const char      *body,
                 GCallback        response_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The ids (keys of @checks) whose check button is active. */
static GPtrArray *
dup_checked_ids (GHashTable *checks)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *id;
  GtkCheckButton *check;

  g_hash_table_iter_init (&iter, checks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &check))
    if (gtk_check_button_get_active (check))
      g_ptr_array_add (ids, g_strdup (id));
  return ids;
}

static void
purged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WbRetentionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = self->n_purging;

  self->purging = FALSE;
  if (!wb_store_purge_cases_finish (WB_STORE (source), result, &error))
    show_failure (self, _("Not Every Case Was Removed"), error->message);
  else
    {
      g_autofree char *text = NULL;

      /* Translators: a short notice after removing cases past retention */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case removed", "%u cases removed", n), n);
      show_toast (self, text);
    }
  reload (self);
}

/**
 * wb_retention_page_purge_checked:
 *
 * Removes the checked cases without asking (the dialog has asked).
 */
void
wb_retention_page_purge_checked (WbRetentionPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (WB_IS_RETENTION_PAGE (self));

  ids = dup_checked_ids (self->checks);
  if (ids->len == 0 || self->purging)
    return;
  g_ptr_array_add (ids, NULL);
  self->purging = TRUE;
  self->n_purging = ids->len - 1;
  update_actions (self);
  set_loading (self, TRUE);
  wb_store_purge_cases_async (self->store, (const char * const *) ids->pdata, NULL,
                              purged_cb, g_object_ref (self));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WbRetentionPage  *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    wb_retention_page_purge_checked (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (widget);
  guint n = n_checked (self);
  g_autofree char *body = NULL;

  if (n == 0)
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u case and everything stored with it will be removed for good. This cannot be undone.",
                                       "%u cases and everything stored with them will be removed for good. This cannot be undone.",
                                       n), n);
  confirm_removal (self, _("Remove Cases?"), body, G_CALLBACK (remove_response_cb));
}

/* Removing old drafts: one delete per draft, all queued on the worker. */

static void
draft_deleted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WbRetentionPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (wb_store_delete_draft_finish (WB_STORE (source), result, &error))
    self->n_drafts_removed++;
  else if (self->drafts_error == NULL)
    self->drafts_error = g_steal_pointer (&error);
  if (--self->n_drafts_left > 0)
    return;

  self->removing_drafts = FALSE;
  if (self->drafts_error != NULL)
    {
      show_failure (self, _("Not Every Draft Was Removed"), self->drafts_error->message);
      g_clear_error (&self->drafts_error);
    }
  else
    {
      g_autofree char *text = NULL;
      guint n = self->n_drafts_removed;

      /* Translators: a short notice after removing old intake drafts */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u draft removed", "%u drafts removed", n), n);
      show_toast (self, text);
    }
  reload (self);
}

/**
 * wb_retention_page_remove_checked_drafts:
 *
 * Removes the checked drafts without asking (the dialog has asked).
 */
void
wb_retention_page_remove_checked_drafts (WbRetentionPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (WB_IS_RETENTION_PAGE (self));

  ids = dup_checked_ids (self->draft_checks);
  if (ids->len == 0 || self->removing_drafts)
    return;
  self->removing_drafts = TRUE;
  self->n_drafts_left = ids->len;
  self->n_drafts_removed = 0;
  update_actions (self);
  set_loading (self, TRUE);
  for (guint i = 0; i < ids->len; i++)
    wb_store_delete_draft_async (self->store, g_ptr_array_index (ids, i), NULL,
                                 draft_deleted_cb, g_object_ref (self));
}

static void
remove_drafts_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           WbRetentionPage  *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    wb_retention_page_remove_checked_drafts (self);
}

static void
remove_drafts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (widget);
  guint n = n_checked_in (self->draft_checks);
  g_autofree char *body = NULL;

  if (n == 0)
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u unfinished intake and everything typed into it will be removed for good. This cannot be undone.",
                                       "%u unfinished intakes and everything typed into them will be removed for good. This cannot be undone.",
                                       n), n);
  confirm_removal (self, _("Remove Drafts?"), body, G_CALLBACK (remove_drafts_response_cb));
}

/* GObject */

static void
wb_retention_page_dispose (GObject *object)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_error (&self->drafts_error);

  G_OBJECT_CLASS (wb_retention_page_parent_class)->dispose (object);
}

static void
wb_retention_page_finalize (GObject *object)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (object);

  g_array_unref (self->months);
  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->draft_checks);

  G_OBJECT_CLASS (wb_retention_page_parent_class)->finalize (object);
}

static void
wb_retention_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_retention_page_class_init (WbRetentionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_retention_page_dispose;
  object_class->finalize = wb_retention_page_finalize;
  object_class->get_property = wb_retention_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-retention-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, period_model);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, expired_list);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, drafts_list);
  gtk_widget_class_install_action (widget_class, "retention.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "retention.remove-drafts", NULL, remove_drafts_action);
}

static void
wb_retention_page_init (WbRetentionPage *self)
{
  g_autofree char *description = NULL;
  g_autofree char *empty_text = NULL;
  GtkWidget *empty;

  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  self->months = g_array_new (FALSE, FALSE, sizeof (guint));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  empty = gtk_label_new (_("No closed case is past its retention period."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (self->expired_list, empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.remove", FALSE);

  self->draft_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_intake_draft_free);
  /* Translators: %u is a number of days (30) */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Intakes that were started but not finished, and not worked on for more than %u day. They hold what the reporter told; remove the ones no longer needed.",
                                              "Intakes that were started but not finished, and not worked on for more than %u days. They hold what the reporter told; remove the ones no longer needed.",
                                              WB_RETENTION_DRAFT_DAYS),
                                 WB_RETENTION_DRAFT_DAYS);
  adw_preferences_group_set_description (self->drafts_group, description);
  /* Translators: %u is a number of days (30) */
  empty_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "No unfinished intake has been left for more than %u day.",
                                             "No unfinished intake has been left for more than %u days.",
                                             WB_RETENTION_DRAFT_DAYS),
                                WB_RETENTION_DRAFT_DAYS);
  empty = gtk_label_new (empty_text);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (self->drafts_list, empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.remove-drafts", FALSE);
}

GtkWidget *
wb_retention_page_new (GSettings *settings,
                       WbStore   *store)
{
  WbRetentionPage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (WB_IS_STORE (store), NULL);

  self = g_object_new (WB_TYPE_RETENTION_PAGE, NULL);
  self->settings = g_object_ref (settings);
  self->store = g_object_ref (store);
  fill_periods (self);
  g_settings_bind_with_mapping (settings, "retention-months", self->period_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, months_to_selected, selected_to_months,
                                self, NULL);
  g_signal_connect_object (settings, "changed::retention-months", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

/* For tests */

GStrv
wb_retention_page_dup_references (WbRetentionPage *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), NULL);

  for (guint i = 0; self->items && i < self->items->len; i++)
    g_strv_builder_add (b, ((WbRetentionItem *) g_ptr_array_index (self->items, i))->reference);
  return g_strv_builder_end (b);
}

gboolean
wb_retention_page_get_loading (WbRetentionPage *self)
{
  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), FALSE);

  return self->loading;
}

gboolean
wb_retention_page_set_checked (WbRetentionPage *self,
                               const char      *reference,
                               gboolean         checked)
{
  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), FALSE);

  for (guint i = 0; self->items && i < self->items->len; i++)
    {
      WbRetentionItem *item = g_ptr_array_index (self->items, i);
      GtkCheckButton *check = g_hash_table_lookup (self->checks, item->case_id);

      if (check != NULL && g_strcmp0 (item->reference, reference) == 0)
        {
          gtk_check_button_set_active (check, checked);
          return TRUE;
        }
    }
  return FALSE;
}

/* Names (or "No name yet") of the old drafts listed, oldest first. */
GStrv
wb_retention_page_dup_draft_names (WbRetentionPage *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), NULL);

  for (guint i = 0; i < self->drafts->len; i++)
    {
      const char *name = wb_intake_draft_get_reporter_name (g_ptr_array_index (self->drafts, i));

      g_strv_builder_add (b, name != NULL ? name : _("No name yet"));
    }
  return g_strv_builder_end (b);
}

gboolean
wb_retention_page_set_draft_checked (WbRetentionPage *self,
                                     const char      *draft_id,
                                     gboolean         checked)
{
  GtkCheckButton *check;

  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), FALSE);

  check = g_hash_table_lookup (self->draft_checks, draft_id);
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, checked);
  return TRUE;
}
