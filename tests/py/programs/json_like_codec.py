# A hand-written JSON-like serializer and recursive-descent parser.
class ParseError(Exception):
    pass
def dumps(obj, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 32:
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "".join(out) + '"'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + sep.join(pad + dumps(v, indent, level + 1) for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = (pad + dumps(str(k)) + ": " + dumps(v, indent, level + 1) for k, v in obj.items())
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"cannot serialize {type(obj).__name__}")
class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0
    def error(self, msg):
        raise ParseError(f"{msg} at position {self.pos}")
    def ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\n\r":
            self.pos += 1
    def peek(self):
        self.ws()
        return self.text[self.pos] if self.pos < len(self.text) else ""
    def expect(self, ch):
        if self.peek() != ch:
            self.error(f"expected {ch!r}")
        self.pos += 1
    def parse(self):
        value = self.value()
        if self.peek():
            self.error("trailing data")
        return value
    def value(self):
        ch = self.peek()
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        if ch == "-" or ch.isdigit():
            return self.number()
        self.error(f"unexpected {ch!r}" if ch else "unexpected end")
    def number(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        raw = self.text[start:self.pos]
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    def string(self):
        self.expect('"')
        out = []
        while True:
            if self.pos >= len(self.text):
                self.error("unterminated string")
            ch = self.text[self.pos]
            self.pos += 1
            if ch == '"':
                return "".join(out)
            if ch == "\\":
                esc = self.text[self.pos]
                self.pos += 1
                if esc == "u":
                    out.append(chr(int(self.text[self.pos:self.pos + 4], 16)))
                    self.pos += 4
                else:
                    out.append({"n": "\n", "t": "\t"}.get(esc, esc))
            else:
                out.append(ch)
    def arr(self):
        self.expect("[")
        items = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("]")
            return items
    def obj(self):
        self.expect("{")
        result = {}
        if self.peek() == "}":
            self.pos += 1
            return result
        while True:
            if self.peek() != '"':
                self.error("expected string key")
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result
data = {"name": "Krait", "version": [0, 1, 2], "stable": False, "score": 9.5, "owner": None,
        "tags": ["fast", "snake \"case\""], "nested": {"empty": {}, "list": [], "deep": [{"x": -1e-3}]},
        "text": "line1\nline2\ttab"}
compact = dumps(data)
print(compact)
print(dumps(data, indent=2))
back = Parser(compact).parse()
print(back == data, back["nested"]["deep"][0]["x"], back["text"])
for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', '"open', 'tru', '[1] 2', '{1: 2}']:
    try:
        Parser(bad).parse()
    except ParseError as e:
        print(f"{bad!r:12} -> {e}")
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
