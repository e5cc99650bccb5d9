"""Generate data/unicode_names.bin: the Unicode character name table used
for \\N{...} escapes, from the running Python's unicodedata.

Format (little-endian):
  u32 word_count, u32 words_blob_len, words_blob (words joined by '\\n'),
  u32 entry_count, then per entry: u24 code point, u8 n, n * u16 word index.
Algorithmic names (CJK/Tangut/Nushu/Khitan ideographs, Hangul syllables)
are left out: the Rust side computes them.
"""
import struct, sys, unicodedata

SKIP = ("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ", "TANGUT IDEOGRAPH-",
        "CJK COMPATIBILITY IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-")

# Common name aliases (NameAliases.txt) accepted by \N{...}; kept if the
# running Python knows them.
ALIASES = """NULL;START OF HEADING;START OF TEXT;END OF TEXT;END OF TRANSMISSION;ENQUIRY;ACKNOWLEDGE;ALERT;BELL;BACKSPACE;
CHARACTER TABULATION;HORIZONTAL TABULATION;LINE FEED;NEW LINE;END OF LINE;LINE TABULATION;VERTICAL TABULATION;FORM FEED;
CARRIAGE RETURN;SHIFT OUT;SHIFT IN;DATA LINK ESCAPE;DEVICE CONTROL ONE;DEVICE CONTROL TWO;DEVICE CONTROL THREE;
DEVICE CONTROL FOUR;NEGATIVE ACKNOWLEDGE;SYNCHRONOUS IDLE;END OF TRANSMISSION BLOCK;CANCEL;END OF MEDIUM;SUBSTITUTE;
ESCAPE;INFORMATION SEPARATOR FOUR;FILE SEPARATOR;INFORMATION SEPARATOR THREE;GROUP SEPARATOR;INFORMATION SEPARATOR TWO;
RECORD SEPARATOR;INFORMATION SEPARATOR ONE;UNIT SEPARATOR;DELETE;PADDING CHARACTER;HIGH OCTET PRESET;BREAK PERMITTED HERE;
NO BREAK HERE;INDEX;NEXT LINE;START OF SELECTED AREA;END OF SELECTED AREA;CHARACTER TABULATION SET;
CHARACTER TABULATION WITH JUSTIFICATION;LINE TABULATION SET;PARTIAL LINE FORWARD;PARTIAL LINE DOWN;PARTIAL LINE BACKWARD;
PARTIAL LINE UP;REVERSE LINE FEED;REVERSE INDEX;SINGLE SHIFT TWO;SINGLE SHIFT THREE;DEVICE CONTROL STRING;PRIVATE USE ONE;
PRIVATE USE TWO;SET TRANSMIT STATE;CANCEL CHARACTER;MESSAGE WAITING;START OF GUARDED AREA;END OF GUARDED AREA;
START OF STRING;SINGLE CHARACTER INTRODUCER;CONTROL SEQUENCE INTRODUCER;STRING TERMINATOR;OPERATING SYSTEM COMMAND;
PRIVACY MESSAGE;APPLICATION PROGRAM COMMAND;NBSP;SHY;BYTE ORDER MARK;BOM;ZWNBSP;ZWSP;ZWNJ;ZWJ;LRM;RLM;LRE;RLE;PDF;LRO;RLO;
WJ;NUL;SOH;STX;ETX;EOT;ENQ;ACK;BEL;BS;HT;LF;VT;FF;CR;SO;SI;DLE;DC1;DC2;DC3;DC4;NAK;SYN;ETB;CAN;EOM;SUB;ESC;FS;GS;RS;US;SP;DEL;
NEL;VS1;VS2;VS3;VS4;VS5;VS6;VS7;VS8;VS9;VS10;VS11;VS12;VS13;VS14;VS15;VS16;CGJ;ALM;MVS;NNBSP;MMSP;
LATIN CAPITAL LETTER GHA;LATIN SMALL LETTER GHA;ZERO WIDTH NO-BREAK SPACE;WORD JOINER;
LEFT-TO-RIGHT EMBEDDING;RIGHT-TO-LEFT EMBEDDING;POP DIRECTIONAL FORMATTING;LEFT-TO-RIGHT OVERRIDE;RIGHT-TO-LEFT OVERRIDE"""

def main(out):
    entries = {}
    for cp in range(0x110000):
        try:
            n = unicodedata.name(chr(cp))
        except ValueError:
            continue
        if n.startswith(SKIP):
            continue
        entries[n] = cp
    for a in ALIASES.replace("\n", "").split(";"):
        a = a.strip()
        if not a or a in entries:
            continue
        try:
            ch = unicodedata.lookup(a)
        except KeyError:
            continue
        if len(ch) == 1:
            entries[a] = ord(ch)
    words = {}
    for n in entries:
        for w in n.split(" "):
            words[w] = words.get(w, 0) + 1
    wlist = sorted(words, key=lambda w: -words[w])
    widx = {w: i for i, w in enumerate(wlist)}
    blob = "\n".join(wlist).encode()
    parts = [struct.pack("<II", len(wlist), len(blob)), blob, struct.pack("<I", len(entries))]
    for n, cp in entries.items():
        ws = n.split(" ")
        parts.append(struct.pack("<I", cp)[:3] + bytes([len(ws)]))
        parts.append(b"".join(struct.pack("<H", widx[w]) for w in ws))
    with open(out, "wb") as f:
        f.write(b"".join(parts))

if __name__ == "__main__":
    main(sys.argv[1])
