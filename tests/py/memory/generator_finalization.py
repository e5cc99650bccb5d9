# Dropping a suspended generator closes it: its finally block runs.
log = []
def worker(name):
    try:
        log.append(f"{name} start")
        yield 1
        yield 2
        log.append(f"{name} finished normally")
    finally:
        log.append(f"{name} cleanup")
g = worker("g1")
next(g)
log.append("dropping g1")
del g
log.append("after drop")
for v in worker("g2"):
    break
log.append("after loop break")
g3 = worker("g3")
log.append("unstarted g3 dropped")
del g3
list(worker("g4"))
def catches_exit():
    try:
        yield
    except GeneratorExit:
        log.append("GeneratorExit seen")
        raise
c = catches_exit()
next(c)
c = None
print("\n".join(log))
