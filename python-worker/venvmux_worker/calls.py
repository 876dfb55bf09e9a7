"""Calling one public function: lookup, argument decoding, binding errors, awaiting.

Everything that needs ``inspect`` or ``typing`` is done once per function, on its first
call, and kept in a :class:`CallPlan`. A later call whose arguments need no conversion costs
one dict lookup and the call itself.
"""

from __future__ import annotations

import inspect
import types
import typing
from typing import Any, Callable, Dict, Optional

from venvmux_worker.decoder import Converter, DecodeError, converter_for, decode_untyped
from venvmux_worker.errors import BAD_ARGUMENTS, NOT_FOUND, CallError
from venvmux_worker.introspect import signature_of

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
_BY_NAME = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


class CallPlan:
    """What the worker needs to know about one function, computed once."""

    def __init__(self, name: str, function: Callable[..., Any]) -> None:
        self.name = name
        self.function = function
        self.is_async = inspect.iscoroutinefunction(function)
        # A binding TypeError of a plain Python function is raised before its frame starts,
        # which is how call() tells it apart; wrappers and builtins get bound beforehand.
        self.prebind = not inspect.isfunction(function) or hasattr(function, "__wrapped__")
        self.signature = signature_of(function)
        self.positional: list = []
        self.by_name: Dict[str, Converter] = {}
        self.var_positional: Optional[Converter] = None
        self.var_keyword: Optional[Converter] = None
        if self.signature is not None:
            self._plan_decoding(_type_hints(function, self.signature))
        self.decodes = bool(self.by_name or self.var_positional or self.var_keyword
                            or any(self.positional))

    def _plan_decoding(self, hints: dict) -> None:
        for parameter in self.signature.parameters.values():  # type: ignore[union-attr]
            hint = hints.get(parameter.name, Any)
            converter = converter_for(hint) if hint is not None else decode_untyped
            if parameter.kind in _POSITIONAL:
                self.positional.append((parameter.name, converter))
            if parameter.kind in _BY_NAME and converter is not None:
                self.by_name[parameter.name] = converter
            elif parameter.kind is inspect.Parameter.VAR_POSITIONAL:
                self.var_positional = converter
            elif parameter.kind is inspect.Parameter.VAR_KEYWORD:
                self.var_keyword = converter
        if not any(converter for _, converter in self.positional):
            self.positional = []

    def decode(self, args: list, kwargs: dict) -> tuple:
        """The arguments converted per the type hints; bad_arguments when one cannot be."""
        if args and (self.positional or self.var_positional):
            decoded = []
            for index, value in enumerate(args):
                if index < len(self.positional):
                    parameter, converter = self.positional[index]
                else:
                    parameter, converter = "*args[%d]" % index, self.var_positional
                decoded.append(self._convert(parameter, converter, value))
            args = decoded
        if kwargs and (self.by_name or self.var_keyword):
            kwargs = {key: self._convert(key, self.by_name.get(key, self.var_keyword), value)
                      for key, value in kwargs.items()}
        return args, kwargs

    def _convert(self, parameter: str, converter: Optional[Converter], value: Any) -> Any:
        if converter is None:
            return value
        try:
            return converter(value)
        except DecodeError as error:
            raise CallError(BAD_ARGUMENTS, "%s(): %s" % (self.name, error.describe(parameter)),
                            "ValueError") from None

    def check_binding(self, args: list, kwargs: dict) -> None:
        if self.signature is None:
            return
        try:
            self.signature.bind(*args, **kwargs)
        except TypeError as error:
            raise self.binding_error(error) from None

    def binding_error(self, error: TypeError) -> CallError:
        text = str(error)
        if not text.startswith(self.name):
            text = "%s(): %s" % (self.name, text)
        if self.signature is not None:
            text += " (signature: %s%s)" % (self.name, self.signature)
        return CallError(BAD_ARGUMENTS, text, "TypeError")


def _type_hints(function: Callable[..., Any], signature: inspect.Signature) -> dict:
    """Resolved hints (string annotations too); a hint that cannot resolve is left out.
    A parameter without annotation maps to None: its values are only un-enveloped."""
    try:
        hints = typing.get_type_hints(function, include_extras=True)
    except Exception:
        raw = getattr(function, "__annotations__", None) or {}
        hints = {key: value for key, value in raw.items() if not isinstance(value, str)}
    for parameter in signature.parameters.values():
        if parameter.annotation is inspect.Parameter.empty:
            hints[parameter.name] = None
    return hints


class FunctionCaller:
    """Calls the module's public functions by name."""

    def __init__(self, module_name: str, functions: Dict[str, Callable[..., Any]],
                 run_awaitable: Callable[[Any], Any]) -> None:
        self.module_name = module_name
        self.functions = functions
        self.run_awaitable = run_awaitable
        self._plans: Dict[str, CallPlan] = {}

    def call(self, name: str, args: Any, kwargs: Any) -> Any:
        plan = self._plans.get(name) or self._plan(name)
        if plan.decodes:
            args, kwargs = plan.decode(args, kwargs)
        if plan.prebind:
            plan.check_binding(args, kwargs)
        try:
            result = plan.function(*args, **kwargs)
        except TypeError as error:
            if error.__traceback__ is not None and error.__traceback__.tb_next is None:
                raise plan.binding_error(error) from None
            raise
        if plan.is_async or type(result) is types.CoroutineType:
            result = self.run_awaitable(result)
        return result

    def _plan(self, name: str) -> CallPlan:
        function = self.functions.get(name) if type(name) is str else None
        if function is None:
            raise CallError(NOT_FOUND, "no public function %r in module %s"
                            % (name, self.module_name), "NotFound",
                            functions=sorted(self.functions))
        plan = self._plans[name] = CallPlan(name, function)
        return plan
