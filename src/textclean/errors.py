"""textclean's exceptions: one base class, a few subclasses users catch."""
from __future__ import annotations


class TextcleanError(Exception):
    """Base class of every error textclean raises on purpose."""


class ConfigError(TextcleanError, ValueError):
    """A configuration value is out of range or unknown; the message says which and why."""


def check_share(name: str, value: object, *, zero: bool = True, one: bool = True, usual: float | None = None) -> None:
    """Raise :class:`ConfigError` unless ``value`` is a share: a number within 0..1 (``zero`` and
    ``one`` say whether the ends are allowed), not a percentage.

    >>> check_share("threshold", 80, zero=False, usual=0.8)
    Traceback (most recent call last):
    textclean.errors.ConfigError: threshold must be within (0, 1] (a share, not a percentage), got 80; 0.8 is usual
    """
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not (number and (0.0 < value if not zero else 0.0 <= value) and (value <= 1.0 if one else value < 1.0)):
        span = "0..1" if zero and one else f"{'[' if zero else '('}0, 1{']' if one else ')'}"
        raise ConfigError(f"{name} must be within {span} (a share, not a percentage), got {value!r}"
                          + (f"; {usual:g} is usual" if usual is not None else ""))


def check_count(name: str, value: object, *, low: int = 1, high: int | None = None, why: str = "") -> None:
    """Raise :class:`ConfigError` unless ``value`` is a whole number from ``low`` (to ``high``).

    >>> check_count("jobs", "2")
    Traceback (most recent call last):
    textclean.errors.ConfigError: jobs must be a whole number of at least 1, got '2'
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < low or high is not None and value > high:
        span = f"between {low} and {high}" if high is not None else f"of at least {low}"
        raise ConfigError(f"{name} must be a whole number {span}{why}, got {value!r}")


class InputError(TextcleanError, ValueError):
    """Input that cannot be read: the message names the file and the line or record."""


class OutputError(TextcleanError, OSError):
    """An output cannot be written (a missing permission, a full disk): the message names it."""


class WorkerError(TextcleanError, RuntimeError):
    """A worker process of a ``--jobs``/``jobs=`` run stopped without an answer."""


class IndexMismatchError(TextcleanError):
    """A saved index or model was built with other parameters or another format version."""


class IndexBusyError(TextcleanError):
    """Another process holds a saved index's write lock for longer than textclean waits."""
