# check-stderr
# Uncaught exception raised inside a method called through another method.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance

    def pay_all(self, bills):
        for bill in bills:
            print(f"paying {bill}, left {self.withdraw(bill)}")


acct = Account("ann", 100)
acct.pay_all([30, 50, 40])
