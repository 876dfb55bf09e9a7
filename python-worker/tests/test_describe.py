"""The module description that stubgen reads."""

from __future__ import annotations

import json
import subprocess
import sys
import typing

import pytest

import typed_mod

from conftest import worker_env
from venvmux_worker.describe import describe_module


def test_functions_parameters_and_type_trees():
    description = describe_module(typed_mod)
    assert description["module"] == "typed_mod"
    assert [f["name"] for f in description["functions"]] == ["later", "plan"]
    later, plan = description["functions"]
    assert plan["doc"] == "Plans the work." and plan["async"] is False and later["async"] is True
    assert [(p["name"], p["kind"]) for p in plan["parameters"]] == [
        ("tree", "positional_or_keyword"), ("mode", "positional_or_keyword"),
        ("spans", "var_positional"), ("config", "keyword_only"), ("extra", "var_keyword")]
    tree, mode, spans, config, extra = plan["parameters"]
    assert tree["type"] == {"kind": "ref", "ref": "typed_mod.Tree"}
    assert tree["has_default"] is False and "default" not in tree
    assert mode["default"] == "fast"
    assert spans["type"] == {"kind": "ref", "ref": "typed_mod.Span"}
    assert config["type"] == {"kind": "optional",
                              "type": {"kind": "ref", "ref": "typed_mod.Config"}}
    assert extra["type"] == {"kind": "primitive", "name": "float"}
    assert plan["returns"] == {
        "kind": "dict", "key": {"kind": "primitive", "name": "str"},
        "value": {"kind": "list", "items": {"kind": "tuple", "items": [
            {"kind": "primitive", "name": "int"}, {"kind": "primitive", "name": "str"}]}}}
    when, choice, either, anything = later["parameters"]
    assert when["type"] == {"kind": "primitive", "name": "datetime"}
    assert choice["type"] == {"kind": "literal", "values": ["a", "b"]}
    assert either["type"] == {"kind": "union", "types": [
        {"kind": "primitive", "name": "int"}, {"kind": "primitive", "name": "str"}]}
    assert anything["type"] == {"kind": "any"} and anything["default"] is None
    assert later["returns"] == {"kind": "none"}


def test_named_types():
    types = describe_module(typed_mod)["types"]
    assert set(types) == {"typed_mod.Tree", "typed_mod.Mode", "typed_mod.Span",
                          "typed_mod.Config"}
    assert types["typed_mod.Mode"] == {
        "name": "Mode", "module": "typed_mod", "qualname": "Mode", "doc": "How to run.",
        "kind": "enum", "members": [{"name": "FAST", "value": "fast"},
                                    {"name": "SAFE", "value": 2}]}
    tree = types["typed_mod.Tree"]
    assert tree["kind"] == "dataclass" and tree["doc"] == "A node with children."
    assert tree["fields"] == [
        {"name": "label", "type": {"kind": "primitive", "name": "str"}, "required": True},
        {"name": "children", "type": {"kind": "list",
                                      "items": {"kind": "ref", "ref": "typed_mod.Tree"}},
         "required": False},
        {"name": "size", "type": {"kind": "primitive", "name": "int"}, "required": False}]
    assert types["typed_mod.Span"]["kind"] == "namedtuple"
    assert [f["required"] for f in types["typed_mod.Span"]["fields"]] == [True, False]
    assert types["typed_mod.Config"]["kind"] == "typeddict"
    assert types["typed_mod.Config"]["fields"][0]["required"] is False


def test_command_line_writes_one_json_document(tmp_path):
    done = subprocess.run([sys.executable, "-m", "venvmux_worker.describe", "--module",
                           "typed_mod"], env=worker_env(), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(json.dumps(describe_module(typed_mod)))


def test_command_line_import_failure():
    done = subprocess.run([sys.executable, "-m", "venvmux_worker.describe", "--module",
                           "broken_mod"], env=worker_env(), capture_output=True, timeout=60)
    assert done.returncode == 3
    assert json.loads(done.stdout)["error"]["type"] == "ModuleNotFoundError"


_GENERIC_SOURCE = '''
from __future__ import annotations
from dataclasses import dataclass
from typing import Generic, Optional, TypeVar

T = TypeVar("T")

@dataclass
class User:
    name: str

@dataclass
class Page(Generic[T]):
    items: list[T]
    first: Optional[T]
    total: int

def users(page: int) -> Page[User]:
    ...

def first(items: list[T]) -> T:
    ...
'''


def test_generic_dataclass_keeps_its_parameters_and_arguments():
    import types as pytypes
    module = pytypes.ModuleType("generic_mod")
    sys.modules["generic_mod"] = module
    try:
        exec(_GENERIC_SOURCE, module.__dict__)
        description = describe_module(module)
    finally:
        del sys.modules["generic_mod"]
    functions = {f["name"]: f for f in description["functions"]}
    users, first = functions["users"], functions["first"]
    assert users["returns"] == {"kind": "ref", "ref": "generic_mod.Page",
                                "args": [{"kind": "ref", "ref": "generic_mod.User"}]}
    page = description["types"]["generic_mod.Page"]
    assert page["params"] == ["T"]
    assert [f["type"] for f in page["fields"]] == [
        {"kind": "list", "items": {"kind": "typevar", "name": "T"}},
        {"kind": "optional", "type": {"kind": "typevar", "name": "T"}},
        {"kind": "primitive", "name": "int"}]
    assert "generic_mod.User" in description["types"]
    # a function's own type variable is no class parameter: it stays untyped
    assert first["returns"] == {"kind": "any"}


_TYPEDDICT_SOURCE = '''
from __future__ import annotations
from typing import TypedDict
from typing import NotRequired

class Base(TypedDict):
    id: int

class Tagged(Base):
    tags: NotRequired[list[str]]

def tagged() -> Tagged:
    ...
'''


@pytest.mark.skipif(not hasattr(typing, "NotRequired"), reason="typing.NotRequired: 3.11+")
def test_not_required_in_an_inherited_typeddict_keeps_its_value_type():
    import types as pytypes
    module = pytypes.ModuleType("typeddict_mod")
    sys.modules["typeddict_mod"] = module
    try:
        exec(_TYPEDDICT_SOURCE, module.__dict__)
        tagged = describe_module(module)["types"]["typeddict_mod.Tagged"]
    finally:
        del sys.modules["typeddict_mod"]
    assert tagged["fields"] == [
        {"name": "id", "type": {"kind": "primitive", "name": "int"}, "required": True},
        {"name": "tags", "type": {"kind": "list", "items": {"kind": "primitive", "name": "str"}},
         "required": False}]


def test_flag_enums_list_their_single_members():
    import flag_mod

    types_ = describe_module(flag_mod)["types"]
    assert types_["flag_mod.Perm"]["kind"] == "enum" and types_["flag_mod.Perm"]["flag"] is True
    assert types_["flag_mod.Perm"]["members"] == [
        {"name": "R", "value": 1}, {"name": "W", "value": 2}, {"name": "X", "value": 4}]
    assert "flag" not in types_["flag_mod.Color"]
