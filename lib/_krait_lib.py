"""Marker module: this folder holds the Python-level modules Krait provides itself.

Krait finds this folder (relative to its executable) by looking for this file and
puts it on sys.path before CPython's standard library.
"""
