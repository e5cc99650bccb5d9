# Text analysis: sentence splitting, word stats, n-grams, readability score, concordance.
TEXT = """Python is a programming language that lets you work quickly and integrate systems
more effectively. Python is powerful, and fast; plays well with others; runs everywhere.
It is friendly and easy to learn! Is it open? Yes: Python is developed under an open source license."""
def sentences(text):
    out, cur = [], []
    for ch in text.replace("\n", " "):
        cur.append(ch)
        if ch in ".!?":
            s = "".join(cur).strip()
            if s:
                out.append(s)
            cur = []
    rest = "".join(cur).strip()
    if rest:
        out.append(rest)
    return out
def words(text):
    cleaned = "".join(ch.lower() if ch.isalpha() or ch == "'" else " " for ch in text)
    return cleaned.split()
def syllables(word):
    vowels = "aeiouy"
    count, prev = 0, False
    for ch in word:
        is_v = ch in vowels
        if is_v and not prev:
            count += 1
        prev = is_v
    if word.endswith("e") and count > 1:
        count -= 1
    return max(count, 1)
sents = sentences(TEXT)
ws = words(TEXT)
print(len(sents), "sentences,", len(ws), "words,", len(set(ws)), "distinct")
for i, s in enumerate(sents, 1):
    print(f"{i}. ({len(words(s))} words) {s}")
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
print("top:", sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
bigrams = {}
for a, b in zip(ws, ws[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print("bigrams:", [f"{a} {b}" for (a, b), n in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0])) if n > 1])
syl = sum(syllables(w) for w in ws)
score = 206.835 - 1.015 * (len(ws) / len(sents)) - 84.6 * (syl / len(ws))
print(f"syllables={syl} flesch={score:.2f}")
print("longest words:", sorted(set(ws), key=lambda w: (-len(w), w))[:4])
def concordance(word, width=18):
    lines = []
    flat = " ".join(TEXT.split())
    low = flat.lower()
    i = low.find(word)
    while i != -1:
        left = flat[max(0, i - width):i].rjust(width)
        right = flat[i + len(word):i + len(word) + width].ljust(width)
        lines.append(f"{left}[{flat[i:i + len(word)]}]{right}")
        i = low.find(word, i + 1)
    return lines
print("\n".join(concordance("python")))
lengths = {}
for w in ws:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
for n in sorted(lengths):
    print(f"{n:>2} {'*' * lengths[n]}")
