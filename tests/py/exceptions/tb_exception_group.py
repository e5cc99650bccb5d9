# check-stderr
# Uncaught ExceptionGroup traceback formatting (3.11).
def validate(item):
    if item < 0:
        raise ValueError(f"negative: {item}")
    if item > 100:
        raise OverflowError(f"too big: {item}")


def validate_all(items):
    errors = []
    for item in items:
        try:
            validate(item)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("validation failed", errors)


validate_all([5, -1, 500])
