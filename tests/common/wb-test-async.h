/* wb-test-async.h: waiting for a condition or an async result, with a deadline, in tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean      wb_test_deadline_reached_cb (gpointer       user_data);
void          wb_test_result_cb           (GObject       *object,
                                           GAsyncResult  *result,
                                           gpointer       user_data);
GAsyncResult *wb_test_wait_result         (GAsyncResult **slot);

/* Spins the main context until @cond holds, at most @ms milliseconds, then
 * asserts it: a steady test waits for what it needs, never a fixed time. */
#define WAIT_UNTIL(cond, ms)                                                           \
  G_STMT_START {                                                                       \
    gboolean timed_out_ = FALSE;                                                       \
    guint deadline_ = g_timeout_add (ms, wb_test_deadline_reached_cb, &timed_out_);    \
    while (!(cond) && !timed_out_)                                                     \
      g_main_context_iteration (NULL, TRUE);                                           \
    if (!timed_out_)                                                                   \
      g_source_remove (deadline_);                                                     \
    g_assert_true (cond);                                                              \
  } G_STMT_END

/* Runs @call, an _async call given wb_test_result_cb and &res, waits for its
 * result (with the deadline of wb_test_wait_result()), then evaluates
 * @finish_expr, which may use res. */
#define WB_TEST_RUN(call, finish_expr)                                                 \
  G_STMT_START {                                                                       \
    g_autoptr(GAsyncResult) res = NULL;                                                \
    call;                                                                              \
    wb_test_wait_result (&res);                                                        \
    finish_expr;                                                                       \
  } G_STMT_END

G_END_DECLS
