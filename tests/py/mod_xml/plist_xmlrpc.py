# plistlib and xmlrpc.client marshalling round trips (both parse with pyexpat).
import datetime, plistlib, xmlrpc.client

value = {
    "name": "Krait",
    "version": 3,
    "ratio": 0.25,
    "ok": True,
    "no": False,
    "items": [1, "two", 3.0, [4, 5], {"six": 6}],
    "data": b"\x00\x01binary\xff",
    "when": datetime.datetime(2024, 5, 17, 12, 30, 45),
    "unicode": "caf\xe9 \u2603",
    "escape": "<tag> & 'q'",
}
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    blob = plistlib.dumps(value, fmt=fmt, sort_keys=True)
    back = plistlib.loads(blob)
    print(fmt, back == value, sorted(back))
xml = plistlib.dumps(value).decode()
print(xml.splitlines()[:4])
print(plistlib.loads(b"<plist version='1.0'><array><integer>-3</integer><real>1e3</real><string>x</string></array></plist>"))
try:
    plistlib.loads(b"<plist><dict><key>a</key></dict></plist>")
except Exception as e:
    print(type(e).__name__, e)
try:
    plistlib.loads(b"<plist><array><string>x</array></plist>")
except Exception as e:
    print(type(e).__name__, e)

req = xmlrpc.client.dumps((1, "two", [3.5, True], {"k": None or "v"}), "method.name")
print(req)
params, method = xmlrpc.client.loads(req)
print(params, method)
resp = xmlrpc.client.dumps(({"a": [1, 2]},), methodresponse=True)
print(xmlrpc.client.loads(resp))
fault = xmlrpc.client.dumps(xmlrpc.client.Fault(4, "Too many params"), methodresponse=True)
try:
    xmlrpc.client.loads(fault)
except xmlrpc.client.Fault as f:
    print("Fault", f.faultCode, f.faultString)
