"""Module-level state that persists across imports."""
print("counter_mod initialised")
count = 0
def increment():
    global count
    count += 1
    return count
