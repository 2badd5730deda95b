"""Stripe's official Python client (stripe-python, Debian's python3-stripe) against `serve`.

Usage: python3 balance_transactions.py BASE_URL CUSTOMER
Prints one JSON line per step; exits non-zero (with the traceback) at the first surprise.
"""
import json
import sys

import stripe

base, customer = sys.argv[1], sys.argv[2]
stripe.api_key = "sk_test_51PythonClientKey"
stripe.api_base = base
stripe.max_network_retries = 0


def step(name, value):
    print(json.dumps({"step": name, "value": value}), flush=True)


created = stripe.Customer.create_balance_transaction(
    customer, amount=-500, currency="usd", description="Goodwill credit", metadata={"order": "6735"}
)
assert created["object"] == "customer_balance_transaction", created
assert created["ending_balance"] == -500 and created["metadata"]["order"] == "6735", created
step("create", created["id"])

again = stripe.Customer.create_balance_transaction(
    customer, amount=200, currency="usd", idempotency_key="python-order-6736"
)
replayed = stripe.Customer.create_balance_transaction(
    customer, amount=200, currency="usd", idempotency_key="python-order-6736"
)
assert again["id"] == replayed["id"], (again, replayed)
step("idempotent replay", replayed["id"])

fetched = stripe.Customer.retrieve_balance_transaction(customer, created["id"], expand=["customer"])
assert fetched["customer"]["id"] == customer and fetched["customer"]["balance"] == -300, fetched
step("retrieve with expand", fetched["customer"]["balance"])

updated = stripe.Customer.modify_balance_transaction(
    customer, created["id"], description="Corrected", metadata={"order": ""}
)
assert updated["description"] == "Corrected" and "order" not in updated["metadata"], updated
step("update", updated["description"])

page = stripe.Customer.list_balance_transactions(customer, limit=1)
assert page["has_more"] is True and page["data"][0]["id"] == again["id"], page
everything = [t["id"] for t in page.auto_paging_iter()]
assert everything == [again["id"], created["id"]], everything
step("list and auto-paging", everything)

try:
    stripe.Customer.create_balance_transaction(customer, amount="abc", currency="usd")
    raise AssertionError("an invalid amount was accepted")
except stripe.error.InvalidRequestError as error:
    assert error.param == "amount" and error.http_status == 400, (error.param, error.http_status)
    step("InvalidRequestError", error.param)

try:
    stripe.Customer.retrieve_balance_transaction(customer, "cbtxn_DoesNotExist00000000000")
    raise AssertionError("an unknown transaction was retrieved")
except stripe.error.InvalidRequestError as error:
    assert error.code == "resource_missing" and error.http_status == 404, (error.code, error.http_status)
    step("resource_missing", error.code)

try:
    stripe.Customer.list_balance_transactions(customer, api_key="sk_test_bad-key!")
    raise AssertionError("a malformed key was accepted")
except stripe.error.AuthenticationError as error:
    assert error.http_status == 401, error.http_status
    step("AuthenticationError", error.http_status)
