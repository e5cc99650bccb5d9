[a + b for a in xs if a] or {"k": lambda: 1}
