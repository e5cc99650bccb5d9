import os
import os.path
import xml.dom.minidom as md
from . import sibling
from ..pkg import name as alias, other
from collections import *
