"""Running a check as a user without root's power over file modes (a module of its own: with the
Spark tests in the session, ``conftest`` names tests/spark/conftest.py)."""
from __future__ import annotations

import os


def without_root(attempt) -> str:
    """``attempt()``'s error message, as a user without root's power over file modes: as root,
    in a forked child that gives up root first (nobody's uid), so the test runs anywhere."""
    def message():
        try:
            attempt()
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"
        return "no error"

    if os.geteuid() != 0:
        return message()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's exit code is checked below)
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, message().encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        text = pipe.read().decode()
    assert os.waitpid(child, 0)[1] == 0
    return text
