# check-stderr
# Custom exception classes in __main__ are shown without a module prefix.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed


class Wallet:
    def __init__(self, amount):
        self.amount = amount

    def spend(self, cost):
        if cost > self.amount:
            raise InsufficientFunds(cost, self.amount)
        self.amount -= cost


w = Wallet(10)
w.spend(4)
print("left:", w.amount)
w.spend(7)
