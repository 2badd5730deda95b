"""Stripe's official Python client (stripe-python, Debian's python3-stripe) against `serve`:
the customer endpoints, a simulation over the control paths, typed errors and retries.

Usage: python3 customers.py BASE_URL
Prints one JSON line per step; exits non-zero (with the traceback) at the first surprise.
The retry steps print the ids the TypeScript test then looks up in the server's request log.
"""
import json
import sys
import urllib.error
import urllib.request

import stripe

base = sys.argv[1]
stripe.api_key = "sk_test_51PythonCustomersKey"
stripe.api_base = base
stripe.max_network_retries = 0

EMAIL = "ada@example.com"


def step(name, value):
    print(json.dumps({"step": name, "value": value}), flush=True)


def control(path, body):
    """POSTs JSON to one of serve's control paths (no API key), returning the decoded answer."""
    request = urllib.request.Request(
        base + "/_balance_kit/" + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{path}: {error.code} {error.read().decode()}") from error


def ledger(customer_id):
    """The balance invariant: the customer's balance is the newest transaction's ending_balance."""
    customer = stripe.Customer.retrieve(customer_id)
    transactions = stripe.Customer.list_balance_transactions(customer_id, limit=100)
    assert transactions["data"], transactions
    newest = transactions["data"][0]
    assert customer["balance"] == newest["ending_balance"], (customer, newest)
    return {"balance": customer["balance"], "types": [t["type"] for t in transactions["data"]]}


created = stripe.Customer.create(balance=-1500, email=EMAIL, name="Ada Lovelace")
assert created["object"] == "customer" and created["balance"] == -1500, created
# The customer had no currency: the balance went in the default one, which became the customer's.
assert created["currency"] == "usd" and created["email"] == EMAIL, created
customer = created["id"]
step("create", ledger(customer))

fetched = stripe.Customer.retrieve(customer, expand=["invoice_credit_balance"])
assert fetched["name"] == "Ada Lovelace", fetched
step("retrieve", {"balance": fetched["balance"], "invoice_credit_balance": fetched["invoice_credit_balance"]})

modified = stripe.Customer.modify(customer, balance=-400)
assert modified["balance"] == -400, modified
adjustment = stripe.Customer.list_balance_transactions(customer, limit=1)["data"][0]
assert adjustment["amount"] == 1100 and adjustment["currency"] == "usd", adjustment
step("modify", ledger(customer))

others = [stripe.Customer.create(email=EMAIL)["id"] for _ in range(2)]
stripe.Customer.create(email="someone.else@example.com")
page = stripe.Customer.list(email=EMAIL, limit=1)
assert page["has_more"] is True and len(page["data"]) == 1, page
paged = [c["id"] for c in page.auto_paging_iter()]
# Newest first, only the email asked for, each once.
assert paged == [others[1], others[0], customer], (paged, others, customer)
step("list and auto-paging", len(paged))

finalized = control("simulate/invoiceFinalized", {"customer": customer, "amountDue": 1000})
applied = finalized["transaction"]
# The 400 of credit goes to the invoice, the rest is left to pay.
assert applied["type"] == "applied_to_invoice" and applied["amount"] == 400, finalized
assert finalized["amountRemaining"] == 600, finalized
seen = stripe.Customer.list_balance_transactions(customer, limit=1)["data"][0]
assert seen["id"] == applied["id"] and seen["invoice"] == finalized["invoice"], (seen, finalized)
step("simulate invoiceFinalized", ledger(customer))

try:
    stripe.Customer.create(name="x" * 257)
    raise AssertionError("a name over 256 characters was accepted")
except stripe.error.InvalidRequestError as error:
    assert error.http_status == 400, error.http_status
    step("InvalidRequestError name", error.param)

try:
    stripe.Customer.create(nickname="Ada")
    raise AssertionError("an unknown parameter was accepted")
except stripe.error.InvalidRequestError as error:
    assert error.http_status == 400, error.http_status
    step("InvalidRequestError unknown", {"param": error.param, "code": error.code})

try:
    stripe.Customer.list(api_key="sk_test_bad-key!")
    raise AssertionError("a malformed key was accepted")
except stripe.error.AuthenticationError as error:
    step("AuthenticationError", error.http_status)

try:
    stripe.Customer.retrieve(customer, stripe_account="acct_1PythonOtherAcct")
    raise AssertionError("another account's customer was retrieved")
except stripe.error.InvalidRequestError as error:
    step("other account", {"status": error.http_status, "code": error.code})

deleted = stripe.Customer.delete(customer)
assert deleted["deleted"] is True and deleted["id"] == customer, deleted
marker = stripe.Customer.retrieve(customer)
step("delete", {"id": customer, "deleted": marker["deleted"], "fields": sorted(marker.keys())})

missing = {}
for name, call in [
    ("modify", lambda: stripe.Customer.modify(customer, name="Ada")),
    ("delete", lambda: stripe.Customer.delete(customer)),
    ("list_balance_transactions", lambda: stripe.Customer.list_balance_transactions(customer)),
    (
        "create_balance_transaction",
        lambda: stripe.Customer.create_balance_transaction(customer, amount=100, currency="usd"),
    ),
]:
    try:
        call()
        raise AssertionError(f"{name} of a deleted customer succeeded")
    except stripe.error.InvalidRequestError as error:
        assert error.http_status == 404 and customer in str(error.user_message), (name, error)
        missing[name] = {"code": error.code, "param": error.param}
step("resource_missing after delete", missing)

# A 500 before the request runs, then one after it ran with its answer lost: stripe-python retries
# both with the Idempotency-Key it generated, and each create makes exactly one customer.
stripe.max_network_retries = 2
retried = {}
for fault in [{"status": 500}, {"status": 500, "afterApply": True}]:
    assert control("fail_next", fault) == {"queued": True}
    email = "retry-%d@example.com" % len(retried)
    made = stripe.Customer.create(email=email, balance=250)
    assert stripe.Customer.list(email=email)["data"][0]["id"] == made["id"]
    assert len(stripe.Customer.list(email=email)["data"]) == 1
    retried["afterApply" if fault.get("afterApply") else "before"] = {"id": made["id"], "email": email}
    assert ledger(made["id"]) == {"balance": 250, "types": ["initial"]}
step("max_network_retries", retried)
