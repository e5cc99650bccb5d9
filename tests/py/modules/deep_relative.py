# Multi-level relative imports (from .. and from ...) inside nested packages.
from pkgs.deep.inner import leaf_info
info = leaf_info()
for k in sorted(info):
    print(k, "=", info[k])
import pkgs.deep.inner.leaf as leaf
print(leaf.__name__, leaf.__package__, leaf.DEEP_NAME)
import pkgs.deep
print(pkgs.deep.DEEP_NAME, hasattr(pkgs.deep, "inner"), hasattr(pkgs.deep.inner, "leaf"))
