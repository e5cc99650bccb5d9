# Conway's Game of Life on a toroidal grid, with pattern detection of period.
def parse(rows):
    return {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == "#"}
def step(live, height, width):
    counts = {}
    for r, c in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = ((r + dr) % height, (c + dc) % width)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def render(live, height, width):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(width)) for r in range(height))
H, W = 8, 10
glider = parse([".#.", "..#", "###"])
world = set(glider)
for gen in range(5):
    print(f"generation {gen}: {len(world)} cells")
    print(render(world, H, W))
    world = step(world, H, W)
def find_period(start, height, width, limit=100):
    seen = {}
    state = frozenset(start)
    for t in range(limit):
        if state in seen:
            return seen[state], t - seen[state]
        seen[state] = t
        state = frozenset(step(state, height, width))
    return None
blinker = parse(["...", "###", "..."])
block = parse(["##", "##"])
toad = parse([".###", "###."])
print("blinker:", find_period({(r + 2, c + 2) for r, c in blinker}, 7, 7))
print("block:", find_period({(r + 2, c + 2) for r, c in block}, 6, 6))
print("toad:", find_period({(r + 2, c + 2) for r, c in toad}, 8, 8))
print("glider on torus:", find_period(glider, H, W, limit=200))
rpent = parse([".##", "##.", ".#."])
w = {(r + 10, c + 10) for r, c in rpent}
pops = []
for _ in range(30):
    w = step(w, 24, 24)
    pops.append(len(w))
print(pops)
