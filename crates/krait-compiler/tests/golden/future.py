from __future__ import annotations

def f(a: list[int], *b: tuple[str, ...]) -> dict[str, "X"] | None:
    pass

x: Callable[[int], str] = lambda n: str(n)
