# Bowling score calculation and a round-robin tournament table with tie-breakers.
def bowling_score(rolls):
    score, i = 0, 0
    frames = []
    for frame in range(10):
        if i >= len(rolls):
            raise ValueError(f"incomplete game: frame {frame + 1} missing")
        if rolls[i] == 10:
            if i + 2 >= len(rolls):
                raise ValueError("strike needs two bonus rolls")
            score += 10 + rolls[i + 1] + rolls[i + 2]
            i += 1
        elif i + 1 < len(rolls) and rolls[i] + rolls[i + 1] == 10:
            if i + 2 >= len(rolls):
                raise ValueError("spare needs one bonus roll")
            score += 10 + rolls[i + 2]
            i += 2
        else:
            if i + 1 >= len(rolls):
                raise ValueError(f"incomplete frame {frame + 1}")
            if rolls[i] + rolls[i + 1] > 10:
                raise ValueError(f"frame {frame + 1} knocks down more than 10 pins")
            score += rolls[i] + rolls[i + 1]
            i += 2
        frames.append(score)
    return score, frames
games = {
    "perfect": [10] * 12,
    "all spares": [5, 5] * 10 + [5],
    "gutter": [0] * 20,
    "mixed": [10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1],
    "broken": [7, 5] + [0] * 18,
    "short": [10, 10],
}
for name, rolls in games.items():
    try:
        total, frames = bowling_score(rolls)
        print(f"{name:11} {total:>3} {frames}")
    except ValueError as e:
        print(f"{name:11} error: {e}")
results = [("Lions", 3, "Tigers", 1), ("Bears", 2, "Wolves", 2), ("Lions", 0, "Bears", 1), ("Tigers", 4, "Wolves", 0),
           ("Lions", 2, "Wolves", 2), ("Tigers", 1, "Bears", 1)]
table = {}
for home, hg, away, ag in results:
    for team, gf, ga in ((home, hg, ag), (away, ag, hg)):
        row = table.setdefault(team, {"P": 0, "W": 0, "D": 0, "L": 0, "GF": 0, "GA": 0, "Pts": 0})
        row["P"] += 1
        row["GF"] += gf
        row["GA"] += ga
        if gf > ga:
            row["W"] += 1
            row["Pts"] += 3
        elif gf == ga:
            row["D"] += 1
            row["Pts"] += 1
        else:
            row["L"] += 1
ranking = sorted(table.items(), key=lambda kv: (-kv[1]["Pts"], -(kv[1]["GF"] - kv[1]["GA"]), -kv[1]["GF"], kv[0]))
print(f"{'#':>2} {'Team':<8}" + "".join(f"{h:>4}" for h in ("P", "W", "D", "L", "GF", "GA", "GD", "Pts")))
for pos, (team, r) in enumerate(ranking, 1):
    gd = r["GF"] - r["GA"]
    print(f"{pos:>2} {team:<8}" + "".join(f"{v:>4}" for v in (r["P"], r["W"], r["D"], r["L"], r["GF"], r["GA"])) + f"{gd:>+4}{r['Pts']:>4}")
