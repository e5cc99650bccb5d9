# check-stderr
# IndentationError is reported before anything runs.
def greet(name):
    message = "hello " + name
      return message

print(greet("world"))
