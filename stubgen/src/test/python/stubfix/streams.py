"""Generator functions: their items stream, so their stubs return Stream<T>."""

from typing import AsyncGenerator, AsyncIterator, Generator, Iterator, List


def numbers(n: int) -> Iterator[int]:
    yield from range(n)


def lines(path: str) -> Generator[str, None, None]:
    yield path


async def tokens(prompt: str) -> AsyncIterator[str]:
    yield prompt


async def chunks(size: int) -> AsyncGenerator[bytes, None]:
    yield b"x" * size


def total(values: Iterator[int]) -> List[int]:
    return list(values)
