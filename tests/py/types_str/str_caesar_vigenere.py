# Classical ciphers implemented with str methods and ord/chr.
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isascii() and ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
msg = "Attack at Dawn! Meet @ the old-mill, 5pm."
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3) == msg, caesar(msg, 26) == msg, caesar(msg, -1))
def vigenere(text, key, decrypt=False):
    out = []
    k = 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - ord("a")
            if decrypt:
                shift = -shift
            out.append(caesar(ch, shift))
            k += 1
        else:
            out.append(ch)
    return "".join(out)
v = vigenere(msg, "lemon")
print(v, vigenere(v, "lemon", decrypt=True) == msg)
def crack_caesar(ciphertext):
    common = "etaoinshrdlu"
    best = None
    for shift in range(26):
        candidate = caesar(ciphertext, -shift)
        score = sum(common.find(c) != -1 and (12 - common.index(c)) for c in candidate.lower() if c.isalpha())
        if best is None or score > best[0]:
            best = (score, shift, candidate)
    return best[1], best[2]
print(crack_caesar(caesar("the secret message is hidden in plain sight", 11)))
def atbash(text):
    table = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                          "zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA")
    return text.translate(table)
print(atbash("Hello World"), atbash(atbash("Round Trip")))
def rail_fence(text, rails):
    rows = [[] for _ in range(rails)]
    r, step = 0, 1
    for ch in text:
        rows[r].append(ch)
        if r == 0:
            step = 1
        elif r == rails - 1:
            step = -1
        r += step
    return "".join("".join(row) for row in rows)
print(rail_fence("WEAREDISCOVEREDFLEEATONCE", 3))
