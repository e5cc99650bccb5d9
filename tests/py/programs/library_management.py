# Library management: books, members, loans with due dates (day numbers), fines and reports.
class LibraryError(Exception):
    pass
class Book:
    def __init__(self, isbn, title, author, copies=1):
        self.isbn, self.title, self.author = isbn, title, author
        self.copies = copies
        self.available = copies
    def __repr__(self):
        return f"<{self.title} by {self.author} ({self.available}/{self.copies})>"
class Member:
    MAX_LOANS = 2
    def __init__(self, member_id, name):
        self.member_id, self.name = member_id, name
        self.loans = {}
        self.fines = 0
class Library:
    LOAN_DAYS = 14
    FINE_PER_DAY = 25
    def __init__(self):
        self.books, self.members, self.history = {}, {}, []
        self.today = 0
    def add_book(self, *args, **kw):
        b = Book(*args, **kw)
        if b.isbn in self.books:
            self.books[b.isbn].copies += b.copies
            self.books[b.isbn].available += b.copies
        else:
            self.books[b.isbn] = b
    def join(self, member_id, name):
        self.members[member_id] = Member(member_id, name)
    def checkout(self, member_id, isbn):
        m = self.members.get(member_id)
        b = self.books.get(isbn)
        if m is None or b is None:
            raise LibraryError(f"unknown member or book: {member_id}/{isbn}")
        if m.fines:
            raise LibraryError(f"{m.name} owes {m.fines / 100:.2f} in fines")
        if len(m.loans) >= Member.MAX_LOANS:
            raise LibraryError(f"{m.name} already has {len(m.loans)} loans")
        if isbn in m.loans:
            raise LibraryError(f"{m.name} already borrowed {b.title!r}")
        if not b.available:
            raise LibraryError(f"no copies of {b.title!r} available")
        b.available -= 1
        m.loans[isbn] = self.today + self.LOAN_DAYS
        self.history.append((self.today, "out", m.name, b.title))
    def checkin(self, member_id, isbn):
        m = self.members[member_id]
        if isbn not in m.loans:
            raise LibraryError(f"{m.name} did not borrow {isbn}")
        due = m.loans.pop(isbn)
        late = max(0, self.today - due)
        m.fines += late * self.FINE_PER_DAY
        self.books[isbn].available += 1
        self.history.append((self.today, "in", m.name, self.books[isbn].title))
        return late
    def pay(self, member_id, cents):
        m = self.members[member_id]
        paid = min(cents, m.fines)
        m.fines -= paid
        return paid
    def overdue(self):
        return sorted((due, m.name, self.books[i].title) for m in self.members.values() for i, due in m.loans.items() if due < self.today)
lib = Library()
lib.add_book("111", "Dune", "Herbert", copies=2)
lib.add_book("222", "Emma", "Austen")
lib.add_book("333", "Ulysses", "Joyce")
lib.add_book("111", "Dune", "Herbert")
lib.join(1, "Ann")
lib.join(2, "Ben")
def attempt(action, *args):
    try:
        result = getattr(lib, action)(*args)
        print(f"day {lib.today:>2} {action}{args} -> {result}")
    except LibraryError as e:
        print(f"day {lib.today:>2} {action}{args} !! {e}")
attempt("checkout", 1, "111")
attempt("checkout", 1, "222")
attempt("checkout", 1, "333")
attempt("checkout", 2, "222")
attempt("checkout", 2, "111")
attempt("checkout", 2, "111")
attempt("checkout", 3, "111")
lib.today = 10
attempt("checkin", 1, "222")
attempt("checkout", 2, "222")
lib.today = 20
print("overdue:", lib.overdue())
attempt("checkin", 1, "111")
attempt("checkout", 1, "333")
attempt("pay", 1, 100)
attempt("checkout", 1, "333")
attempt("pay", 1, 1000)
attempt("checkout", 1, "333")
attempt("checkin", 2, "333")
print(sorted(lib.books.values(), key=lambda b: b.title))
for day, kind, who, title in lib.history:
    print(f"{day:>3} {kind:<3} {who:<4} {title}")
print({m.name: (sorted(m.loans.items()), m.fines) for m in lib.members.values()})
