/* test-pages.c: the setup and unlock pages check their input before they ask the vault.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-setup-page.h"
#include "wb-unlock-page.h"

/* The pages keep their widgets private; the test finds them as a user would
 * see them: by their accessible label, or by type and order. */
static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type,
              guint      nth)
{
  guint seen = 0;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *w = g_queue_pop_head (&queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == nth)
        {
          g_queue_clear (&queue);
          return w;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return NULL;
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

typedef struct
{
  guint  n;
  char  *a;
  char  *b;
  char  *c;
} Emitted;

static void
create_requested_cb (WbSetupPage *page,
                     const char  *name,
                     const char  *display,
                     const char  *passphrase,
                     gboolean     recovery,
                     Emitted     *e)
{
  e->n++;
  g_free (e->a); e->a = g_strdup (name);
  g_free (e->b); e->b = g_strdup (display);
  g_free (e->c); e->c = g_strdup (passphrase);
}

static gboolean
action_enabled (GtkWidget  *widget,
                const char *action)
{
  /* A widget action shows as the sensitivity of the button that names it. */
  GtkWidget *button = NULL;

  for (guint i = 0; (button = find_by_type (widget, GTK_TYPE_BUTTON, i)); i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action) == 0)
      return gtk_widget_is_sensitive (button);
  g_assert_not_reached ();
  return FALSE;
}

static void
test_setup_create_needs_a_valid_form (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (WB_TYPE_SETUP_PAGE, NULL);
  GtkWidget *name, *display, *pw, *confirm;
  Emitted e = { 0 };

  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (page, "create-requested", G_CALLBACK (create_requested_cb), &e);

  name = find_by_type (page, GTK_TYPE_ENTRY, 0);
  display = find_by_type (page, GTK_TYPE_ENTRY, 1);
  pw = find_by_type (page, GTK_TYPE_PASSWORD_ENTRY, 0);
  confirm = find_by_type (page, GTK_TYPE_PASSWORD_ENTRY, 1);
  g_assert_nonnull (name);
  g_assert_nonnull (confirm);

  g_assert_false (action_enabled (page, "setup.create"));

  set_text (name, "  beheer.test  ");
  set_text (pw, "te kort");                  /* 7 characters */
  set_text (confirm, "te kort");
  g_assert_false (action_enabled (page, "setup.create"));

  /* Twelve characters, but 24 bytes: counted as characters, still too short. */
  set_text (pw, "ééééééééééé");
  set_text (confirm, "ééééééééééé");
  g_assert_false (action_enabled (page, "setup.create"));

  set_text (pw, "oranje fiets onder de brug");
  set_text (confirm, "oranje fiets onder de brug!");
  g_assert_false (action_enabled (page, "setup.create"));

  set_text (confirm, "oranje fiets onder de brug");
  g_assert_true (action_enabled (page, "setup.create"));

  gtk_widget_activate_action (page, "setup.create", NULL);
  g_assert_cmpuint (e.n, ==, 1);
  g_assert_cmpstr (e.a, ==, "beheer.test");       /* trimmed */
  g_assert_cmpstr (e.b, ==, "beheer.test");       /* display name defaults to the name */
  g_assert_cmpstr (e.c, ==, "oranje fiets onder de brug");

  /* Busy: no second vault from a double click. */
  g_assert_false (action_enabled (page, "setup.create"));
  gtk_widget_activate_action (page, "setup.create", NULL);
  g_assert_cmpuint (e.n, ==, 1);

  /* An error from the vault is shown, and the passphrases are cleared. */
  wb_setup_page_set_error (WB_SETUP_PAGE (page), "De kluis kon niet worden aangemaakt.");
  wb_setup_page_reset (WB_SETUP_PAGE (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pw)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (confirm)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "  beheer.test  ");

  g_free (e.a);
  g_free (e.b);
  g_free (e.c);
  gtk_window_destroy (GTK_WINDOW (window));
  (void) display;
}

static void
unlock_requested_cb (WbUnlockPage *page,
                     const char   *account,
                     const char   *passphrase,
                     Emitted      *e)
{
  e->n++;
  g_free (e->a); e->a = g_strdup (account);
  g_free (e->c); e->c = g_strdup (passphrase);
}

static void
test_unlock_page_asks_the_account_only_when_needed (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (WB_TYPE_UNLOCK_PAGE, NULL);
  GtkWidget *account = NULL, *pw;
  Emitted e = { 0 };

  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (page, "unlock-requested", G_CALLBACK (unlock_requested_cb), &e);
  account = find_by_type (page, GTK_TYPE_ENTRY, 0);
  pw = find_by_type (page, GTK_TYPE_PASSWORD_ENTRY, 0);

  /* One account: only the passphrase. */
  wb_unlock_page_set_ask_account (WB_UNLOCK_PAGE (page), FALSE);
  g_assert_false (gtk_widget_is_visible (account));
  g_assert_false (action_enabled (page, "unlock.unlock"));
  set_text (pw, "iets");
  g_assert_true (action_enabled (page, "unlock.unlock"));
  gtk_widget_activate_action (page, "unlock.unlock", NULL);
  g_assert_cmpuint (e.n, ==, 1);
  g_assert_null (e.a);
  g_assert_cmpstr (e.c, ==, "iets");
  g_assert_true (wb_unlock_page_get_busy (WB_UNLOCK_PAGE (page)));

  /* A wrong passphrase: the message shows and the field is emptied. */
  wb_unlock_page_set_busy (WB_UNLOCK_PAGE (page), FALSE);
  wb_unlock_page_set_error (WB_UNLOCK_PAGE (page), "Onjuist.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pw)), ==, "");
  g_assert_false (action_enabled (page, "unlock.unlock"));

  /* Several accounts: the name is needed too. */
  wb_unlock_page_set_ask_account (WB_UNLOCK_PAGE (page), TRUE);
  g_assert_true (gtk_widget_get_visible (account));
  set_text (pw, "iets anders");
  g_assert_false (action_enabled (page, "unlock.unlock"));
  set_text (account, "contact.test");
  g_assert_true (action_enabled (page, "unlock.unlock"));
  gtk_widget_activate_action (page, "unlock.unlock", NULL);
  g_assert_cmpuint (e.n, ==, 2);
  g_assert_cmpstr (e.a, ==, "contact.test");

  /* Locking again leaves nothing typed behind. */
  wb_unlock_page_reset (WB_UNLOCK_PAGE (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pw)), ==, "");
  g_assert_false (wb_unlock_page_get_busy (WB_UNLOCK_PAGE (page)));

  g_free (e.a);
  g_free (e.c);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/setup-page/create-needs-a-valid-form", test_setup_create_needs_a_valid_form);
  g_test_add_func ("/gui/unlock-page/asks-the-account-only-when-needed",
                   test_unlock_page_asks_the_account_only_when_needed);

  return g_test_run ();
}
