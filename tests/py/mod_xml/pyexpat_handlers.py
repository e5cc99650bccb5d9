# pyexpat directly: handlers, buffering, attributes, namespaces, errors.
import pyexpat
from xml.parsers import expat

print(expat.ErrorString(expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]))
print(expat.errors.XML_ERROR_TAG_MISMATCH, expat.errors.messages[7], expat.model.XML_CTYPE_SEQ)
print(expat.native_encoding, type(expat.version_info).__name__, expat.EXPAT_VERSION.startswith("expat_"))

log = []
def mk(name):
    def h(*args):
        log.append((name,) + args)
    return h

doc = b"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<!DOCTYPE root [
  <!ELEMENT root (a|b)*>
  <!ATTLIST root x CDATA "dflt">
  <!ENTITY ent "entity text">
  <!NOTATION gif SYSTEM "image/gif">
]>
<root y="1"><a>text one &ent; two</a><!-- comment --><?target some data?><b><![CDATA[cd<ata]]></b></root>
"""
p = expat.ParserCreate()
for name in ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "CommentHandler",
             "ProcessingInstructionHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
             "XmlDeclHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "ElementDeclHandler",
             "AttlistDeclHandler", "EntityDeclHandler", "NotationDeclHandler"]:
    setattr(p, name, mk(name))
print(p.Parse(doc, True))
for entry in log:
    print(entry)

# buffer_text joins character data; ordered/specified attributes
for buffer_text in (False, True):
    p = expat.ParserCreate()
    p.buffer_text = buffer_text
    chunks = []
    p.CharacterDataHandler = chunks.append
    p.Parse("<r>one &amp; two\nthree<![CDATA[ four ]]>five</r>", True)
    print(buffer_text, chunks, p.buffer_size, p.buffer_used)

p = expat.ParserCreate()
p.ordered_attributes = True
p.StartElementHandler = lambda n, a: print("ordered", n, a)
p.Parse('<e z="1" a="2" m="3"/>', True)
p = expat.ParserCreate()
p.specified_attributes = True
p.StartElementHandler = lambda n, a: print("specified", n, a)
p.Parse('<!DOCTYPE e [<!ATTLIST e d CDATA "x">]><e s="1"/>', True)

# namespaces
p = expat.ParserCreate(namespace_separator="|")
p.StartElementHandler = lambda n, a: print("ns start", n, a)
p.StartNamespaceDeclHandler = lambda pre, uri: print("ns decl", pre, uri)
p.EndNamespaceDeclHandler = lambda pre: print("ns end", pre)
p.Parse('<r xmlns="urn:d" xmlns:q="urn:q"><q:c q:at="v" plain="w"/></r>', True)
p = expat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
p.StartElementHandler = lambda n, a: print("triplet", n, a)
p.Parse('<q:c xmlns:q="urn:q" q:at="v"/>', True)
try:
    expat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print("ValueError:", e)

# incremental parsing, positions, DefaultHandler
p = expat.ParserCreate()
p.DefaultHandler = lambda d: print("default", repr(d))
p.StartElementHandler = lambda n, a: print("start", n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
for piece in ["<ro", "ot>\n  <ch", "ild/>", "</root>"]:
    p.Parse(piece)
p.Parse("", True)

# errors
def bad(data, **kw):
    p = expat.ParserCreate(**kw)
    try:
        p.Parse(data, True)
        print("no error")
    except expat.ExpatError as e:
        print(type(e).__name__, e, e.code, e.lineno, e.offset, expat.ErrorString(e.code) == expat.errors.messages[e.code])
        print("  ", p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
    except LookupError as e:
        print("LookupError:", e)

bad("<a>\n<b>\n</a>")
bad("<a>")
bad("")
bad("<a></a><b/>")
bad("<a>&nope;</a>")
bad("<a x='1' x='2'/>")
bad("<a>\x00</a>".encode())
bad("<q:a/>", namespace_separator=":")
bad(b"<?xml version='1.0' encoding='x-no-such-codec'?><a/>")

# exceptions from handlers propagate and remove the handlers
p = expat.ParserCreate()
def boom(name, attrs):
    raise ValueError("handler failed on " + name)
p.StartElementHandler = boom
try:
    p.Parse("<a><b/></a>", True)
except ValueError as e:
    print("ValueError:", e, p.StartElementHandler)

# ParseFile
import io
p = expat.ParserCreate()
p.CharacterDataHandler = lambda d: None
seen = []
p.StartElementHandler = lambda n, a: seen.append(n)
p.ParseFile(io.BytesIO(b"<r>" + b"<x/>" * 1000 + b"</r>"))
print(len(seen), seen[:2])
try:
    expat.ParserCreate().ParseFile(io.StringIO("<r/>"))
except TypeError as e:
    print("TypeError:", e)

# intern
p = expat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse("<tag><tag/><tag/></tag>", True)
print(names[0] is names[1] is names[2], sorted(p.intern))
print(type(p).__name__, expat.XMLParserType.__name__)
