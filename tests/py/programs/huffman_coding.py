# Huffman coding with deterministic tie-breaking, encoding/decoding and compression stats.
def build_tree(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(count, i, ch) for i, (ch, count) in enumerate(sorted(freq.items()))]
    counter = len(nodes)
    while len(nodes) > 1:
        nodes.sort(key=lambda n: (n[0], n[1]))
        a, b = nodes.pop(0), nodes.pop(0)
        nodes.append((a[0] + b[0], counter, (a, b)))
        counter += 1
    return nodes[0], freq
def make_codes(node, prefix="", table=None):
    table = {} if table is None else table
    _, _, payload = node
    if isinstance(payload, str):
        table[payload] = prefix or "0"
    else:
        make_codes(payload[0], prefix + "0", table)
        make_codes(payload[1], prefix + "1", table)
    return table
def encode(text, codes):
    return "".join(codes[ch] for ch in text)
def decode(bits, tree):
    out, node = [], tree
    if isinstance(tree[2], str):
        return tree[2] * len(bits)
    for bit in bits:
        node = node[2][int(bit)]
        if isinstance(node[2], str):
            out.append(node[2])
            node = tree
    return "".join(out)
def pack(bits):
    padded = bits + "0" * (-len(bits) % 8)
    return bytes(int(padded[i:i + 8], 2) for i in range(0, len(padded), 8))
for text in ["abracadabra", "mississippi river", "aaaaaaa", "the quick brown fox jumps over the lazy dog"]:
    tree, freq = build_tree(text)
    codes = make_codes(tree)
    bits = encode(text, codes)
    assert decode(bits, tree) == text
    print(repr(text))
    for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
        print(f"   {ch!r}: {freq[ch]:>2} -> {codes[ch]}")
    packed = pack(bits)
    print(f"   {len(text) * 8} bits -> {len(bits)} bits ({len(bits) / (len(text) * 8):.1%}), packed {packed.hex()}")
    avg = sum(freq[c] * len(codes[c]) for c in freq) / len(text)
    print(f"   average code length {avg:.3f}, decoded ok: {decode(bits, tree) == text}")
