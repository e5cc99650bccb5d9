def loops(xs):
    while xs:
        if xs.pop():
            break
        else:
            continue
    else:
        done()
    for i in xs:
        try:
            if i:
                return i
        finally:
            cleanup()
    else:
        return None

def handlers():
    try:
        risky()
    except (ValueError, TypeError) as e:
        print(e)
    except Exception:
        raise RuntimeError("x") from None
    else:
        ok()
    finally:
        fin()

def withs(p):
    with open(p) as f, lock:
        return f.read()

def groups():
    try:
        risky()
    except* ValueError as eg:
        handle(eg)
    except* TypeError:
        pass
