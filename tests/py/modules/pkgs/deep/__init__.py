DEEP_NAME = "deep package"
