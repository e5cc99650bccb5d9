# Infinity and NaN semantics.
import math
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, repr(inf), str(-nan), float("-inf"), float("NaN"), float("Infinity"), float("-iNF"))
print(inf > 1e308, -inf < -1e308, inf == inf, inf == -inf, -inf < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan is nan)
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / inf, 1 / inf, -1 / inf, inf % 2 if False else "skip")
print(math.isinf(inf), math.isinf(nan), math.isnan(nan), math.isnan(inf), math.isfinite(1.0), math.isfinite(inf))
print(nan + 1, nan * 0, nan ** 0, 1 ** nan, 0 * inf, inf ** 0, 2 ** inf, 0.5 ** inf, 2 ** -inf)
print(max(1, inf), min(-inf, 5), sorted([3, inf, -inf, 0]))
print(abs(-inf), -(-inf), +inf, round(2.5) if True else round(inf))
for f in [lambda: int(inf), lambda: int(nan), lambda: round(inf), lambda: round(nan),
          lambda: inf // 1, lambda: divmod(inf, 1), lambda: inf % 1, lambda: math.floor(nan),
          lambda: (10 ** 400) * 1.0, lambda: math.ceil(-inf)]:
    try:
        print("ok", f())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
values = [3.0, nan, 1.0, 2.0]
print(nan in values, values.count(nan), [v for v in values if v == v])
print(sum([1.0, inf, -inf]), sum([1e308, 1e308]), math.fsum([1e308, 1e308]) if False else "skip")
print(math.copysign(1, -0.0), math.copysign(inf, -1), math.copysign(1, nan) in (1.0, -1.0))
print(f"{inf:.2f} {-inf:e} {nan:g} {inf:10} {nan:<5}|")
print(float("inf") == math.inf, math.nan != math.nan, str(math.inf), repr(-math.inf))
print(hash(inf), hash(-inf), 1e309, -1e309, 1e309 == inf)
print(inf > 10 ** 1000, -inf < -(10 ** 1000), inf == 10 ** 1000)
