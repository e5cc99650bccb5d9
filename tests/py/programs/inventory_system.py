# Inventory management: products, stock movements, reorder reports, value by category.
class Product:
    def __init__(self, sku, name, category, price, stock=0, reorder_level=5):
        self.sku = sku
        self.name = name
        self.category = category
        self.price = price
        self.stock = stock
        self.reorder_level = reorder_level
    @property
    def value(self):
        return self.price * self.stock
    def __repr__(self):
        return f"Product({self.sku!r}, stock={self.stock})"
class StockError(Exception):
    pass
class Inventory:
    def __init__(self):
        self.products = {}
        self.log = []
    def add(self, product):
        if product.sku in self.products:
            raise StockError(f"duplicate SKU {product.sku}")
        self.products[product.sku] = product
    def receive(self, sku, qty):
        p = self._get(sku)
        p.stock += qty
        self.log.append(("in", sku, qty))
    def ship(self, sku, qty):
        p = self._get(sku)
        if qty > p.stock:
            raise StockError(f"cannot ship {qty} x {sku}: only {p.stock} in stock")
        p.stock -= qty
        self.log.append(("out", sku, qty))
    def _get(self, sku):
        try:
            return self.products[sku]
        except KeyError:
            raise StockError(f"unknown SKU {sku}") from None
    def needs_reorder(self):
        return sorted((p for p in self.products.values() if p.stock <= p.reorder_level), key=lambda p: p.stock)
    def value_by_category(self):
        totals = {}
        for p in self.products.values():
            totals[p.category] = totals.get(p.category, 0) + p.value
        return dict(sorted(totals.items()))
    def report(self):
        rows = [f"{'SKU':<6}{'Name':<16}{'Cat':<8}{'Price':>8}{'Stock':>7}{'Value':>10}"]
        for p in sorted(self.products.values(), key=lambda p: (p.category, p.name)):
            flag = " *" if p.stock <= p.reorder_level else ""
            rows.append(f"{p.sku:<6}{p.name:<16}{p.category:<8}{p.price:>8.2f}{p.stock:>7}{p.value:>10.2f}{flag}")
        return "\n".join(rows)
inv = Inventory()
for args in [("A1", "Hammer", "tools", 12.5, 10), ("A2", "Screwdriver", "tools", 4.25, 3),
             ("B1", "Paint (red)", "paint", 22.0, 8, 10), ("B2", "Brush", "paint", 3.1, 40),
             ("C1", "Nails (100)", "parts", 2.99, 120, 50)]:
    inv.add(Product(*args))
try:
    inv.add(Product("A1", "Dup", "x", 1))
except StockError as e:
    print("error:", e)
movements = [("ship", "A1", 4), ("receive", "A2", 10), ("ship", "C1", 80), ("ship", "B1", 9),
             ("ship", "Z9", 1), ("receive", "B1", 5), ("ship", "B1", 9), ("ship", "A2", 13)]
for action, sku, qty in movements:
    try:
        getattr(inv, action)(sku, qty)
        print(f"{action:8}{sku} x{qty:<3} ok -> stock {inv.products[sku].stock}")
    except StockError as e:
        print(f"{action:8}{sku} x{qty:<3} FAILED: {e}")
print(inv.report())
print("reorder:", inv.needs_reorder())
print("value by category:", {k: round(v, 2) for k, v in inv.value_by_category().items()})
shipped = {}
for direction, sku, qty in inv.log:
    if direction == "out":
        shipped[sku] = shipped.get(sku, 0) + qty
print("shipped:", shipped, "total units:", sum(shipped.values()))
