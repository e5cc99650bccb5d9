# Priority-queue based task scheduler with a hand-written binary heap and simulated time.
class Heap:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def push(self, item):
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i and a[(i - 1) // 2] > a[i]:
            a[(i - 1) // 2], a[i] = a[i], a[(i - 1) // 2]
            i = (i - 1) // 2
    def pop(self):
        a = self.items
        a[0], a[-1] = a[-1], a[0]
        top = a.pop()
        i = 0
        while True:
            small = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < len(a) and a[c] < a[small]:
                    small = c
            if small == i:
                return top
            a[i], a[small] = a[small], a[i]
            i = small
class Task:
    counter = 0
    def __init__(self, name, priority, duration, deps=()):
        Task.counter += 1
        self.seq = Task.counter
        self.name, self.priority, self.duration, self.deps = name, priority, duration, set(deps)
    def __lt__(self, other):
        return (self.priority, self.seq) < (other.priority, other.seq)
    def __gt__(self, other):
        return other < self
    def __repr__(self):
        return f"{self.name}(p{self.priority})"
def schedule(tasks, workers=2):
    pending = {t.name: t for t in tasks}
    done = set()
    ready = Heap()
    for t in tasks:
        if not t.deps:
            ready.push(t)
    running = []
    clock = 0
    timeline = []
    while ready or running:
        while ready and len(running) < workers:
            t = ready.pop()
            running.append((clock + t.duration, t.seq, t))
            timeline.append(f"t={clock:>2} start  {t.name}")
        running.sort()
        finish, _, t = running.pop(0)
        clock = finish
        done.add(t.name)
        del pending[t.name]
        timeline.append(f"t={clock:>2} finish {t.name}")
        for other in list(pending.values()):
            if other.name not in done and other.deps <= done and all(other is not r[2] for r in running) and other not in ready.items:
                ready.push(other)
    if pending:
        raise RuntimeError(f"unschedulable tasks: {sorted(pending)}")
    return clock, timeline
tasks = [
    Task("fetch", 1, 3), Task("compile", 2, 5, ["fetch"]), Task("lint", 3, 2, ["fetch"]),
    Task("docs", 5, 4), Task("test", 1, 4, ["compile"]), Task("package", 2, 2, ["test", "lint"]),
    Task("deploy", 1, 1, ["package", "docs"]),
]
total, timeline = schedule(tasks)
print("\n".join(timeline))
print("makespan:", total)
total1, _ = schedule([Task(t.name, t.priority, t.duration, t.deps) for t in tasks], workers=1)
print("single worker makespan:", total1)
try:
    schedule([Task("a", 1, 1, ["b"]), Task("b", 1, 1, ["a"])])
except RuntimeError as e:
    print("error:", e)
h = Heap()
for v in [5, 3, 9, 1, 7, 2, 8]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
