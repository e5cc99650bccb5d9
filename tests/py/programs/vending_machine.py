# A vending machine modelled as an explicit state machine with transitions and change-making.
class VendingError(Exception):
    pass
class Machine:
    COINS = (200, 100, 50, 20, 10, 5)
    def __init__(self, stock, prices, float_coins):
        self.stock = dict(stock)
        self.prices = dict(prices)
        self.coins = dict(float_coins)
        self.state = "idle"
        self.credit = 0
        self.selection = None
        self.log = []
    def _transition(self, new_state, note):
        self.log.append(f"{self.state:>10} -> {new_state:<10} {note}")
        self.state = new_state
    def insert(self, coin):
        if coin not in self.COINS:
            raise VendingError(f"rejected coin {coin}")
        if self.state not in ("idle", "paying"):
            raise VendingError(f"cannot insert coins while {self.state}")
        self.credit += coin
        self.coins[coin] = self.coins.get(coin, 0) + 1
        self._transition("paying", f"credit={self.credit}")
    def select(self, item):
        if self.state != "paying":
            raise VendingError("insert coins first")
        if self.stock.get(item, 0) == 0:
            raise VendingError(f"{item} is sold out")
        price = self.prices[item]
        if self.credit < price:
            raise VendingError(f"{item} costs {price}, credit is {self.credit}")
        change = self._make_change(self.credit - price)
        self.stock[item] -= 1
        self.credit = 0
        self._transition("vending", f"{item} change={change}")
        self._transition("idle", "ready")
        return item, change
    def cancel(self):
        if self.state != "paying":
            raise VendingError("nothing to cancel")
        refund = self._make_change(self.credit)
        self.credit = 0
        self._transition("idle", f"refund={refund}")
        return refund
    def _make_change(self, amount):
        change = []
        remaining = amount
        available = dict(self.coins)
        for coin in self.COINS:
            while remaining >= coin and available.get(coin, 0):
                remaining -= coin
                available[coin] -= 1
                change.append(coin)
        if remaining:
            raise VendingError(f"cannot make change for {amount}")
        self.coins = available
        return change
m = Machine({"cola": 2, "chips": 1, "gum": 0}, {"cola": 120, "chips": 85, "gum": 40}, {10: 2, 20: 1, 50: 1, 5: 0})
script = [("select", "cola"), ("insert", 100), ("insert", 50), ("select", "cola"), ("insert", 200),
          ("select", "chips"), ("insert", 3), ("insert", 100), ("select", "gum"), ("cancel",),
          ("cancel",), ("insert", 100), ("insert", 20), ("select", "cola"), ("insert", 50), ("insert", 50),
          ("select", "cola"), ("cancel",)]
for step in script:
    name, *args = step
    try:
        result = getattr(m, name)(*args)
        print(f"{name}{tuple(args)} -> {result}")
    except VendingError as e:
        print(f"{name}{tuple(args)} !! {e}")
print("\n".join(m.log))
print("stock:", m.stock, "state:", m.state, "credit:", m.credit)
print("coins:", dict(sorted(m.coins.items())))
