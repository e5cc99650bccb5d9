# Inserting a module object into sys.modules makes it importable.
import sys
ModuleType = type(sys)
fake = ModuleType("fake_config", "A module created at runtime.")
fake.DEBUG = True
fake.get = lambda key: {"mode": "test"}.get(key)
sys.modules["fake_config"] = fake
import fake_config
print(fake_config is fake, fake_config.DEBUG, fake_config.get("mode"), fake_config.__name__, fake_config.__doc__)
from fake_config import DEBUG
print(DEBUG)
sys.modules["fake_config"] = None
try:
    import fake_config
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["fake_config"]
m = ModuleType("plain")
print(repr(m), m.__name__, m.__doc__, sorted(k for k in vars(m)))
