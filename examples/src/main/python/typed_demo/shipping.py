"""Plans the shipments of an order: plain typed Python, no venvmux imports, no decorators.

The Java client passes records; they arrive here as the dataclasses the hints name, with enums,
dates, Decimals, UUIDs and bytes already converted back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from uuid import UUID


class Priority(Enum):
    LOW = "low"
    HIGH = "high"


@dataclass
class Item:
    sku: str
    quantity: int
    unit_price: Decimal


@dataclass
class Order:
    id: UUID
    customer: str
    items: list[Item]
    priority: Priority
    due: date
    attachment: bytes


@dataclass
class Shipment:
    order_id: UUID
    parcel: int
    items: list[Item]
    ship_on: date
    label: bytes


def plan_shipments(order: Order, max_per_parcel: int) -> list[Shipment]:
    """Splits the order into parcels of at most max_per_parcel items each."""
    if max_per_parcel < 1:
        raise ValueError("max_per_parcel must be at least 1, got %d" % max_per_parcel)
    lead = timedelta(days=0 if order.priority is Priority.HIGH else 2)
    ship_on = order.due - lead
    parcels: list[list[Item]] = [[]]
    for item in order.items:
        left = item.quantity
        while left:
            room = max_per_parcel - sum(i.quantity for i in parcels[-1])
            if room == 0:
                parcels.append([])
                continue
            take = min(room, left)
            parcels[-1].append(Item(item.sku, take, item.unit_price))
            left -= take
    return [
        Shipment(order.id, n + 1, items, ship_on,
                 ("%s/%d %s" % (order.customer, n + 1, order.priority.value)).encode())
        for n, items in enumerate(parcels) if items
    ]


def total(order: Order) -> Decimal:
    return sum((i.unit_price * i.quantity for i in order.items), Decimal(0))


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
