/**
 * A customer's balance as Stripe reports it in two places with opposite signs.
 *
 * `customer.balance` (upstream spec, `customer.balance`): "If negative, the customer has credit to
 * apply to their next invoice. If positive, the customer has an amount owed that's added to their
 * next invoice." Transactions' `amount` and `ending_balance` use this sign too.
 *
 * `customer.invoice_credit_balance[currency]` (upstream spec, `customer.invoice_credit_balance`,
 * sent only when expanded): "If positive in a currency, the customer has a credit to apply to their
 * next invoice denominated in that currency. If negative, the customer has an amount owed that's
 * added to their next invoice denominated in that currency."
 *
 * So the same state of one currency is `balance = b` and `invoice_credit_balance[currency] = -b`.
 */

/**
 * The `invoice_credit_balance` entry for a balance in Stripe's `balance` sign (negative = credit):
 * its negation, since there positive is credit. Zero stays `0` (never `-0`, which JSON writes as 0
 * but `Object.is` tells apart).
 */
export function invoiceCreditFromBalance(balance: number): number {
  return balance === 0 ? 0 : -balance;
}

/** The balance, in `balance`'s sign (negative = credit), for an `invoice_credit_balance` entry. */
export function balanceFromInvoiceCredit(invoiceCredit: number): number {
  return invoiceCredit === 0 ? 0 : -invoiceCredit;
}
