# xml.etree.ElementTree over pyexpat: parse, iterparse, namespaces, errors, tostring.
import io, os
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a catalog -->
<catalog xmlns="urn:books" xmlns:p="urn:price">
  <book id="b1" lang="en">
    <title>Dune &amp; more</title>
    <p:price currency="EUR">9.99</p:price>
    <note><![CDATA[<raw> & text]]></note>
  </book>
  <book id="b2"><title>Ünïcödé ☃</title><empty/></book>
  <?sort order="asc"?>
</catalog>
"""

root = ET.fromstring(doc)
print(root.tag, root.attrib)
for book in root.findall("{urn:books}book"):
    print(book.get("id"), book.find("{urn:books}title").text, sorted(book.attrib.items()))
print(root.find(".//{urn:price}price").attrib, root.find(".//{urn:price}price").text)
print(repr(root.find(".//{urn:books}note").text))
print([e.tag for e in root.iter()])
print(ET.tostring(root.find("{urn:books}book"), encoding="unicode"))

tree = ET.ElementTree(ET.fromstring("<r><a x='1'>t<b/>tail</a></r>"))
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue())
print(ET.tostring(tree.getroot(), method="text"))

# iterparse with events
events = ("start", "end", "start-ns", "end-ns", "comment", "pi")
parser_src = io.BytesIO(doc.encode("utf-8"))
for ev, obj in ET.iterparse(parser_src, events=events):
    if ev in ("start", "end"):
        print(ev, obj.tag)
    elif ev == "start-ns":
        print(ev, obj)
    else:
        print(ev, repr(obj.text if hasattr(obj, "text") else obj))

# XMLPullParser fed in small pieces
pp = ET.XMLPullParser(events=("start", "end"))
data = b"<root><item n='1'>one</item><item n='2'>two</item></root>"
for i in range(0, len(data), 5):
    pp.feed(data[i:i + 5])
    for ev, el in pp.read_events():
        print(ev, el.tag, el.attrib, el.text if ev == "end" else "")
pp.close()

# TreeBuilder target and custom parser
class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, dict(attrib)))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, d):
        self.log.append(("data", d))
    def close(self):
        return self.log
p = ET.XMLParser(target=Target())
p.feed("<a k='v'>x<b>y</b>z</a>")
print(p.close())

# files
fn = "etree_basic_tmp.txt"
with open(fn, "w", encoding="latin-1") as f:
    f.write('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf\xe9</t>')
print(ET.parse(fn).getroot().text)
with open(fn, "wb") as f:
    f.write('<?xml version="1.0" encoding="windows-1252"?><t>\u20ac</t>'.encode("cp1252"))
print(ET.parse(fn).getroot().text)
os.remove(fn)

# errors
for bad in ["<a><b></a>", "<a>", "", "<a x='1' x='2'/>", "<a>&undefined;</a>", "<a/><b/>", "<1a/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), "->", e, e.code, e.position)

# building and serialising
top = ET.Element("top", {"b": "2", "a": "1"})
child = ET.SubElement(top, "child")
child.text = 'quote " apos \' lt < gt > amp &'
child.set("attr", 'line\nbreak "q"')
ET.SubElement(top, "empty")
print(ET.tostring(top))
print(ET.tostring(top, short_empty_elements=False))
ET.indent(top)
print(ET.tostring(top, encoding="unicode"))
