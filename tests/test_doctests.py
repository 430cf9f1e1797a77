"""Docstring examples run as tests, on the installed package (whichever way it was installed)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import textclean

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(textclean.__path__, prefix="textclean.")
    if not name.startswith("textclean.spark")  # optional extra; its own tests import it
    and name != "textclean.__main__"  # importing it runs the command
)


@pytest.mark.parametrize("name", ["textclean", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failed, _attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
