# Maze generation with a deterministic pseudo-random generator, then solving it with BFS.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (1103515245 * self.state + 12345) % 2 ** 31
        return self.state
    def choice(self, seq):
        return seq[self.next() % len(seq)]
    def shuffle(self, seq):
        for i in range(len(seq) - 1, 0, -1):
            j = self.next() % (i + 1)
            seq[i], seq[j] = seq[j], seq[i]
def generate(w, h, rng):
    grid = [["#"] * (2 * w + 1) for _ in range(2 * h + 1)]
    stack = [(0, 0)]
    seen = {(0, 0)}
    grid[1][1] = " "
    while stack:
        x, y = stack[-1]
        options = [(dx, dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
                   if 0 <= x + dx < w and 0 <= y + dy < h and (x + dx, y + dy) not in seen]
        if not options:
            stack.pop()
            continue
        dx, dy = rng.choice(options)
        nx, ny = x + dx, y + dy
        grid[2 * y + 1 + dy][2 * x + 1 + dx] = " "
        grid[2 * ny + 1][2 * nx + 1] = " "
        seen.add((nx, ny))
        stack.append((nx, ny))
    return grid
def solve(grid, start, goal):
    prev = {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == goal:
            break
        r, c = cur
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if grid[nr][nc] == " " and (nr, nc) not in prev:
                prev[(nr, nc)] = cur
                queue.append((nr, nc))
    path, node = [], goal
    while node is not None:
        path.append(node)
        node = prev[node]
    return path[::-1], head
rng = LCG(2024)
maze = generate(8, 5, rng)
start, goal = (1, 1), (len(maze) - 2, len(maze[0]) - 2)
path, explored = solve(maze, start, goal)
for r, c in path:
    maze[r][c] = "."
maze[start[0]][start[1]] = "S"
maze[goal[0]][goal[1]] = "E"
print("\n".join("".join(row) for row in maze))
print("path length:", len(path) - 1, "cells explored:", explored)
open_cells = sum(row.count(" ") + row.count(".") for row in maze) + 2
print("open cells:", open_cells, "perfect maze:", open_cells == 2 * 8 * 5 - 1)
nums = [LCG(7).next() for _ in range(1)] + [rng.next() % 100 for _ in range(5)]
print(nums)
deck = list(range(10))
LCG(1).shuffle(deck)
print(deck)
