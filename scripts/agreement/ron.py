"""A reader of the RON that Tarmeez writes (enough of it for project, document and layer files): structs and
tuples `( ... )`, maps `{ ... }`, lists `[ ... ]`, strings, numbers, booleans, bare names and tagged values
such as `Some("x")` or `Number(5.0)`. Written for the agreement reference script, so that it reads the very
files the Rust code reads rather than a copy made for it.

Values: a struct with fields is a dict; `Some(x)` is x; another tagged value `Tag(x)` is the tuple
("Tag", x); a bare name is its string (`Done`, `Auto`); `None` is None.
"""

import re

TOKEN = re.compile(r'\s*(?:(//[^\n]*)|("(?:[^"\\]|\\.)*")|(\'(?:[^\'\\]|\\.)*\')|([-+]?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)'
                   r'|([A-Za-z_][A-Za-z0-9_]*)|([()\[\]{}:,]))')


def tokens(text):
    pos = 0
    out = []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return out
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read RON at offset {pos}: {text[pos:pos + 20]!r}")
        pos = m.end()
        comment, string, char, number, name, punct = m.groups()
        if comment:
            continue
        if string:
            out.append(("str", unescape(string[1:-1])))
        elif char:
            out.append(("str", unescape(char[1:-1])))
        elif number:
            n = number.replace("_", "")
            out.append(("num", float(n) if any(c in n for c in ".eE") else int(n)))
        elif name:
            out.append(("name", name))
        else:
            out.append(("p", punct))


def unescape(s):
    return re.sub(r'\\(u\{[0-9a-fA-F]+\}|.)', lambda m: chr(int(m.group(1)[2:-1], 16)) if m.group(1).startswith("u{")
                  else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), s)


class Parser:
    def __init__(self, text):
        self.toks = tokens(text)
        self.i = 0

    def peek(self, k=0):
        return self.toks[self.i + k] if self.i + k < len(self.toks) else (None, None)

    def take(self, punct=None):
        tok = self.peek()
        if punct is not None and tok != ("p", punct):
            raise ValueError(f"expected {punct!r}, found {tok!r}")
        self.i += 1
        return tok

    def value(self):
        kind, v = self.peek()
        if kind in ("str", "num"):
            self.take()
            return v
        if kind == "name":
            self.take()
            if v in ("true", "false"):
                return v == "true"
            if self.peek() == ("p", "("):
                inner = self.group()
                if v == "Some":
                    return inner
                return (v, inner)
            return None if v == "None" else v
        if (kind, v) == ("p", "("):
            return self.group()
        if (kind, v) == ("p", "["):
            return self.seq("[", "]")
        if (kind, v) == ("p", "{"):
            return self.map()
        raise ValueError(f"unexpected {v!r}")

    def group(self):
        """`( ... )`: a struct when its first item is `name:`, else a tuple (one item: that item)."""
        self.take("(")
        if self.peek()[0] == "name" and self.peek(1) == ("p", ":"):
            out = {}
            while self.peek() != ("p", ")"):
                _, name = self.take()
                self.take(":")
                out[name] = self.value()
                if self.peek() == ("p", ","):
                    self.take()
            self.take(")")
            return out
        items = []
        while self.peek() != ("p", ")"):
            items.append(self.value())
            if self.peek() == ("p", ","):
                self.take()
        self.take(")")
        return items[0] if len(items) == 1 else tuple(items)

    def seq(self, open_, close):
        self.take(open_)
        items = []
        while self.peek() != ("p", close):
            items.append(self.value())
            if self.peek() == ("p", ","):
                self.take()
        self.take(close)
        return items

    def map(self):
        self.take("{")
        out = {}
        while self.peek() != ("p", "}"):
            key = self.value()
            self.take(":")
            out[key] = self.value()
            if self.peek() == ("p", ","):
                self.take()
        self.take("}")
        return out


def loads(text):
    """The value of one RON document."""
    p = Parser(text)
    v = p.value()
    if p.i != len(p.toks):
        raise ValueError("text after the value")
    return v
