/* wb-test-async.c: waiting for a condition or an async result, with a deadline, in tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-test-async.h"

gboolean
wb_test_deadline_reached_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Keeps a reference to the result in the GAsyncResult * that user_data points to. */
void
wb_test_result_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
wb_test_wait_result (GAsyncResult **slot)
{
  WAIT_UNTIL (*slot != NULL, 30000);
  return *slot;
}
