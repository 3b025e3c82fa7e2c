# Bootstrap of the utility.python step (IgnitionToolkit.Core/Plugins/BuiltIn/Python). Run as:
#   python3 -u -c <this file> <socket path>
# It leads its own session (so the host can kill everything it starts), reads the step from the host over a Unix
# socket (one JSON line: source, variables, parameters, step_output), runs the source with the globals of the
# original toolkit, and reports over the same socket as JSON lines:
#   {"op": "set", "name": ..., "value": ...}          at each set_variable (applied by the host at once)
#   {"op": "end", "status": "ok"|"error"|"exit", ...}  at the end (result dict, error details, exit code)
# stdout and stderr stay the script's own.
import os
import sys

try:
    os.setsid()
except OSError:
    pass

import asyncio
import json
import linecache
import signal
import socket
import subprocess
import threading
import time
import traceback
import xml.etree.ElementTree
import zipfile
from pathlib import Path

FILENAME = "<playbook step>"

_channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
_channel.connect(sys.argv[1])
_reader = _channel.makefile("r", encoding="utf-8")
_init = json.loads(_reader.readline())
sys.argv = [FILENAME]
_finished = threading.Event()


_host_pid = os.getppid()


def _watch_host():
    # The host writes nothing after the step. Its end of the channel closes early in two cases: it cancels the step (and
    # then kills this session itself, finding what the script started through its parents, so nothing may die first),
    # or it is gone (killed, crashed), and the script must not outlive it. Gone shows as a new parent (init or a
    # subreaper) once the kernel has finished the host's exit: only then does the session (this interpreter and what
    # it started in it) end; an interpreter that could not lead a session only ends itself.
    try:
        while _channel.recv(4096):
            pass
    except OSError:
        pass
    while not _finished.is_set() and os.getppid() == _host_pid:
        time.sleep(0.2)
    if _finished.is_set():
        return
    if os.getsid(0) == os.getpid():
        os.killpg(os.getpid(), signal.SIGKILL)
    os._exit(137)


threading.Thread(target=_watch_host, name="toolkit-host-watch", daemon=True).start()


def _send(message):
    if message.get("op") == "end":
        _finished.set()  # the host closes the channel once it has this: not a host gone
    _channel.sendall((json.dumps(message, default=str) + "\n").encode("utf-8"))


def _jsonable(value):
    """The value as the host will keep it: JSON types only (str, int, float, bool, None, list, dict)."""
    return json.loads(json.dumps(value, default=str))


class _Variables(dict):
    """The execution's variables; assigning an item is set_variable."""

    def __setitem__(self, name, value):
        set_variable(name, value)


def set_variable(name, value):
    """Sets an execution variable now ({{ variable.name }} in later steps); kept even if the script fails later."""
    if not isinstance(name, str) or not name:
        raise TypeError("set_variable: the name must be a non-empty string")
    value = _jsonable(value)
    dict.__setitem__(_variables, name, value)
    _send({"op": "set", "name": name, "value": value})


def get_variable(name, default=None):
    """An execution variable, or default when it is not set."""
    return _variables.get(name, default)


class BrowserNotAvailableError(RuntimeError):
    pass


class _Unavailable:
    """Stands for the v5 names 'page' and 'browser_manager', which a separate Python process cannot reach."""

    def __init__(self, name):
        object.__setattr__(self, "_name", name)

    def _fail(self, what):
        raise BrowserNotAvailableError(
            f"'{what}' is not available: utility.python runs in its own Python process, without the execution's "
            "browser (Playwright for Python is not installed); use browser.* and perspective.* steps instead")

    def __getattr__(self, attribute):
        self._fail(f"{object.__getattribute__(self, '_name')}.{attribute}")

    def __setattr__(self, attribute, value):
        self._fail(f"{object.__getattribute__(self, '_name')}.{attribute}")

    def __call__(self, *args, **kwargs):
        self._fail(object.__getattribute__(self, "_name") + "()")

    def __await__(self):
        self._fail("await " + object.__getattribute__(self, "_name"))

    def __repr__(self):
        return f"<{object.__getattribute__(self, '_name')}: not available in utility.python>"


_variables = _Variables(_init.get("variables") or {})
_source = _init["source"]
linecache.cache[FILENAME] = (len(_source), None, _source.splitlines(True), FILENAME)
_globals = {
    "__builtins__": __builtins__,
    "set_variable": set_variable,
    "get_variable": get_variable,
    "Path": Path,
    "zipfile": zipfile,
    "json": json,
    "os": os,
    "subprocess": subprocess,
    "asyncio": asyncio,
    "time": time,
    "ET": xml.etree.ElementTree,
    "parameters": _init.get("parameters") or {},
    "variables": _variables,
    "step_output": _init.get("step_output") or {},
    "result": {},
    "page": _Unavailable("page"),
    "browser_manager": _Unavailable("browser_manager"),
}
del _init


def _script_frames(tb):
    """The traceback from the first frame of the script on (the bootstrap's own frames left out)."""
    while tb is not None and tb.tb_frame.f_code.co_filename != FILENAME:
        tb = tb.tb_next
    return tb


def _error(exc):
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        line = exc.lineno
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    lines = _source.splitlines()
    text = lines[line - 1].strip() if line and 0 < line <= len(lines) else None
    return {"type": type(exc).__name__, "message": str(exc), "line": line, "text": text}


def _result():
    value = _globals.get("result")
    return _jsonable(value) if isinstance(value, dict) else None


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a script may close or replace them
            pass


try:
    exec(compile(_source, FILENAME, "exec"), _globals)
except SystemExit as stop:
    code = stop.code
    if code is None or code == 0:
        _flush()
        _send({"op": "end", "status": "ok", "result": _result()})
        sys.exit(0)
    if not isinstance(code, int):
        print(code, file=sys.stderr)
        message, code = str(code), 1
    else:
        message = None
    _flush()
    _send({"op": "end", "status": "exit", "code": code, "message": message})
    sys.exit(code)
except BaseException as exc:  # noqa: B902 - every failure of the script is reported, KeyboardInterrupt included
    traceback.print_exception(type(exc), exc, _script_frames(exc.__traceback__))
    _flush()
    _send({"op": "end", "status": "error", "error": _error(exc)})
    sys.exit(1)
_flush()
_send({"op": "end", "status": "ok", "result": _result()})
