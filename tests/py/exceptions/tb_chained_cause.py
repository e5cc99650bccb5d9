# check-stderr
# Explicit chaining with `raise ... from ...`.
class ConfigError(Exception):
    pass


def parse_port(value):
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigError(f"bad port {value!r}") from exc


print(parse_port("8080"))
print(parse_port("http"))
