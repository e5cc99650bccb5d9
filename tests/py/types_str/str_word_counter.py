# Word frequency counter over a text, with normalisation and ranking.
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""
def normalize(word):
    return word.strip(".,;:!?\"'()").lower()
def count_words(text):
    counts = {}
    for raw in text.split():
        w = normalize(raw)
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts
counts = count_words(TEXT)
print("distinct words:", len(counts), "total:", sum(counts.values()))
ranking = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranking[:8]:
    print(f"{word:<12}{n:>3} {'#' * n}")
print("hapax legomena:", sorted(w for w, n in counts.items() if n == 1))
by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("top letters:", top)
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), "clauses; longest:", max(sentences, key=len))
print("average word length: %.3f" % (sum(len(w) * n for w, n in counts.items()) / sum(counts.values())))
