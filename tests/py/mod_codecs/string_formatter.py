import string, _string

print(list(_string.formatter_parser('a{0!r:>5}b{{c}}{x.y[1]}{}{:{w}}')))
print(list(_string.formatter_parser('')), list(_string.formatter_parser('plain')))
first, rest = _string.formatter_field_name_split('0.attr[key][3]')
print(first, list(rest))
first, rest = _string.formatter_field_name_split('name')
print(repr(first), list(rest))
for bad in ['{', '}', 'a{0!}', '{0!r', '{0:', '{0!rx}', '{a{']:
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print('ValueError:', e)

f = string.Formatter()
print(f.format('{0}-{name!r:>8}|{1:{2}}', 1, 3.5, '8.2f', name='bob'))
print(f.format('{a[0]} {b.real} {{}} {0:*^9}', 'mid', a=[7], b=3j))
print(f.vformat('{} {}', ('x', 'y'), {}))
try:
    f.format('{0} {}', 1, 2)
except ValueError as e:
    print('ValueError:', e)

class Upper(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return key.upper()
        return super().get_value(key, args, kwargs)
    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Upper().format('{hello} {0} {1!u}', 'zero', 'one'))

t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='kung pao'))
print(t.safe_substitute(who='tim'))
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError:', e)
print(string.capwords(' hello  world '), string.ascii_letters, string.digits, string.punctuation)
