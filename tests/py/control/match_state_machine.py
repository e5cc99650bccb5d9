# A traffic-light / turnstile state machine driven by match statements in a loop.
def turnstile(events):
    state = "locked"
    coins = 0
    history = []
    for ev in events:
        match (state, ev):
            case ("locked", "coin"):
                state = "unlocked"
                coins += 1
            case ("locked", "push"):
                history.append("  push while locked: alarm")
                continue
            case ("unlocked", "push"):
                state = "locked"
            case ("unlocked", "coin"):
                coins += 1
                history.append("  extra coin returned")
                coins -= 1
            case (_, "kick"):
                history.append("  kicked, entering broken state")
                state = "broken"
                break
            case (s, e):
                history.append(f"  unknown event {e!r} in {s}")
        history.append(f"{ev:>5} -> {state}")
    else:
        history.append("all events processed")
    return state, coins, history
for events in (["coin", "push", "push", "coin", "coin", "push"],
               ["push", "coin", "kick", "coin"],
               ["wave"]):
    state, coins, history = turnstile(events)
    print("\n".join(history))
    print("final:", state, "coins:", coins)
def lexer(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        match ch:
            case " " | "\t":
                i += 1
                continue
            case "+" | "-" | "*" | "/" | "(" | ")":
                tokens.append(("OP", ch))
            case d if d.isdigit():
                j = i
                while j < len(text) and text[j].isdigit():
                    j += 1
                tokens.append(("NUM", int(text[i:j])))
                i = j
                continue
            case a if a.isalpha():
                j = i
                while j < len(text) and text[j].isalnum():
                    j += 1
                tokens.append(("NAME", text[i:j]))
                i = j
                continue
            case _:
                tokens.append(("ERR", ch))
        i += 1
    return tokens
print(lexer("x1 + 42*(y - 7) / z ?"))
