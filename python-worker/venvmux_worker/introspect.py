"""Which functions of a module the wire may call, and how their signatures read."""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any, Callable, Dict, Optional


def public_functions(module: ModuleType) -> Dict[str, Callable[..., Any]]:
    """The module's public functions by name, sorted.

    Public means: the name has no leading underscore and no dot, the object is a function
    (or builtin, method, or decorated function), and the module defines it itself or lists it
    in ``__all__``. A name
    the module merely imported (``from os import system``) stays out of reach.
    """
    exported = set(getattr(module, "__all__", None) or ())
    found = {}
    for name, value in vars(module).items():
        if is_public(name, value, module.__name__, exported):
            found[name] = value
    return dict(sorted(found.items()))


def is_public(name: str, value: Any, module_name: str, exported: set) -> bool:
    """The security rule of the protocol for one module attribute."""
    if not isinstance(name, str) or name.startswith("_") or "." in name:
        return False
    if not (inspect.isroutine(value) or _is_decorated_callable(value)):
        return False
    return name in exported or getattr(value, "__module__", None) == module_name


def _is_decorated_callable(value: Any) -> bool:
    """A function wrapped by a class-based decorator (functools.update_wrapper sets
    ``__wrapped__`` and copies ``__module__``)."""
    return callable(value) and not isinstance(value, type) and hasattr(value, "__wrapped__")


def signature_of(function: Callable[..., Any]) -> Optional[inspect.Signature]:
    """``inspect.signature(fn)`` with string annotations resolved where possible (so
    ``from __future__ import annotations`` reads ``n: int``); None when there is none."""
    try:
        return inspect.signature(function, eval_str=True)
    except Exception:
        pass
    try:
        return inspect.signature(function)
    except (TypeError, ValueError):
        return None


def signature_text(function: Callable[..., Any]) -> str:
    """``str(inspect.signature(fn))`` as the hello lists it, e.g. ``(n: int) -> dict``."""
    signature = signature_of(function)
    return "(...)" if signature is None else str(signature)
