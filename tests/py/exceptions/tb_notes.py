# check-stderr
# Notes added with add_note() are printed after the exception message.
def process(record):
    try:
        return int(record["qty"])
    except ValueError as err:
        err.add_note(f"while processing record {record['id']}")
        err.add_note("hint: qty must be an integer")
        raise


process({"id": 7, "qty": "seven"})
