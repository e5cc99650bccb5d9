"""The node classes of Python's abstract syntax tree (the `_ast` module).

Krait writes this module in Python: the classes only hold fields. The table
below is the 3.11 grammar of the AST (node name, base, fields, optional
fields); `compile(..., PyCF_ONLY_AST)` builds trees of these classes from
Krait's own parser (see `_from_dump`), and `compile(tree, ...)` turns a tree
back into code through `ast.unparse` (so positions in such code are those of
the unparsed text).
"""

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

_POS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError("%s constructor takes %s positional argument%s" % (
                type(self).__name__,
                "at most %d" % len(fields) if fields else "0",
                "" if len(fields) == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


AST.__module__ = 'ast'

# name: (base, fields, optional fields (default None), has positions)
_NODES = """
mod AST
Module mod body type_ignores
Interactive mod body
Expression mod body
FunctionType mod argtypes returns
stmt AST @
FunctionDef stmt name args body decorator_list returns? type_comment?
AsyncFunctionDef stmt name args body decorator_list returns? type_comment?
ClassDef stmt name bases keywords body decorator_list
Return stmt value?
Delete stmt targets
Assign stmt targets value type_comment?
AugAssign stmt target op value
AnnAssign stmt target annotation value? simple
For stmt target iter body orelse type_comment?
AsyncFor stmt target iter body orelse type_comment?
While stmt test body orelse
If stmt test body orelse
With stmt items body type_comment?
AsyncWith stmt items body type_comment?
Match stmt subject cases
Raise stmt exc? cause?
Try stmt body handlers orelse finalbody
TryStar stmt body handlers orelse finalbody
Assert stmt test msg?
Import stmt names
ImportFrom stmt module? names level?
Global stmt names
Nonlocal stmt names
Expr stmt value
Pass stmt
Break stmt
Continue stmt
expr AST @
BoolOp expr op values
NamedExpr expr target value
BinOp expr left op right
UnaryOp expr op operand
Lambda expr args body
IfExp expr test body orelse
Dict expr keys values
Set expr elts
ListComp expr elt generators
SetComp expr elt generators
DictComp expr key value generators
GeneratorExp expr elt generators
Await expr value
Yield expr value?
YieldFrom expr value
Compare expr left ops comparators
Call expr func args keywords
FormattedValue expr value conversion format_spec?
JoinedStr expr values
Constant expr value kind?
Attribute expr value attr ctx
Subscript expr value slice ctx
Starred expr value ctx
Name expr id ctx
List expr elts ctx
Tuple expr elts ctx
Slice expr lower? upper? step?
expr_context AST
Load expr_context
Store expr_context
Del expr_context
boolop AST
And boolop
Or boolop
operator AST
Add operator
Sub operator
Mult operator
MatMult operator
Div operator
Mod operator
Pow operator
LShift operator
RShift operator
BitOr operator
BitXor operator
BitAnd operator
FloorDiv operator
unaryop AST
Invert unaryop
Not unaryop
UAdd unaryop
USub unaryop
cmpop AST
Eq cmpop
NotEq cmpop
Lt cmpop
LtE cmpop
Gt cmpop
GtE cmpop
Is cmpop
IsNot cmpop
In cmpop
NotIn cmpop
comprehension AST target iter ifs is_async
excepthandler AST @
ExceptHandler excepthandler type? name? body
arguments AST posonlyargs args vararg? kwonlyargs kw_defaults kwarg? defaults
arg AST @ arg annotation? type_comment?
keyword AST @ arg? value
alias AST @ name asname?
withitem AST context_expr optional_vars?
match_case AST pattern guard? body
pattern AST @
MatchValue pattern value
MatchSingleton pattern value
MatchSequence pattern patterns
MatchMapping pattern keys patterns rest?
MatchClass pattern cls patterns kwd_attrs kwd_patterns
MatchStar pattern name?
MatchAs pattern pattern? name?
MatchOr pattern patterns
type_ignore AST
TypeIgnore type_ignore lineno tag
"""


def _build():
    g = globals()
    for line in _NODES.strip().splitlines():
        words = line.split()
        name, base = words[0], g[words[1]]
        rest = words[2:]
        positions = bool(rest) and rest[0] == '@'
        if positions:
            rest = rest[1:]
        fields = tuple(w.rstrip('?') for w in rest)
        ns = {'_fields': fields, '__match_args__': fields, '__module__': 'ast'}
        if positions:
            ns['_attributes'] = _POS
            ns['end_lineno'] = None
            ns['end_col_offset'] = None
        for w in rest:
            if w.endswith('?'):
                ns[w[:-1]] = None
        g[name] = type(name, (base,), ns)


_build()
del _build


def _from_dump(text):
    """A tree of these classes from `ast.dump(tree, include_attributes=True)` text."""
    ns = {k: v for k, v in globals().items() if isinstance(v, type)}
    ns['inf'] = float('inf')
    ns['infj'] = complex(0, float('inf'))
    ns['__builtins__'] = {'Ellipsis': Ellipsis, 'None': None, 'True': True, 'False': False}
    return eval(text, ns)


def _to_source(tree):
    """Source text for a tree (for compiling an AST)."""
    import ast
    return ast.unparse(ast.fix_missing_locations(tree))
