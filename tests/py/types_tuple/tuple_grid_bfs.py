# Breadth-first search on a grid using tuples for coordinates.
MAZE = [
    "S.#.......",
    ".##.#####.",
    "....#...#.",
    "#.###.#.#.",
    "#.....#..E",
]
def find(ch):
    for r, row in enumerate(MAZE):
        c = row.find(ch)
        if c != -1:
            return (r, c)
start, goal = find("S"), find("E")
def neighbors(pos):
    r, c = pos
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(MAZE) and 0 <= nc < len(MAZE[0]) and MAZE[nr][nc] != "#":
            yield (nr, nc)
def bfs(start, goal):
    prev = {start: None}
    frontier = [start]
    while frontier:
        nxt = []
        for pos in frontier:
            if pos == goal:
                path = []
                while pos is not None:
                    path.append(pos)
                    pos = prev[pos]
                return path[::-1]
            for n in neighbors(pos):
                if n not in prev:
                    prev[n] = pos
                    nxt.append(n)
        frontier = nxt
    return None
path = bfs(start, goal)
print(start, goal, len(path) - 1)
print(path)
rows = [list(r) for r in MAZE]
for r, c in path[1:-1]:
    rows[r][c] = "*"
print("\n".join("".join(r) for r in rows))
print(bfs(start, (0, 3)) is not None, bfs((0, 0), (0, 0)))
