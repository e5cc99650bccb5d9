# Signed zeros, subnormals, limits and sys.float_info.
import math, sys
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.radix)
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 == 1.0)
print(sys.float_info.min / 2 > 0, 5e-324 / 2, 5e-324 > 0, sys.float_info.max * 2)
nz = -0.0
print(nz, 0.0 == nz, math.copysign(1, nz), math.copysign(1, 0.0), str(nz), 1 / float("-inf"))
print(math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0), math.atan2(0.0, 1.0), math.atan2(-0.0, 1.0))
print(-0.0 + 0.0, -0.0 + -0.0, 0.0 * -1, abs(-0.0), -nz, max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(0.0), math.frexp(-3.0))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, 1023))
try:
    math.ldexp(1, 1024)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.modf(3.75), math.modf(-3.75), math.modf(float("inf")))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.ulp(1.0), math.ulp(1e16))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01), math.isclose(float("inf"), float("inf")))
print(round(-0.4), round(-0.0), f"{round(-0.4, 0)}", repr(round(-0.4, 0)))
print(float.fromhex("-0x0p+0"), (-0.0).hex(), (5e-324).hex(), sys.float_info.max.hex())
