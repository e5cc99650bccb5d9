# User-defined exception classes with extra state, hierarchies and custom __str__.
class AppError(Exception):
    """Base class for application errors."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
class NotFoundError(AppError):
    def __init__(self, kind, key):
        self.kind, self.key = kind, key
        super().__init__(kind, key)
    def __str__(self):
        return f"{self.kind} {self.key!r} not found"
class RetryableError(AppError):
    def __init__(self, attempts):
        super().__init__()
        self.attempts = attempts
    def __repr__(self):
        return f"RetryableError(attempts={self.attempts})"
errors = [ValidationError("email", "must contain @"), NotFoundError("user", 42), RetryableError(3), AppError(), AppError("plain", 2)]
for e in errors:
    print(type(e).__name__, "| str:", str(e), "| repr:", repr(e), "| args:", e.args)
def validate(user):
    if "@" not in user.get("email", ""):
        raise ValidationError("email", "must contain @")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "must be non-negative")
    return "ok"
for u in [{"email": "a@b.c"}, {"email": "nope"}, {"email": "x@y", "age": -1}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print(f"invalid {e.field}: {e.message}")
try:
    raise NotFoundError("order", "A-17")
except AppError as e:
    print("caught via base:", e, isinstance(e, NotFoundError), e.key)
class WithDefaultMessage(Exception):
    def __init__(self, msg="something went wrong"):
        super().__init__(msg)
print(WithDefaultMessage(), WithDefaultMessage("custom"))
class NoSuperInit(Exception):
    def __init__(self, code):
        self.code = code
e = NoSuperInit(5)
print(repr(e), str(e), e.args, e.code)
class Errors(Exception):
    pass
try:
    raise Errors
except Errors as e:
    print(repr(e), str(e) == "", e.args)
print(AppError.__doc__, issubclass(ValidationError, Exception), ValidationError.__mro__[1].__name__)
