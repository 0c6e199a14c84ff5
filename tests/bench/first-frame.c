/* first-frame.c: time from exec of a GUI program to its first drawn frame under X (measures only).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   first-frame PROGRAM [ARGS…]
 * Watches the root window for the first top-level window to be mapped and
 * then for the first damage to it (XDamage: the client drew into it),
 * prints seconds=…, and ends the program. Needs DISPLAY (Xvfb).
 */
#include "config.h"

#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#define TIMEOUT_USEC (60 * G_USEC_PER_SEC)

int
main (int    argc,
      char **argv)
{
  Display *dpy;
  Window root;
  int damage_event, damage_error;
  Damage damage = None;
  gint64 start, mapped = 0, drawn = 0;
  pid_t child;
  int status;

  if (argc < 2)
    {
      g_printerr ("usage: first-frame PROGRAM [ARGS...]\n");
      return 2;
    }
  /* Without -noreset, the X server resets when its last client leaves, as
   * the previous run did; a connection during the reset is refused. */
  start = g_get_monotonic_time ();
  while ((dpy = XOpenDisplay (NULL)) == NULL && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_usleep (20000);
  if (dpy == NULL)
    {
      g_printerr ("first-frame: cannot open the display “%s”\n", g_getenv ("DISPLAY"));
      return 2;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      g_printerr ("first-frame: the X server has no DAMAGE extension\n");
      return 2;
    }
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  start = g_get_monotonic_time ();
  child = fork ();
  if (child == 0)
    {
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  while (drawn == 0 && g_get_monotonic_time () - start < TIMEOUT_USEC)
    {
      struct pollfd pfd = { ConnectionNumber (dpy), POLLIN, 0 };
      XEvent ev;

      if (XPending (dpy) == 0)
        {
          poll (&pfd, 1, 100);
          if (waitpid (child, &status, WNOHANG) == child)
            {
              g_printerr ("first-frame: %s exited before drawing\n", argv[1]);
              return 1;
            }
          continue;
        }
      XNextEvent (dpy, &ev);
      if (ev.type == MapNotify && damage == None && !ev.xmap.override_redirect)
        {
          mapped = g_get_monotonic_time ();
          /* Damage from now on; a frame drawn in between still leaves the
           * window damaged when the object is created, which is reported. */
          damage = XDamageCreate (dpy, ev.xmap.window, XDamageReportNonEmpty);
          XSync (dpy, False);
        }
      else if (ev.type == damage_event + XDamageNotify)
        drawn = g_get_monotonic_time ();
    }

  kill (child, SIGTERM);
  waitpid (child, &status, 0);
  if (drawn == 0)
    {
      g_printerr ("first-frame: no frame within %d s\n", (int) (TIMEOUT_USEC / G_USEC_PER_SEC));
      return 1;
    }
  g_print ("seconds=%.4f\nmapped_seconds=%.4f\n", (drawn - start) / 1e6, (mapped - start) / 1e6);
  XCloseDisplay (dpy);
  return 0;
}
