"""A JSON description of a module's public functions and the types they use, for stubgen.

``python -m venvmux_worker.describe --module pkg.entry`` imports the module (in the target
env) and writes one JSON document on stdout::

    {"module": "pkg.entry", "python": "3.12.1",
     "functions": [{"name": "compute", "async": false, "doc": "...",
                    "signature": "(n: int) -> dict",
                    "parameters": [{"name": "n", "kind": "positional_or_keyword",
                                    "type": {"kind": "primitive", "name": "int"},
                                    "has_default": false}],
                    "returns": {"kind": "dict", "key": {...}, "value": {...}}}],
     "types": {"pkg.entry.Point": {"kind": "dataclass", "name": "Point", ...}}}

Type trees (``"kind"``):

- ``primitive`` with ``name``: int, float, str, bool, bytes, datetime, date, time, timedelta,
  decimal, uuid, path; a datetime whose hint says whether it carries an offset (pydantic's
  ``AwareDatetime`` / ``NaiveDatetime``) has ``tz``: ``aware`` or ``naive``
- ``none``; ``any`` (Any, object, no annotation, a TypeVar); ``unknown`` with ``python`` (a
  class the wire has no mapping for, or an annotation that does not resolve)
- ``list`` / ``set`` with ``items``; ``tuple`` with ``items`` (a list of trees, fixed length);
  ``dict`` with ``key`` and ``value``
- ``stream`` with ``items``: an Iterator, Generator, AsyncIterator or AsyncGenerator (what a
  generator function returns; the host can stream its items)
- ``optional`` with ``type``; ``union`` with ``types``; ``literal`` with ``values``
- ``ref`` with ``ref``: a key of ``"types"``; a generic one used with arguments (``Page[User]``)
  has ``args`` (trees, in the order of the type's ``params``)
- ``typevar`` with ``name``: a type parameter, inside a generic type's fields only

Types (``"kind"``): ``enum`` (``members``: name and value; an ``enum.Flag`` / ``IntFlag`` has
``flag``: true and only its single-bit members, whose values combine), ``dataclass``, ``namedtuple``,
``typeddict``, ``pydantic`` (``fields``: name, type, required). Each has ``name``, ``module``
and ``qualname``; a generic one (``class Page(Generic[T])``) has ``params``, the names of its
type parameters. Parameter ``kind`` is one of positional_only, positional_or_keyword,
var_positional, keyword_only, var_keyword; ``default`` (JSON, via the result encoder) is there
when ``has_default`` is true. Exit 0, or 3 with a fatal line (as the worker's) when the
module does not import.
"""

from __future__ import annotations

import argparse
import collections.abc
import dataclasses
import importlib
import inspect
import platform
import sys
import types
import typing
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum, Flag
from pathlib import PurePath
from typing import Any, Callable, Dict, List, Optional

from venvmux_worker.encoder import to_jsonable
from venvmux_worker.introspect import public_functions, signature_of, signature_text

_PRIMITIVES = [(bool, "bool"), (int, "int"), (float, "float"), (str, "str"),
               (bytes, "bytes"), (bytearray, "bytes"), (datetime, "datetime"), (date, "date"),
               (time, "time"), (timedelta, "timedelta"), (Decimal, "decimal"),
               (uuid.UUID, "uuid"), (PurePath, "path")]
_LIST_ORIGINS = (list, collections.abc.Sequence, collections.abc.MutableSequence,
                 collections.abc.Iterable, collections.abc.Collection)
# What a generator function declares: its items can be streamed (the first argument is the item).
_STREAM_ORIGINS = (collections.abc.Iterator, collections.abc.Generator,
                   collections.abc.AsyncIterator, collections.abc.AsyncGenerator)
_SET_ORIGINS = (set, frozenset, collections.abc.Set, collections.abc.MutableSet)
_DICT_ORIGINS = (dict, collections.abc.Mapping, collections.abc.MutableMapping)
_UNION_ORIGINS = tuple(filter(None, (typing.Union, getattr(types, "UnionType", None))))
_ANY = {"kind": "any"}
# pydantic's datetime hints that say whether the value has an offset (plain classes at runtime)
_PYDANTIC_DATETIMES = {("pydantic.types", "AwareDatetime"): "aware",
                       ("pydantic.types", "NaiveDatetime"): "naive"}


class TypeCatalog:
    """Turns hints into type trees, collecting the named types they refer to."""

    def __init__(self) -> None:
        self.types: Dict[str, dict] = {}
        self._in_scope: tuple = ()  # the type parameters of the class being described


    def tree(self, hint: Any) -> dict:
        if hint is None or hint is type(None):
            return {"kind": "none"}
        if isinstance(hint, typing.TypeVar) and hint in self._in_scope:
            return {"kind": "typevar", "name": hint.__name__}
        if hint is Any or hint is object or isinstance(hint, typing.TypeVar):
            return dict(_ANY)
        if isinstance(hint, (str, typing.ForwardRef)):
            return {"kind": "unknown", "python": str(hint)}
        origin = typing.get_origin(hint)
        if origin is not None:
            return self._generic(hint, origin, typing.get_args(hint))
        if hasattr(hint, "__supertype__"):
            return self.tree(hint.__supertype__)
        if type(hint).__name__ == "TypeAliasType":
            return self.tree(hint.__value__)
        if isinstance(hint, type):
            return self._class(hint)
        return {"kind": "unknown", "python": repr(hint)}

    def _generic(self, hint: Any, origin: Any, args: tuple) -> dict:
        if origin is typing.Annotated or _is_key_qualifier(origin):
            return self.tree(args[0])
        if origin in _UNION_ORIGINS:
            members = [arg for arg in args if arg is not type(None)]
            inner = self.tree(members[0]) if len(members) == 1 else \
                {"kind": "union", "types": [self.tree(member) for member in members]}
            return {"kind": "optional", "type": inner} if len(members) < len(args) else inner
        if origin is typing.Literal:
            return {"kind": "literal", "values": [to_jsonable(arg) for arg in args]}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"kind": "list", "items": self.tree(args[0])}
            return {"kind": "tuple", "items": [self.tree(arg) for arg in args]}
        if origin in _STREAM_ORIGINS:
            return {"kind": "stream", "items": self.tree(args[0]) if args else dict(_ANY)}
        if origin in _LIST_ORIGINS:
            return {"kind": "list", "items": self.tree(args[0]) if args else dict(_ANY)}
        if origin in _SET_ORIGINS:
            return {"kind": "set", "items": self.tree(args[0]) if args else dict(_ANY)}
        if origin in _DICT_ORIGINS:
            key, value = (self.tree(arg) for arg in args) if len(args) == 2 else (_ANY, _ANY)
            return {"kind": "dict", "key": dict(key), "value": dict(value)}
        if isinstance(origin, type):
            tree = self._class(origin)
            if tree["kind"] == "ref" and args:
                tree["args"] = [self.tree(arg) for arg in args]
            return tree
        return {"kind": "unknown", "python": repr(hint)}

    def _class(self, cls: type) -> dict:
        tz = _PYDANTIC_DATETIMES.get((cls.__module__, cls.__qualname__))
        if tz is not None:
            return {"kind": "primitive", "name": "datetime", "tz": tz}
        if issubclass(cls, Enum) or dataclasses.is_dataclass(cls) or typing.is_typeddict(cls) \
                or (issubclass(cls, tuple) and hasattr(cls, "_fields")) or _is_pydantic(cls):
            return {"kind": "ref", "ref": self._register(cls)}
        for base, name in _PRIMITIVES:
            if issubclass(cls, base):
                return {"kind": "primitive", "name": name}
        if cls in (list, tuple):
            return {"kind": "list", "items": dict(_ANY)}
        if cls in (set, frozenset):
            return {"kind": "set", "items": dict(_ANY)}
        if cls is dict:
            return {"kind": "dict", "key": {"kind": "primitive", "name": "str"},
                    "value": dict(_ANY)}
        return {"kind": "unknown", "python": "%s.%s" % (cls.__module__, cls.__qualname__)}

    def _register(self, cls: type) -> str:
        key = "%s.%s" % (cls.__module__, cls.__qualname__)
        if key not in self.types:
            entry = {"name": cls.__name__, "module": cls.__module__, "qualname": cls.__qualname__,
                     "doc": _own_doc(cls)}
            self.types[key] = entry  # before the fields: recursive types refer to themselves
            params = tuple(p for p in getattr(cls, "__parameters__", ())
                           if isinstance(p, typing.TypeVar))
            if params and not issubclass(cls, Enum):
                entry["params"] = [p.__name__ for p in params]
            outer, self._in_scope = self._in_scope, params
            try:
                entry.update(self._describe_class(cls))
            finally:
                self._in_scope = outer
        return key

    def _describe_class(self, cls: type) -> dict:
        if issubclass(cls, Flag):
            return {"kind": "enum", "flag": True, "members": [
                {"name": member.name, "value": to_jsonable(member)} for member in cls
                if isinstance(member.value, int) and _single_bit(member.value)]}
        if issubclass(cls, Enum):
            return {"kind": "enum", "members": [{"name": member.name,
                                                 "value": to_jsonable(member)}
                                                for member in cls]}
        hints = _hints(cls)
        if dataclasses.is_dataclass(cls):
            return {"kind": "dataclass", "fields": [
                self._field(f.name, hints.get(f.name), f.default is dataclasses.MISSING
                            and f.default_factory is dataclasses.MISSING and f.init)
                for f in dataclasses.fields(cls)]}
        if typing.is_typeddict(cls):
            required = getattr(cls, "__required_keys__", frozenset(hints))
            return {"kind": "typeddict", "fields": [
                self._field(name, hint, _key_required(hint, name in required))
                for name, hint in hints.items()]}
        if issubclass(cls, tuple):
            defaults = getattr(cls, "_field_defaults", {})
            return {"kind": "namedtuple", "fields": [
                self._field(name, hints.get(name), name not in defaults)
                for name in cls._fields]}  # type: ignore[attr-defined]
        fields = getattr(cls, "model_fields", None) or getattr(cls, "__fields__", {})
        return {"kind": "pydantic", "fields": [
            self._field(name, hints.get(name), _pydantic_required(info))
            for name, info in fields.items()]}

    def _field(self, name: str, hint: Any, required: bool) -> dict:
        return {"name": name, "type": self.tree(hint) if hint is not None else dict(_ANY),
                "required": bool(required)}


def describe_function(name: str, function: Callable[..., Any], catalog: TypeCatalog) -> dict:
    signature = signature_of(function)
    hints = _hints(function)
    parameters: List[dict] = []
    for parameter in (signature.parameters.values() if signature is not None else ()):
        entry = {"name": parameter.name, "kind": parameter.kind.name.lower(),
                 "type": catalog.tree(hints[parameter.name]) if parameter.name in hints
                 else dict(_ANY),
                 "has_default": parameter.default is not inspect.Parameter.empty}
        if entry["has_default"]:
            entry["default"] = to_jsonable(parameter.default)
        parameters.append(entry)
    returns = catalog.tree(hints["return"]) if "return" in hints else dict(_ANY)
    return {"name": name, "async": inspect.iscoroutinefunction(function),
            "doc": inspect.getdoc(function), "signature": signature_text(function),
            "parameters": parameters, "returns": returns}


def describe_module(module: types.ModuleType) -> dict:
    catalog = TypeCatalog()
    functions = [describe_function(name, function, catalog)
                 for name, function in public_functions(module).items()]
    return {"module": module.__name__, "python": platform.python_version(),
            "functions": functions, "types": catalog.types}


def _is_key_qualifier(origin: Any) -> bool:
    """TypedDict's NotRequired / Required / ReadOnly (typing's or typing_extensions'): whether a
    key may be absent is in ``__required_keys__``; the value's type is the argument."""
    return getattr(origin, "_name", None) in ("NotRequired", "Required", "ReadOnly")


def _key_required(hint: Any, by_class: bool) -> bool:
    """A NotRequired / Required wrapper decides: under ``from __future__ import annotations``
    Python before 3.12 cannot see it in the strings and counts every key as required."""
    name = getattr(typing.get_origin(hint), "_name", None)
    return {"NotRequired": False, "Required": True}.get(name, by_class)


def _hints(owner: Any) -> dict:
    try:
        return typing.get_type_hints(owner, include_extras=True)
    except Exception:
        return dict(getattr(owner, "__annotations__", None) or {})


def _own_doc(cls: type) -> Optional[str]:
    doc = cls.__dict__.get("__doc__")
    # generated docs (dataclass and NamedTuple signatures, Enum's default) are not the user's
    if not doc or doc.startswith(cls.__name__ + "(") or doc == "An enumeration.":
        return None
    return inspect.cleandoc(doc)


def _is_pydantic(cls: type) -> bool:
    pydantic = sys.modules.get("pydantic")
    base = getattr(pydantic, "BaseModel", None) if pydantic is not None else None
    return isinstance(base, type) and issubclass(cls, base)


def _pydantic_required(info: Any) -> bool:
    is_required = getattr(info, "is_required", None)
    if callable(is_required):
        return bool(is_required())
    return bool(getattr(info, "required", True))


def _single_bit(value: int) -> bool:
    """A Flag's own member, not a named combination (before Python 3.11 both are listed)."""
    return value > 0 and value & (value - 1) == 0


def main(argv: Optional[List[str]] = None) -> int:
    from venvmux_worker.main import EXIT_IMPORT_FAILED, fatal_message
    from venvmux_worker.protocol import Channel
    from venvmux_worker.wire import Wire

    parser = argparse.ArgumentParser(prog="python -m venvmux_worker.describe",
                                     description="Describe a module's public functions as JSON.")
    parser.add_argument("--module", required=True)
    options = parser.parse_args(argv)
    channel = Channel.take_over_stdio()  # the module's prints must not corrupt the JSON
    wire = Wire()
    try:
        module = importlib.import_module(options.module)
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        channel.write(wire.dumps(fatal_message(error, options.module)) + b"\n")
        return EXIT_IMPORT_FAILED
    channel.write(wire.dumps(describe_module(module)) + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

