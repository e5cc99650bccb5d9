"""Module without __all__: star-import skips underscore names."""
visible = "visible"
_hidden = "hidden"
def helper():
    return "helper"
