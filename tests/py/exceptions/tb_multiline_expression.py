# check-stderr
# A failing call whose expression spans several lines.
def build(name, size, tags):
    return {"name": name.upper(), "size": size + 1, "tags": list(tags)}


record = build(
    "widget",
    "large",
    ["a", "b"],
)
print(record)
