"""textclean's exceptions: one base class, a few subclasses users catch."""
from __future__ import annotations


class TextcleanError(Exception):
    """Base class of every error textclean raises on purpose."""


class ConfigError(TextcleanError, ValueError):
    """A configuration value is out of range or unknown; the message says which and why."""


class InputError(TextcleanError, ValueError):
    """Input that cannot be read: the message names the file and the line or record."""


class IndexMismatchError(TextcleanError):
    """A saved index or model was built with other parameters or another format version."""


class IndexBusyError(TextcleanError):
    """Another process holds a saved index's write lock for longer than textclean waits."""
