# Format-field names: Unicode decimal digits index positional arguments; a NUL conversion is none.
import _string
print('{٣}'.format(0, 1, 2, 'three'))
print('{0[١]}'.format(['a', 'b']))
try:
    print('{²}'.format(1))
except KeyError as e:
    print('KeyError', e)
print('{0!\x00}'.format(5))
print(list(_string.formatter_parser('{0!\x00}')))
print(_string.formatter_field_name_split('٣')[0], list(_string.formatter_field_name_split('x[٢].y')[1]))
