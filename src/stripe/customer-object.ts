/**
 * The customer object as Stripe sends it unexpanded for our API version, with the values
 * Stripe gives a customer created with only the parameters the kit uses: every field of
 * {@link BuiltCustomer} present, null where nothing was set. Shapes follow Stripe's own fixture
 * (stripe-openapi fixtures3.json): `invoice_settings` with its four null members, `tax_exempt`
 * `'none'`, `preferred_locales` `[]`, `next_invoice_sequence` from 1.
 */
import type { BuiltCustomer, CustomerAddress, CustomerShipping, Metadata } from '../types.js';

/** `invoice_settings` of a customer nobody configured. */
export function emptyInvoiceSettings(): BuiltCustomer['invoice_settings'] {
  return { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null };
}

/** The address object for the fields given (as the form carries them). */
export function customerAddress(fields: Readonly<Record<string, string>>): CustomerAddress {
  const field = (name: string) => fields[name] ?? null;
  return {
    city: field('city'),
    country: field('country'),
    line1: field('line1'),
    line2: field('line2'),
    postal_code: field('postal_code'),
    state: field('state'),
  };
}

/** The customer's fields the API sets directly (create and update), as the mock keeps them. */
export interface CustomerProfile {
  email: string | null;
  delinquent: boolean;
  name: string | null;
  description: string | null;
  metadata: Metadata;
  invoicePrefix: string;
  nextInvoiceSequence: number;
  phone: string | null;
  address: CustomerAddress | null;
  shipping: CustomerShipping | null;
  preferredLocales: readonly string[];
  taxExempt: 'exempt' | 'none' | 'reverse';
}

/** What a customer object is made of: its profile, and what Stripe decides. */
export interface CustomerObjectInput extends CustomerProfile {
  readonly id: string;
  readonly created: number;
  readonly livemode: boolean;
  readonly currency: string | null;
}

/**
 * The unexpanded customer object for `input`, with `balance` in its currency (no
 * `invoice_credit_balance`: that is expand-only).
 */
export function customerObject(input: CustomerObjectInput, balance: number): BuiltCustomer {
  return {
    id: input.id,
    object: 'customer',
    address: input.address && { ...input.address },
    balance,
    created: input.created,
    currency: input.currency,
    customer_account: null,
    default_source: null,
    delinquent: input.delinquent,
    description: input.description,
    discount: null,
    email: input.email,
    invoice_prefix: input.invoicePrefix,
    invoice_settings: emptyInvoiceSettings(),
    livemode: input.livemode,
    metadata: { ...input.metadata },
    name: input.name,
    next_invoice_sequence: input.nextInvoiceSequence,
    phone: input.phone,
    preferred_locales: [...input.preferredLocales],
    shipping: input.shipping && { ...input.shipping, address: { ...input.shipping.address } },
    tax_exempt: input.taxExempt,
    test_clock: null,
  };
}
