# check-stderr
# Carets under a failing subscript inside a larger expression.
config = {"server": {"host": "localhost", "port": 8080}}


def describe(cfg):
    return "host=" + cfg["server"]["host"] + " user=" + cfg["server"]["user"]


print(describe(config))
