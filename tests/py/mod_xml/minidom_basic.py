# xml.dom.minidom and pulldom over pyexpat.
import xml.dom.minidom as minidom
from xml.dom import pulldom
from xml.parsers.expat import ExpatError

doc = minidom.parseString(
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY who "world">]>'
    '<r xmlns:x="urn:x" a="1"><x:greet lang="en">hello &who;</x:greet>'
    '<!--note--><list><i>1</i><i>2</i></list><![CDATA[a<b]]></r>'
)
r = doc.documentElement
print(r.tagName, r.getAttribute("a"), r.attributes.length)
g = r.getElementsByTagName("x:greet")[0]
print(g.namespaceURI, g.localName, g.prefix, g.firstChild.data, g.getAttribute("lang"))
print([n.firstChild.data for n in r.getElementsByTagName("i")])
print([n.nodeType for n in r.childNodes])
print(doc.doctype.name, doc.doctype.entities.length, doc.doctype.entities.item(0).nodeName, doc.doctype.entities.item(0).firstChild.data)
print(doc.toxml())
print(doc.toprettyxml(indent="  "))
new = doc.createElement("added")
new.appendChild(doc.createTextNode("t & <u>"))
r.appendChild(new)
print(new.toxml())

try:
    minidom.parseString("<a><b></a>")
except ExpatError as e:
    print("ExpatError:", e, e.code, e.lineno, e.offset)

events = pulldom.parseString("<root><a>1</a><b x='y'>2</b></root>")
for ev, node in events:
    if ev == pulldom.START_ELEMENT:
        print(ev, node.tagName, dict(node.attributes.items()))
        if node.tagName == "b":
            events.expandNode(node)
            print(node.toxml())
