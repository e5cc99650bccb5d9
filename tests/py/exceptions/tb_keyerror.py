# check-stderr
# KeyError shows the repr of the missing key in the last line.
inventory = {"apples": 3, "pears": 5}
for fruit in ["apples", "pears", "plums"]:
    print(fruit, inventory[fruit])
