# A small banking system: accounts, transfers, interest, statements and error handling.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.account = account
        self.amount = amount
class AccountFrozen(Exception):
    pass
class Account:
    _next_number = 1000
    def __init__(self, owner, balance=0.0):
        Account._next_number += 1
        self.number = Account._next_number
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = [("open", balance)]
    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", -amount))
        return self.balance
    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner!r}, {self.balance:.2f})"
class SavingsAccount(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.balance += interest
        self.history.append(("interest", interest))
        return interest
class CheckingAccount(Account):
    def __init__(self, owner, balance=0.0, overdraft=100.0):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def withdraw(self, amount):
        self._check()
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", -amount))
        return self.balance
class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
    def open(self, kind, owner, **kw):
        acct = kind(owner, **kw)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except Exception:
            a.deposit(amount)
            raise
        return a.balance, b.balance
    def total(self):
        return round(sum(a.balance for a in self.accounts.values()), 2)
    def statement(self, number):
        acct = self.accounts[number]
        lines = [f"Statement for {acct.owner} (#{acct.number})"]
        running = 0.0
        for kind, amount in acct.history:
            running += amount
            lines.append(f"  {kind:<9}{amount:>10.2f}{running:>12.2f}")
        return "\n".join(lines)
bank = Bank("Krait Savings & Loan")
alice = bank.open(SavingsAccount, "alice", balance=500.0, rate=0.05)
bob = bank.open(CheckingAccount, "bob", balance=50.0)
carol = bank.open(Account, "carol")
print(alice, bob, carol)
print(bank.transfer(alice.number, bob.number, 120.5))
print(bob.withdraw(200))
operations = [
    lambda: bob.withdraw(100),
    lambda: carol.deposit(-5),
    lambda: bank.transfer(carol.number, alice.number, 1),
    lambda: bank.transfer(alice.number, 9999, 1),
]
for op in operations:
    try:
        op()
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, "| amount", e.amount)
    except (ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("interest:", alice.add_interest())
carol.frozen = True
try:
    bank.transfer(alice.number, carol.number, 10)
except AccountFrozen as e:
    print("AccountFrozen:", e, "| alice still has", alice.balance)
print(bank.statement(alice.number))
print(bank.statement(bob.number))
print("bank total:", bank.total())
print(sorted(bank.accounts.values(), key=lambda a: a.balance))
