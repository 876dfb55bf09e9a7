"""A pydantic model crossing the border (imported only where pydantic is installed)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import List, Optional

import pydantic


class Item(pydantic.BaseModel):
    """One line of an order."""

    sku: str
    quantity: int = 1
    unit_price: float
    note: Optional[str] = None


def total(items: List[Item]) -> float:
    for item in items:
        if not isinstance(item, Item):
            raise TypeError("item arrived as %r" % (item,))
    return sum(item.quantity * item.unit_price for item in items)


def cheapest(items: List[Item]) -> Item:
    return min(items, key=lambda item: item.unit_price)


class Event(pydantic.BaseModel):
    at: pydantic.AwareDatetime
    local: pydantic.NaiveDatetime


def event() -> Event:
    return Event(at=datetime(2024, 6, 1, 12, tzinfo=timezone.utc), local=datetime(2024, 6, 1, 14))
