# Backtracking Sudoku solver with constraint sets.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(text):
    rows = [line for line in text.strip().splitlines()]
    return [[0 if ch == "." else int(ch) for ch in row] for row in rows]
def show(grid):
    lines = []
    for r, row in enumerate(grid):
        if r and r % 3 == 0:
            lines.append("------+-------+------")
        cells = [str(v) if v else "." for v in row]
        lines.append(" ".join(cells[0:3]) + " | " + " ".join(cells[3:6]) + " | " + " ".join(cells[6:9]))
    return "\n".join(lines)
def solve(grid):
    rows = [set(row) - {0} for row in grid]
    cols = [{grid[r][c] for r in range(9)} - {0} for c in range(9)]
    boxes = [set() for _ in range(9)]
    empties = []
    for r in range(9):
        for c in range(9):
            v = grid[r][c]
            if v:
                boxes[(r // 3) * 3 + c // 3].add(v)
            else:
                empties.append((r, c))
    steps = [0]
    def candidates(r, c):
        return {1, 2, 3, 4, 5, 6, 7, 8, 9} - rows[r] - cols[c] - boxes[(r // 3) * 3 + c // 3]
    def backtrack():
        if not empties:
            return True
        best = min(range(len(empties)), key=lambda i: len(candidates(*empties[i])))
        r, c = empties.pop(best)
        for v in sorted(candidates(r, c)):
            steps[0] += 1
            grid[r][c] = v
            rows[r].add(v); cols[c].add(v); boxes[(r // 3) * 3 + c // 3].add(v)
            if backtrack():
                return True
            rows[r].discard(v); cols[c].discard(v); boxes[(r // 3) * 3 + c // 3].discard(v)
        grid[r][c] = 0
        empties.insert(best, (r, c))
        return False
    return backtrack(), steps[0]
def valid(grid):
    groups = [row for row in grid] + [[grid[r][c] for r in range(9)] for c in range(9)]
    groups += [[grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(g) == list(range(1, 10)) for g in groups)
grid = parse(PUZZLE)
print(show(grid))
ok, steps = solve(grid)
print()
print("solved:", ok, "valid:", valid(grid), "placements tried:", steps)
print(show(grid))
bad = parse(PUZZLE)
bad[0][2] = 5
ok, _ = solve(bad)
print("contradictory puzzle solvable:", ok)
