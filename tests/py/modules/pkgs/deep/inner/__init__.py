from .leaf import leaf_info
