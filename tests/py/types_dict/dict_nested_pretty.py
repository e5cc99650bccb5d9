# Hand-written pretty printer for nested dict/list structures (JSON-like).
def pretty(obj, indent=0, step=2):
    pad = " " * indent
    inner = " " * (indent + step)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        lines = [f'{inner}"{k}": {pretty(v, indent + step, step)}' for k, v in obj.items()]
        return "{\n" + ",\n".join(lines) + "\n" + pad + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in obj):
            return "[" + ", ".join(str(v) for v in obj) + "]"
        return "[\n" + ",\n".join(inner + pretty(v, indent + step, step) for v in obj) + "\n" + pad + "]"
    if isinstance(obj, str):
        escaped = obj.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    return repr(obj)
config = {
    "name": "demo \"app\"",
    "version": 3,
    "debug": False,
    "ratio": 0.75,
    "tags": ["web", "api"],
    "ports": [80, 443],
    "owner": None,
    "db": {"host": "localhost", "replicas": [{"id": 1, "lag": 0.5}, {"id": 2, "lag": None}], "opts": {}},
    "notes": "line1\nline2",
    "empty": [],
}
print(pretty(config))
print(pretty(config, step=4).count("\n"))
def get_path(d, path, default=None):
    cur = d
    for part in path.split("."):
        if isinstance(cur, dict) and part in cur:
            cur = cur[part]
        elif isinstance(cur, list) and part.isdigit() and int(part) < len(cur):
            cur = cur[int(part)]
        else:
            return default
    return cur
for p in ["db.host", "db.replicas.1.id", "db.replicas.5.id", "tags.0", "missing.key"]:
    print(p, "->", get_path(config, p, "<none>"))
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and v:
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out
for k, v in flatten(config).items():
    print(f"{k:18} = {v!r}")
