"""Which functions are public, and their signatures."""

from __future__ import annotations

import types

import sample_mod

from venvmux_worker.introspect import is_public, public_functions, signature_text


def test_public_functions_of_the_sample_module():
    functions = public_functions(sample_mod)
    assert "compute" in functions and "async_add" in functions
    assert "system" not in functions       # imported
    assert "_private" not in functions     # underscore
    assert "Point" not in functions        # a class
    assert "Color" not in functions
    assert list(functions) == sorted(functions)


def test_all_exports_an_imported_function():
    module = types.ModuleType("exporting")
    exec("from os.path import join, basename\n__all__ = ['join']\n"
         "def own(): pass\n", module.__dict__)
    assert list(public_functions(module)) == ["join", "own"]


def test_dotted_names_are_never_public():
    assert not is_public("a.b", print, "m", {"a.b"})
    assert not is_public("_x", print, "m", {"_x"})


def test_signatures_resolve_postponed_annotations():
    assert signature_text(sample_mod.compute) == "(n: int) -> dict"
    assert signature_text(sample_mod.echo) == "(value)"
    assert signature_text(sample_mod.add) == "(a: int, b: int = 2) -> int"
