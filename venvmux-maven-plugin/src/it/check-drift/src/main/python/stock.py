from typing import TypedDict


class Level(TypedDict):
    sku: str
    reorder_at: int


def reorder_level(sku: str, weekly_sales: list[int]) -> Level:
    return {"sku": sku, "reorder_at": 2 * max(weekly_sales, default=0)}


def on_hand(sku: str) -> int:
    return len(sku)
