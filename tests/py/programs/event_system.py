# Observer / event-bus pattern with decorators, priorities, one-shot handlers and error isolation.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.errors = []
    def on(self, event, priority=0, once=False):
        def register(fn):
            self.handlers.setdefault(event, []).append((-priority, len(self.handlers.get(event, [])), fn, once))
            self.handlers[event].sort(key=lambda h: (h[0], h[1]))
            return fn
        return register
    def off(self, event, fn):
        before = len(self.handlers.get(event, []))
        self.handlers[event] = [h for h in self.handlers.get(event, []) if h[2] is not fn]
        return before - len(self.handlers[event])
    def emit(self, event, **payload):
        results = []
        for entry in list(self.handlers.get(event, [])):
            _, _, fn, once = entry
            if once:
                self.handlers[event].remove(entry)
            try:
                result = fn(**payload)
            except Exception as e:
                self.errors.append(f"{event}/{fn.__name__}: {type(e).__name__}: {e}")
                continue
            if result == "stop":
                results.append(f"{fn.__name__} stopped propagation")
                break
            results.append(result)
        for entry in self.handlers.get("*", []):
            entry[2](event=event, **payload)
        return results
bus = EventBus()
audit = []
@bus.on("*")
def audit_all(event, **payload):
    audit.append((event, tuple(sorted(payload))))
@bus.on("order.created")
def send_email(order_id, total):
    return f"email for order {order_id}"
@bus.on("order.created", priority=10)
def reserve_stock(order_id, total):
    return f"stock reserved for {order_id}"
@bus.on("order.created", priority=5)
def fraud_check(order_id, total):
    if total > 1000:
        return "stop"
    return f"fraud check ok ({total})"
@bus.on("order.created", once=True)
def first_order_bonus(order_id, total):
    return f"bonus applied to {order_id}"
@bus.on("order.created", priority=-1)
def flaky_analytics(order_id, total):
    if order_id % 2 == 0:
        raise ConnectionError("analytics backend down")
    return "analytics recorded"
print(bus.emit("order.created", order_id=1, total=50))
print(bus.emit("order.created", order_id=2, total=75))
print(bus.emit("order.created", order_id=3, total=5000))
print("removed:", bus.off("order.created", send_email))
print(bus.emit("order.created", order_id=5, total=10))
print(bus.emit("unknown.event", x=1))
print("errors:", bus.errors)
print("audit:", audit)
print({k: [h[2].__name__ for h in v] for k, v in bus.handlers.items()})
