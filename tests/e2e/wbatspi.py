# wbatspi.py: drive the built Weerbaar app through AT-SPI, as a screen reader user would.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every wait polls the accessibility tree until a condition holds or a deadline
# passes; there are no fixed sleeps.
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

DEFAULT_TIMEOUT = 20.0


class Failure(Exception):
    pass


def wait_for(predicate, what, timeout=DEFAULT_TIMEOUT, interval=0.05):
    """Poll predicate() until it returns something truthy; return that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = predicate()
            if result:
                return result
        except gi.repository.GLib.Error as e:  # the tree changes under us
            last_error = e
        time.sleep(interval)
    raise Failure(f"timed out after {timeout:.0f} s waiting for {what}"
                  + (f" (last error: {last_error})" if last_error else ""))


def role_name(acc):
    return acc.get_role_name()


def children(acc):
    try:
        n = acc.get_child_count()
    except gi.repository.GLib.Error:
        return []
    out = []
    for i in range(n):
        try:
            c = acc.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        if c is not None:
            out.append(c)
    return out


def walk(acc, max_depth=60):
    stack = [(acc, 0)]
    while stack:
        node, depth = stack.pop()
        yield node
        if depth < max_depth:
            stack.extend((c, depth + 1) for c in reversed(children(node)))


def is_showing(acc):
    # GTK 4.8 sets SHOWING on toplevels only; VISIBLE is what it keeps per widget.
    return acc.get_state_set().contains(Atspi.StateType.VISIBLE)


def has_state(acc, state):
    return acc.get_state_set().contains(state)


def header_titles(root):
    """The titles the header bars show (libadwaita's AdwWindowTitle labels)."""
    titles = []
    for filler in find_all(root, role="filler", name="AdwWindowTitle"):
        titles.extend(l.get_name() for l in find_all(filler, role="label"))
    return titles


def find_all(root, role=None, name=None, showing=True):
    # GTK 4.8 does not announce every name change; read the tree afresh.
    try:
        root.clear_cache()
    except gi.repository.GLib.Error:
        pass
    found = []
    for node in walk(root):
        try:
            if role is not None and role_name(node) != role:
                continue
            if name is not None and node.get_name() != name:
                continue
            if showing and not is_showing(node):
                continue
        except gi.repository.GLib.Error:
            continue
        found.append(node)
    return found


def find(root, role=None, name=None, showing=True, timeout=DEFAULT_TIMEOUT):
    def look():
        hits = find_all(root, role, name, showing)
        return hits[0] if hits else None
    return wait_for(look, f"{role or 'any role'} named {name!r}", timeout)


def n_actions(acc):
    action = acc.get_action_iface()
    return action.get_n_actions() if action is not None else 0


def find_actionable(root, role=None, name=None, timeout=DEFAULT_TIMEOUT):
    """Like find(), but only an accessible that has an action (a menu button
    exposes a container and the toggle button inside it, with one name)."""
    def look():
        hits = [a for a in find_all(root, role, name) if n_actions(a) > 0]
        return hits[0] if hits else None
    return wait_for(look, f"an actionable {role or 'any role'} named {name!r}", timeout)


def do_action(acc, action_name=None):
    """Run the named action (or the first one) of an accessible."""
    action = acc.get_action_iface()
    if action is None:
        raise Failure(f"{role_name(acc)} {acc.get_name()!r} has no actions")
    n = action.get_n_actions()
    names = [action.get_action_name(i) for i in range(n)]
    index = 0 if action_name is None else names.index(action_name)
    action.do_action(index)


KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_SPACE = 0x0020
KEY_L = 0x006c
KEYCODE_CONTROL_L = 37  # in Xvfb's default keymap


def is_focused(acc):
    return acc.get_state_set().contains(Atspi.StateType.FOCUSED)


def press(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def press_with_control(keysym):
    # The synth types are not flags: hold Control by its keycode.
    Atspi.generate_keyboard_event(KEYCODE_CONTROL_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(KEYCODE_CONTROL_L, None, Atspi.KeySynthType.RELEASE)


def focus(acc, max_tabs=20):
    """Move the keyboard focus to acc with Tab, as a keyboard user would
    (GTK 4.8 does not implement AT-SPI's grab_focus)."""
    for _ in range(max_tabs):
        try:
            return wait_for(lambda: is_focused(acc), f"focus on {acc.get_name()!r}", timeout=1.0)
        except Failure:
            press(KEY_TAB)
    return wait_for(lambda: is_focused(acc), f"focus on {acc.get_name()!r}", timeout=2.0)


def type_into(acc, text):
    """Type text into a focused field. GTK 4.8 has no AT-SPI EditableText, so
    this types key by key; it cannot read the text back either."""
    focus(acc)
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)


def select_child(parent, child):
    """Select child inside a list-like parent through the Selection interface."""
    sel = parent.get_selection_iface()
    if sel is None:
        raise Failure(f"{role_name(parent)} {parent.get_name()!r} has no selection")
    index = child.get_index_in_parent()
    if not sel.select_child(index):
        raise Failure(f"could not select {child.get_name()!r}")


def dump(root, out=sys.stderr, max_depth=30):
    def rec(node, depth):
        try:
            out.write("  " * depth + f"[{role_name(node)}] {node.get_name()!r}\n")
        except gi.repository.GLib.Error:
            return
        if depth < max_depth:
            for c in children(node):
                rec(c, depth + 1)
    rec(root, 0)


def screenshot(path):
    subprocess.run(["import", "-window", "root", path], check=True)


class App:
    """The built weerbaar binary, started in Dutch on a fresh, private database."""

    def __init__(self, args=(), env=None, lang="nl"):
        build = os.environ["MESON_BUILD_ROOT"]
        self.binary = os.path.join(build, "src", "weerbaar")
        self.tmp = tempfile.TemporaryDirectory(prefix="wb-e2e-")
        e = dict(os.environ)
        e.update({
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
            "GSK_RENDERER": "cairo",
            "XDG_DATA_HOME": os.path.join(self.tmp.name, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp.name, "config"),
            "XDG_CACHE_HOME": os.path.join(self.tmp.name, "cache"),
            "TMPDIR": self.tmp.name,
            "NO_AT_BRIDGE": "0",
            "GTK_A11Y": "atspi",
        })
        e.pop("G_DEBUG", None)
        if lang == "nl":
            e.update({"LANGUAGE": "nl", "LC_ALL": "C.UTF-8"})
        else:
            e.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
        if env:
            e.update(env)
        self.env = e
        self.args = list(args)
        self.proc = None
        self.root = None

    def start(self):
        self.proc = subprocess.Popen([self.binary] + self.args, env=self.env)
        desktop = Atspi.get_desktop(0)

        def app_node():
            if self.proc.poll() is not None:
                raise Failure(f"weerbaar exited with {self.proc.returncode}")
            for c in children(desktop):
                try:
                    if c.get_process_id() == self.proc.pid:
                        return c
                except gi.repository.GLib.Error:
                    continue
            return None
        self.root = wait_for(app_node, "the app on the accessibility bus")
        return self.root

    def window(self, name=None):
        return find(self.root, role="frame", name=name)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.tmp.cleanup()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            failure_screenshot()
        self.stop()
        return False


_current_test = "test"


def failure_screenshot():
    """A picture of the screen as the test failed, next to the test log."""
    shot = os.path.join(os.environ.get("MESON_BUILD_ROOT", "."), f"e2e-failed-{_current_test}.png")
    try:
        screenshot(shot)
        print(f"# screenshot of the failure: {shot}", file=sys.stderr)
    except Exception:  # the picture only helps; the failure stands
        pass


def run_tests(tests):
    """Run test functions as a TAP stream; exit non-zero when one fails."""
    tap_fd = os.environ.get("WB_TAP_FD")
    tap = os.fdopen(int(tap_fd), "w", buffering=1) if tap_fd else sys.stdout

    def emit(line):
        print(line, file=tap, flush=True)
        if tap is not sys.stdout:
            print(line, file=sys.stderr, flush=True)

    emit(f"1..{len(tests)}")
    failed = 0
    for i, test in enumerate(tests, 1):
        name = test.__name__
        global _current_test
        _current_test = name
        try:
            test()
            emit(f"ok {i} {name}")
        except Exception as e:  # report, then go on with the next test
            failed += 1
            emit(f"not ok {i} {name}: {e}")
            import traceback
            traceback.print_exc()
    sys.exit(1 if failed else 0)
