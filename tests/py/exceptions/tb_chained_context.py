# check-stderr
# An exception raised while handling another shows both tracebacks.
def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError:
        raise RuntimeError(f"setting {name!r} is required")


read_setting({"debug": True}, "timeout")
