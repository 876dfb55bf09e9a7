"""Classes of stdlib modules that cost import time at start (decimal, uuid, pathlib,
dataclasses), looked up only when their module is already loaded: a value or a type hint of
such a class can only exist once something imported its module, so the worker never needs
to import it first."""

from __future__ import annotations

import sys
from typing import Any, Optional, Tuple


def loaded_class(module: str, name: str) -> Optional[type]:
    """``module.name`` if ``module`` is imported, else None."""
    found = sys.modules.get(module)
    return None if found is None else getattr(found, name, None)


def text_classes() -> Tuple[type, ...]:
    """Decimal, UUID and PurePath, those whose module is loaded: they cross as strings."""
    return tuple(cls for cls in (loaded_class("decimal", "Decimal"),
                                 loaded_class("uuid", "UUID"),
                                 loaded_class("pathlib", "PurePath")) if cls is not None)


def is_dataclass(value: Any) -> bool:
    """dataclasses.is_dataclass, without importing dataclasses when nothing else did."""
    dataclasses = sys.modules.get("dataclasses")
    return dataclasses is not None and dataclasses.is_dataclass(value)
