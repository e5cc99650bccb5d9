# AttributeError names a natively defined class by module and name, as CPython's tp_name.
import _bz2, pyexpat, array, collections, _io
for o in (_bz2.BZ2Compressor(), pyexpat.ParserCreate(), array.array('i'), collections.deque(), _io.StringIO(), 1, [], object()):
    try:
        o.zz
    except AttributeError as e:
        print(e)
    try:
        o.zz = 1
    except AttributeError as e:
        print(e)
