from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: float


def cheapest(items: list[Item]) -> Item:
    return min(items, key=lambda item: item.price)


def greet(name: str, punctuation: str = "!") -> str:
    return f"Hello, {name}{punctuation}"
