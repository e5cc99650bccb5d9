import locale, _locale

print(locale.setlocale(locale.LC_NUMERIC, 'C'))
print(locale.setlocale(locale.LC_NUMERIC))
conv = locale.localeconv()
print(sorted(conv), conv['decimal_point'], repr(conv['thousands_sep']), conv['grouping'])
print(locale.format_string('%.2f', 1234567.891, grouping=True), locale.str(3.25), locale.atof('2.5'), locale.atoi('42'))
print(locale.currency(1.5, symbol=False) if conv['frac_digits'] != 127 else 'no currency in C')
print(_locale.nl_langinfo(_locale.RADIXCHAR), _locale.nl_langinfo(_locale.DAY_1), _locale.nl_langinfo(_locale.ABMON_2))
print(locale.strcoll('a', 'b') < 0, locale.strcoll('b', 'a') > 0, locale.strcoll('a', 'a'), locale.strxfrm('abc'))
print(locale.normalize('en_US'), locale.normalize('C'), locale.getlocale(locale.LC_NUMERIC))
try:
    locale.setlocale(locale.LC_ALL, 'xx_XX.no-such-locale')
except locale.Error as e:
    print('locale.Error:', e)
try:
    _locale.nl_langinfo(-1)
except ValueError as e:
    print('ValueError:', e)
print(issubclass(locale.Error, Exception), locale.Error.__module__, _locale.CHAR_MAX)
print(isinstance(locale.getpreferredencoding(False), str), isinstance(locale.getencoding(), str))
