/* wb-inbox-columns.c: the columns of the inbox: cell text, badges, sort order, accessible row names.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-case-item.h"
#include "wb-inbox-columns.h"
#include "wb-regions.h"

typedef enum
{
  COL_REFERENCE,
  COL_REPORTER,
  COL_INCIDENT,
  COL_URGENCY,
  COL_STATUS,
  COL_ASSIGNEE,
  COL_NEXT_DUE,
  COL_LAST_ACTIVITY,
  N_COLS
} Column;

static const char * const column_titles[N_COLS] = {
  N_("Reference"),
  /* Translators: the column with the reporter's role and municipality */
  N_("Reporter"),
  N_("Incident"),
  N_("Urgency"),
  N_("Status"),
  N_("Contact Person"),
  N_("Next Follow-up"),
  N_("Last Activity"),
};

/* Pixels; 0 shares what is left. */
static const int column_widths[N_COLS] = { 110, 0, 0, 85, 120, 125, 145, 95 };

/* Labels */

static char *
incident_label (WbIncidentType types)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 1; bit <= WB_INCIDENT_TYPE_OTHER; bit <<= 1)
    if (types & bit)
      {
        if (s->len)
          g_string_append (s, ", ");
        g_string_append (s, wb_incident_type_to_label (bit));
      }
  return g_string_free (s, FALSE);
}

static char *
date_label (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;

  if (usec == 0)
    return g_strdup ("—");
  dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  /* Translators: a date in the inbox, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

static const char *
assignee_label (GHashTable *account_names,
                const char *assignee)
{
  const char *name;

  if (assignee == NULL || *assignee == '\0')
    return "—";
  /* Until the accounts are listed, after unlocking. */
  if (g_hash_table_size (account_names) == 0)
    return "";
  name = g_hash_table_lookup (account_names, assignee);
  /* An account that was removed since. */
  return name ? name : _("Former account");
}

static const char *
municipality_label (const WbCaseRow *row)
{
  const char *name = *row->municipality ? wb_regions_get_area_name (row->municipality) : NULL;

  return name ? name : "—";
}

static char *
cell_text (GHashTable *account_names,
           Column      col,
           WbCaseRow  *row)
{
  switch (col)
    {
    case COL_REFERENCE:
      return g_strdup (row->reference);
    case COL_REPORTER:
      if (!row->has_reporter)
        return g_strdup (municipality_label (row));
      /* Translators: the reporter's role and municipality, e.g. "Burgemeester, Utrecht" */
      return g_strdup_printf (_("%s, %s"), wb_person_role_to_label (row->reporter_role),
                              municipality_label (row));
    case COL_INCIDENT:
      return incident_label (row->incident_types);
    case COL_URGENCY:
      return g_strdup (wb_urgency_to_label (row->urgency));
    case COL_STATUS:
      return g_strdup (wb_case_status_to_label (row->status));
    case COL_ASSIGNEE:
      return g_strdup (assignee_label (account_names, row->assignee));
    case COL_NEXT_DUE:
      {
        g_autofree char *date = date_label (row->next_due);

        if (row->next_due != 0 && row->next_due < g_get_real_time ())
          /* Translators: %s is a date; the follow-up was due then and is not done */
          return g_strdup_printf (_("%s, overdue"), date);
        return g_steal_pointer (&date);
      }
    case COL_LAST_ACTIVITY:
      return date_label (row->last_activity);
    default:
      g_assert_not_reached ();
    }
}

/* What a screen reader says for a row. */
char *
wb_inbox_row_accessible_name (WbCaseRow *row)
{
  GString *s = g_string_new (row->reference);

  g_string_append_printf (s, ", %s, %s", wb_urgency_to_label (row->urgency),
                          wb_case_status_to_label (row->status));
  if (row->has_reporter)
    g_string_append_printf (s, ", %s", wb_person_role_to_label (row->reporter_role));
  if (*row->municipality)
    g_string_append_printf (s, ", %s", municipality_label (row));
  return g_string_free (s, FALSE);
}

/* Columns */

typedef struct
{
  GHashTable *account_names;      /* account id → display name, shared with the page */
  Column      col;
} ColumnData;

static void
column_data_free (gpointer data)
{
  ColumnData *d = data;

  g_hash_table_unref (d->account_names);
  g_free (d);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (data->col == COL_URGENCY)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "urgency-badge");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnData               *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  WbCaseRow *row = wb_case_item_get_row (gtk_list_item_get_item (list_item));
  g_autofree char *text = cell_text (data->account_names, data->col, row);
  gboolean overdue = row->next_due != 0 && row->next_due < g_get_real_time ();

  gtk_label_set_text (GTK_LABEL (label), text);
  if (data->col == COL_URGENCY)
    {
      static const char * const classes[] = { "urgency-normal", "urgency-high", "urgency-acute" };

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        if ((guint) row->urgency == i)
          gtk_widget_add_css_class (label, classes[i]);
        else
          gtk_widget_remove_css_class (label, classes[i]);
    }
  else if (data->col == COL_NEXT_DUE)
    {
      if (overdue)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
  else if (data->col == COL_REFERENCE)
    {
      /* The row widget is GTK's own; naming it makes the row read as one line. */
      GtkWidget *cell = gtk_widget_get_parent (label);
      GtkWidget *row_widget = cell ? gtk_widget_get_parent (cell) : NULL;
      g_autofree char *name = wb_inbox_row_accessible_name (row);

      if (row_widget)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static int
compare_column_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ColumnData *data = user_data;
  WbCaseItem *ia = (WbCaseItem *) a;
  WbCaseItem *ib = (WbCaseItem *) b;
  const WbInboxCase *ca = wb_case_item_get_case (ia);
  const WbInboxCase *cb = wb_case_item_get_case (ib);
  WbCaseRow *ra = wb_case_item_get_row (ia);
  WbCaseRow *rb = wb_case_item_get_row (ib);
  int r;

  switch (data->col)
    {
    case COL_REFERENCE:
      r = wb_inbox_compare_column (WB_INBOX_COLUMN_REFERENCE, ca, cb);
      break;
    case COL_REPORTER:
      r = wb_inbox_compare_text (municipality_label (ra), municipality_label (rb));
      if (r == 0)
        r = (ra->has_reporter ? (int) ra->reporter_role : 99) -
            (rb->has_reporter ? (int) rb->reporter_role : 99);
      break;
    case COL_INCIDENT:
      r = (int) ra->incident_types - (int) rb->incident_types;
      break;
    case COL_URGENCY:
      r = wb_inbox_compare_column (WB_INBOX_COLUMN_URGENCY, ca, cb);
      break;
    case COL_STATUS:
      r = wb_inbox_compare_column (WB_INBOX_COLUMN_STATUS, ca, cb);
      break;
    case COL_ASSIGNEE:
      r = g_utf8_collate (assignee_label (data->account_names, ra->assignee),
                          assignee_label (data->account_names, rb->assignee));
      break;
    case COL_NEXT_DUE:
      r = wb_inbox_compare_column (WB_INBOX_COLUMN_NEXT_DUE, ca, cb);
      break;
    case COL_LAST_ACTIVITY:
      r = wb_inbox_compare_column (WB_INBOX_COLUMN_LAST_ACTIVITY, ca, cb);
      break;
    default:
      g_assert_not_reached ();
    }
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/**
 * wb_inbox_columns_add:
 * @account_names: (transfer none): account id → display name, kept current by the caller
 *
 * Adds the inbox's columns, each with its sorter, to @view.
 */
void
wb_inbox_columns_add (GtkColumnView *view,
                      GHashTable    *account_names)
{
  for (Column col = 0; col < N_COLS; col++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnData *data = g_new0 (ColumnData, 1);
      GtkCustomSorter *sorter;
      GtkColumnViewColumn *column;

      data->account_names = g_hash_table_ref (account_names);
      data->col = col;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      sorter = gtk_custom_sorter_new (compare_column_cb, data, column_data_free);
      column = gtk_column_view_column_new (_(column_titles[col]), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_widths[col] > 0)
        gtk_column_view_column_set_fixed_width (column, column_widths[col]);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (view, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}
