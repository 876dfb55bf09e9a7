"""Arguments from JSON data to what the function's type hints ask for.

:func:`converter_for` turns a type hint into a converter once (cached per hint); a converter
is ``None`` when JSON data already is what the hint wants (``int``, ``list[str]``, ...), so
such arguments cost nothing per call. Converters recurse through list/tuple/set/dict,
Optional/Union and Annotated, and build dataclasses, TypedDicts, NamedTuples, pydantic models,
enums (by value, then by name or value ignoring case), datetimes, durations, Decimal, UUID,
Path and bytes. Failures raise :class:`DecodeError`, which says where and what was expected.
"""

from __future__ import annotations

import collections.abc
import inspect
import operator
import sys
import types
import typing
from datetime import date, datetime, time, timedelta
from enum import Enum, Flag
from typing import Any, Callable, Dict, Optional, Union

from venvmux_worker import binary, isotime
from venvmux_worker.loaded import is_dataclass, loaded_class, text_classes
from venvmux_worker.walk import TooDeep, levels

Converter = Callable[[Any], Any]

_LEAVES = frozenset((str, int, float, bool, type(None)))
_has_bytes_key = operator.methodcaller("__contains__", "__bytes__")
_has_ndarray_key = operator.methodcaller("__contains__", "__ndarray__")
_IDENTITY_HINTS = frozenset((str, int, float, bool, type(None), complex))
_LIST_ORIGINS = frozenset((list, collections.abc.Sequence, collections.abc.MutableSequence,
                           collections.abc.Iterable, collections.abc.Collection))
_SET_ORIGINS = {set: set, frozenset: frozenset, collections.abc.Set: set,
                collections.abc.MutableSet: set}
_DICT_ORIGINS = frozenset((dict, collections.abc.Mapping, collections.abc.MutableMapping))
_UNION_ORIGINS = frozenset(filter(None, (Union, getattr(types, "UnionType", None))))


class DecodeError(ValueError):
    """An argument that cannot become what its type hint asks for."""

    def __init__(self, expected: str, value: Any = None, show_value: bool = True) -> None:
        super().__init__(expected)
        self.expected = expected
        self.value = value
        self.show_value = show_value
        self.path: list = []

    def at(self, segment: Union[str, int]) -> "DecodeError":
        self.path.insert(0, segment)
        return self

    def describe(self, parameter: str) -> str:
        """``argument 'p.when': expected a datetime (ISO-8601 string), got 'abc' (str)``"""
        where = parameter
        for segment in self.path:
            where += "[%d]" % segment if isinstance(segment, int) else ".%s" % segment
        if not self.show_value:
            return "argument %r: %s" % (where, self.expected)
        return "argument %r: expected %s, got %s" % (where, self.expected, _show(self.value))


def _show(value: Any) -> str:
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return "%s (%s)" % (text, type(value).__name__)


def type_name(hint: Any) -> str:
    """A short readable name of a hint for messages."""
    if isinstance(hint, type):
        return hint.__qualname__
    return str(hint).replace("typing.", "")


_cache: dict = {}


def converter_for(hint: Any) -> Optional[Converter]:
    """The converter for ``hint``, or None when values pass through unchanged."""
    try:
        return _cache[hint]
    except KeyError:
        converter = _cache[hint] = _build(hint)
        return converter
    except TypeError:  # an unhashable hint (Annotated with odd metadata, ...)
        return _build(hint)


def _build(hint: Any) -> Optional[Converter]:
    if hint is Any or hint is object or hint is typing.Any:
        return decode_untyped
    if (isinstance(hint, type) and hint in _IDENTITY_HINTS) \
            or isinstance(hint, (str, typing.ForwardRef, typing.TypeVar)):
        return None
    origin = typing.get_origin(hint)
    if origin is not None:
        return _build_generic(hint, origin, typing.get_args(hint))
    if hasattr(hint, "__supertype__"):  # typing.NewType
        return converter_for(hint.__supertype__)
    if type(hint).__name__ == "TypeAliasType":  # Python 3.12 ``type X = ...``
        return converter_for(hint.__value__)
    if isinstance(hint, type):
        return _build_class(hint)
    return None


def _build_generic(hint: Any, origin: Any, args: tuple) -> Optional[Converter]:
    # TypedDict's NotRequired[X] / Required[X] / ReadOnly[X] hold values of X
    if origin is typing.Annotated or _qualifier(hint) is not None:
        return converter_for(args[0])
    if origin in _UNION_ORIGINS:
        return _union(args)
    if origin is typing.Literal or origin is typing.ClassVar or origin is type:
        return None
    if origin in _LIST_ORIGINS:
        return _list_of(converter_for(args[0]) if args else decode_untyped)
    if origin is tuple:
        return _tuple_of(args)
    if origin in _SET_ORIGINS:
        return _set_of(_SET_ORIGINS[origin], converter_for(args[0]) if args else None)
    if origin in _DICT_ORIGINS:
        return _dict_of(_key_converter(args[0]), converter_for(args[1])) if len(args) == 2 \
            else decode_untyped
    if _is_ndarray_class(origin):  # numpy.typing.NDArray[np.float64]
        return _ndarray_to(_dtype_of(args))
    if isinstance(origin, type):  # a generic class of the user's, Box[int]
        params = getattr(origin, "__parameters__", ())
        if is_dataclass(origin) and params and len(params) == len(args):
            bindings = dict(zip(params, args))
            return _RecordConverter(origin, lambda cls: _dataclass_fields(cls, bindings))
        return _build_class(origin)
    return None


def _build_class(cls: type) -> Optional[Converter]:
    if issubclass(cls, Flag):
        return _FlagConverter(cls)
    if issubclass(cls, Enum):
        return _EnumConverter(cls)
    if cls in (list, dict):
        return decode_untyped
    if cls is tuple:
        return _tuple_of(())
    if cls in (set, frozenset):
        return _set_of(cls, None)
    if cls in (bytes, bytearray):
        return _bytes_to(cls)
    if _is_ndarray_class(cls):
        return _ndarray_to(None)
    if issubclass(cls, datetime):
        return _from_text(isotime.parse_datetime, "a datetime (ISO-8601 string)")
    if issubclass(cls, date):
        return _from_text(isotime.parse_date, "a date (ISO-8601 string, YYYY-MM-DD)")
    if issubclass(cls, time):
        return _from_text(isotime.parse_time, "a time (ISO-8601 string, HH:MM[:SS])")
    if issubclass(cls, timedelta):
        return _to_timedelta
    if issubclass(cls, text_classes()):
        return _parse_text(cls)
    if is_dataclass(cls):
        return _RecordConverter(cls, _dataclass_fields)
    if typing.is_typeddict(cls):
        return _TypedDictConverter(cls)
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):
        return _RecordConverter(cls, _namedtuple_fields)
    if _is_pydantic_model(cls):
        return _pydantic(cls)
    return None


# ---- untyped values: only bytes envelopes change --------------------------------------------

def decode_untyped(value: Any) -> Any:
    """For Any/unannotated parameters: bytes envelopes anywhere inside become bytes. Data
    without any (nearly always) is returned as is, after a C-speed look."""
    if type(value) is dict:
        if "__bytes__" not in value and "__ndarray__" not in value \
                and _LEAVES.issuperset(map(type, value.values())):
            return value  # flat, the usual case
    elif type(value) is not list or _LEAVES.issuperset(map(type, value)):
        return value
    return _unwrap_envelopes(value) if _holds_envelope(value) else value


def _holds_envelope(value: Any) -> bool:
    try:
        return any(any(map(_has_bytes_key, dicts)) or any(map(_has_ndarray_key, dicts))
                   for dicts, _ in levels(value))
    except TooDeep:
        return True  # let the walk below decide (and fail on a cycle)


def _unwrap_envelopes(value: Any) -> Any:
    if type(value) is dict:
        if value.get("__bytes__") is True and (len(value) == 2 and "b64" in value
                                               or "file" in value):
            return _bytes_to(bytes)(value)
        if value.get("__ndarray__") is True:
            return _untyped_ndarray(value)
        return {key: _unwrap_envelopes(item) for key, item in value.items()}
    if type(value) is list:
        return [_unwrap_envelopes(item) for item in value]
    return value


# ---- containers --------------------------------------------------------------------------------

def _each(convert: Converter, items: Any) -> list:
    result = []
    for index, item in enumerate(items):
        try:
            result.append(convert(item))
        except DecodeError as error:
            raise error.at(index)
    return result


def _list_of(element: Optional[Converter]) -> Optional[Converter]:
    if element is None:
        return None

    def convert(value: Any) -> Any:
        if type(value) is not list:
            raise DecodeError("an array", value)
        return _each(element, value)
    return convert


def _tuple_of(args: tuple) -> Converter:
    if len(args) == 2 and args[1] is Ellipsis:
        element = converter_for(args[0]) or _same
        return lambda value: tuple(_each(element, _require_list(value)))
    if not args:
        return lambda value: tuple(_require_list(value))
    elements = [converter_for(arg) or _same for arg in args]

    def convert(value: Any) -> tuple:
        items = _require_list(value)
        if len(items) != len(elements):
            raise DecodeError("an array of %d items" % len(elements), value)
        return tuple(_each(lambda pair: pair[0](pair[1]), zip(elements, items)))
    return convert


def _set_of(kind: type, element: Optional[Converter]) -> Converter:
    return lambda value: kind(_each(element or _same, _require_list(value)))


def _dict_of(key: Optional[Converter], item: Optional[Converter]) -> Optional[Converter]:
    if key is None and item is None:
        return None
    key = key or _same
    item = item or _same

    def convert(value: Any) -> dict:
        if type(value) is not dict:
            raise DecodeError("an object", value)
        result = {}
        for name, entry in value.items():
            try:
                result[key(name)] = item(entry)
            except DecodeError as error:
                raise error.at(name)
        return result
    return convert


def _key_converter(hint: Any) -> Optional[Converter]:
    """JSON object keys are strings: an int, float or int-valued enum key is read from its text."""
    if hint is int or hint is float:
        return _from_text(lambda text: _number_or_none(hint, text),
                          "a key of type %s" % hint.__name__)
    if isinstance(hint, type) and issubclass(hint, Enum):
        by_value = _EnumConverter(hint)
        by_number = {str(member.value): member for member in hint}

        def convert(text: Any) -> Any:
            member = by_number.get(text)
            return member if member is not None else by_value(text)
        return convert
    return converter_for(hint)


def _number_or_none(kind: type, text: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        return None


def _require_list(value: Any) -> list:
    if type(value) is not list:
        raise DecodeError("an array", value)
    return value


def _same(value: Any) -> Any:
    return value


# ---- unions --------------------------------------------------------------------------------------

def _union(args: tuple) -> Optional[Converter]:
    members = [arg for arg in args if arg is not type(None)]
    converters = [converter_for(member) for member in members]
    if all(converter is None for converter in converters):
        return None
    if len(members) == 1:
        only: Converter = converters[0]  # type: ignore[assignment]  # not None: checked above
        return lambda value: None if value is None else only(value)
    plans = [(converter, _runtime_class(member)) for member, converter in zip(members, converters)]
    expected = " or ".join(type_name(member) for member in members)

    def convert(value: Any) -> Any:
        if value is None:
            return None
        for converter, runtime_class in plans:
            if converter is None:
                if runtime_class is None or isinstance(value, runtime_class):
                    return value
                continue
            try:
                return converter(value)
            except DecodeError:
                continue
        raise DecodeError(expected, value)
    return convert


def _runtime_class(hint: Any) -> Optional[type]:
    """The class an identity member of a Union is checked with (None: accepts anything)."""
    if hint is float:
        return (int, float)  # type: ignore[return-value]
    if isinstance(hint, type):
        return hint
    origin = typing.get_origin(hint)
    return origin if isinstance(origin, type) else None


# ---- scalars ------------------------------------------------------------------------------------

def _from_text(parse: Callable[[str], Any], expected: str) -> Converter:
    def convert(value: Any) -> Any:
        parsed = parse(value) if isinstance(value, str) else None
        if parsed is None:
            raise DecodeError(expected, value)
        return parsed
    return convert


def _to_timedelta(value: Any) -> timedelta:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return timedelta(seconds=value)
    parsed = isotime.parse_duration(value) if isinstance(value, str) else None
    if parsed is None:
        raise DecodeError("a duration (ISO-8601 string such as PT1H0.5S, or seconds)", value)
    return parsed


def _parse_text(cls: type) -> Converter:
    def convert(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) \
                or (cls is not loaded_class("decimal", "Decimal") and not isinstance(value, str)):
            raise DecodeError("a %s (string)" % cls.__name__, value)
        try:
            return cls(str(value))
        except (ValueError, TypeError, ArithmeticError):  # decimal.InvalidOperation is one
            raise DecodeError("a %s (string)" % cls.__name__, value) from None
    return convert


def _bytes_to(cls: type) -> Converter:
    def convert(value: Any) -> Any:
        if type(value) is dict and value.get("__bytes__") is True and "file" in value:
            try:
                return cls(binary.marker_bytes(value, writable=cls is bytearray))
            except ValueError as error:
                raise DecodeError("bytes: %s" % error, show_value=False) from None
        text = value.get("b64") if type(value) is dict and value.get("__bytes__") is True \
            else value
        try:
            if isinstance(text, str):
                import base64  # only bytes need it: not imported at start

                return cls(base64.b64decode(text, validate=True))
            if type(text) is list:
                return cls(text)
        except (ValueError, TypeError):  # binascii.Error is a ValueError
            pass
        raise DecodeError('bytes ({"__bytes__": true, "b64": "..."})', value)
    return convert


# ---- numpy arrays (numpy is imported only when a hint or a marker names it) ----------------

def _is_ndarray_class(cls: Any) -> bool:
    return isinstance(cls, type) and cls.__name__ == "ndarray" \
        and cls.__module__ == "numpy" and cls is loaded_class("numpy", "ndarray")


def _dtype_of(args: tuple) -> Any:
    """The scalar type of ``ndarray[shape, dtype[np.float64]]``; None when it says none."""
    if len(args) == 2:
        scalar = typing.get_args(args[1])
        if len(scalar) == 1 and isinstance(scalar[0], type):
            return scalar[0]
    return None


def _ndarray_to(dtype: Any) -> Converter:
    def convert(value: Any) -> Any:
        numpy = sys.modules["numpy"]
        try:
            if type(value) is dict and value.get("__ndarray__") is True:
                return binary.ndarray_from_marker(value, dtype)
            if type(value) is dict and value.get("__bytes__") is True:
                data = binary.marker_bytes(value, writable=True) if "file" in value \
                    else bytearray(_bytes_to(bytes)(value))
                return numpy.frombuffer(data, dtype=numpy.uint8).astype(dtype or numpy.uint8,
                                                                        copy=False)
            if isinstance(value, (list, int, float)) and not isinstance(value, bool):
                return numpy.asarray(value, dtype=dtype)
        except (ValueError, TypeError) as error:
            raise DecodeError("a numpy array: %s" % error, show_value=False) from None
        raise DecodeError("a numpy array (an array of numbers or an __ndarray__ marker)", value)
    return convert


def _untyped_ndarray(value: dict) -> Any:
    """An ``__ndarray__`` marker for an Any/unannotated parameter: a numpy array when numpy is
    importable, else its raw bytes."""
    try:
        try:
            import numpy  # noqa: F401  (the marker asks for it)
        except ImportError:
            return binary.marker_bytes(value)
        return binary.ndarray_from_marker(value)
    except (ValueError, TypeError) as error:
        raise DecodeError("a numpy array: %s" % error, show_value=False) from None


class _EnumConverter:
    """By value; then by name or string value, ignoring case."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.folded: Dict[str, Any] = {}
        for member in cls:  # type: ignore[attr-defined]
            if isinstance(member.value, str):
                self.folded.setdefault(member.value.casefold(), member)
        for name, member in cls.__members__.items():  # type: ignore[attr-defined]
            self.folded.setdefault(name.casefold(), member)

    def __call__(self, value: Any) -> Any:
        try:
            return self.cls(tuple(value) if type(value) is list else value)
        except (ValueError, TypeError):
            pass
        member = self.folded.get(value.casefold()) if isinstance(value, str) else None
        if member is None:
            choices = ", ".join(repr(m.value) for m in self.cls)  # type: ignore[attr-defined]
            raise DecodeError("one of %s [%s]" % (self.cls.__name__, choices), value)
        return member


class _FlagConverter(_EnumConverter):
    """A Flag from its int (``3`` is ``R|W``, ``0`` none), or from an array of its members
    (what a Java set whose enum it cannot tell is written as), OR-ed together."""

    def __call__(self, value: Any) -> Any:
        if type(value) is list:
            combined = self.cls(0)
            for index, item in enumerate(value):
                try:
                    combined |= self(item)
                except DecodeError as error:
                    raise error.at(index)
            return combined
        if type(value) is int:
            try:
                return self.cls(value)
            except ValueError:
                singles = ", ".join("%s=%r" % (m.name, m.value) for m in self.cls)
                raise DecodeError("a combination of %s's flags (%s)"
                                  % (self.cls.__name__, singles), value) from None
        return super().__call__(value)


# ---- records: dataclass, NamedTuple, TypedDict, pydantic ---------------------------------------

def _hints_of(cls: type) -> dict:
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except Exception:  # unresolvable forward references: fall back to the raw annotations
        return dict(getattr(cls, "__annotations__", {}))


def _dataclass_fields(cls: type, bindings: Optional[dict] = None) -> tuple:
    """(converters of the init fields, required names, names to drop). Fields with
    ``init=False`` are in every encoded result, so a record sent back may carry them.
    ``bindings`` gives a generic dataclass's type parameters their arguments (Page[User])."""
    dataclasses = sys.modules["dataclasses"]  # loaded: cls is a dataclass
    hints = _hints_of(cls)
    if bindings:
        hints = {name: _bound(hint, bindings) for name, hint in hints.items()}
    fields = [f for f in dataclasses.fields(cls) if f.init]
    required = {f.name for f in fields
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    derived = {f.name for f in dataclasses.fields(cls) if not f.init}
    return {f.name: converter_for(hints.get(f.name, Any)) for f in fields}, required, derived


def _bound(hint: Any, bindings: dict) -> Any:
    """``hint`` with its type parameters replaced: T becomes User, list[T] list[User]."""
    if isinstance(hint, typing.TypeVar):
        return bindings.get(hint, Any)
    params = getattr(hint, "__parameters__", ())
    if params and not isinstance(hint, type):
        return hint[tuple(bindings.get(p, Any) for p in params)]
    return hint


def _namedtuple_fields(cls: type) -> tuple:
    hints = _hints_of(cls)
    defaults = getattr(cls, "_field_defaults", {})
    return ({name: converter_for(hints.get(name, Any)) for name in cls._fields},  # type: ignore
            {name for name in cls._fields if name not in defaults}, set())  # type: ignore


class _RecordConverter:
    """An object of named fields to a dataclass or NamedTuple (a NamedTuple also from an
    array). Field converters are resolved on first use, so recursive types work."""

    def __init__(self, cls: type, fields_of: Callable[[type], tuple]) -> None:
        self.cls = cls
        self.fields_of = fields_of
        self.fields: Optional[dict] = None
        self.required: set = set()
        self.derived: set = set()

    def __call__(self, value: Any) -> Any:
        if isinstance(value, self.cls):
            return value
        if self.fields is None:
            fields, self.required, self.derived = self.fields_of(self.cls)
            self.fields = fields  # set last: another thread may be reading it already
        name = self.cls.__name__
        if type(value) is list and hasattr(self.cls, "_fields"):
            value = dict(zip(self.cls._fields, value))  # type: ignore[attr-defined]
        if type(value) is not dict:
            raise DecodeError("an object for %s" % name, value)
        values = {}
        for key, item in value.items():
            if key not in self.fields:
                if key in self.derived:
                    continue
                raise DecodeError("unexpected field %r for %s (fields: %s)"
                                  % (key, name, ", ".join(self.fields)), show_value=False)
            converter = self.fields[key]
            try:
                values[key] = item if converter is None else converter(item)
            except DecodeError as error:
                raise error.at(key)
        missing = self.required.difference(values)
        if missing:
            raise DecodeError("missing field %s for %s" % (", ".join(map(repr, sorted(missing))),
                                                          name), show_value=False)
        try:
            return self.cls(**values)
        except (TypeError, ValueError) as error:
            raise DecodeError("%s rejected the fields: %s" % (name, error),
                              show_value=False) from None


def _qualifier(hint: Any) -> Optional[str]:
    """"NotRequired", "Required" or "ReadOnly" for a TypedDict key's wrapped hint, else None."""
    name = getattr(typing.get_origin(hint), "_name", None)
    return name if name in ("NotRequired", "Required", "ReadOnly") else None


class _TypedDictConverter:
    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fields: Optional[dict] = None
        self.required: set = set()

    def __call__(self, value: Any) -> Any:
        if self.fields is None:
            hints = _hints_of(self.cls)
            # under ``from __future__ import annotations`` Python before 3.12 counts NotRequired
            # keys as required: the hint itself says
            self.required = {key for key in getattr(self.cls, "__required_keys__", ())
                             if _qualifier(hints.get(key)) != "NotRequired"}
            self.fields = {key: converter_for(hint) for key, hint in hints.items()}
        if type(value) is not dict:
            raise DecodeError("an object for %s" % self.cls.__name__, value)
        missing = self.required.difference(value)
        if missing:
            raise DecodeError("missing key %s for %s" % (", ".join(map(repr, sorted(missing))),
                                                        self.cls.__name__), show_value=False)
        result = {}
        for key, item in value.items():
            converter = self.fields.get(key)
            try:
                result[key] = item if converter is None else converter(item)
            except DecodeError as error:
                raise error.at(key)
        return result


def _parameters_of(function: Callable[..., Any]) -> Any:
    try:
        return inspect.signature(function).parameters
    except (TypeError, ValueError):
        return {}


def _is_pydantic_model(cls: type) -> bool:
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(getattr(pydantic, "BaseModel", None), type) \
        and issubclass(cls, pydantic.BaseModel)


def _pydantic(cls: type) -> Converter:
    validate = getattr(cls, "model_validate", None) or getattr(cls, "parse_obj")
    # Models cross dumped by field name, so they are read back by field name too (aliases such as
    # Field(alias="zipCode") would otherwise reject what the worker itself wrote).
    by_name = {"by_name": True} if "by_name" in _parameters_of(validate) else {}

    def convert(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        try:
            return validate(value, **by_name)
        except ValueError as error:  # pydantic's ValidationError is a ValueError
            raise DecodeError("a valid %s: %s" % (cls.__name__, error), show_value=False) \
                from None
    return convert
