/**
 * The redaction rules of recordings, case by case: keys wherever they hide, credential headers
 * whole, email-like values plain and percent-encoded; and what must survive untouched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordingError } from '../../src/errors.js';
import { harEntry, readHar } from '../../src/record/har.js';
import { redactHeader, redactText } from '../../src/record/redact.js';
import { requestKey } from '../../src/record/sessions.js';

describe('redactText', () => {
  it.each([
    ['a secret key', 'key=sk_test_51AbCdEf0123456789', 'key=sk_test_[REDACTED]'],
    ['a live restricted key', 'rk_live_51AbCdEf0123456789', 'rk_live_[REDACTED]'],
    ['a publishable key in JSON', '{"k":"pk_test_51AbCdEf"}', '{"k":"pk_test_[REDACTED]"}'],
    ['a key after percent-encoding', 'Bearer%20sk_test_51AbCdEf', 'Bearer%20sk_test_[REDACTED]'],
    ['a key glued to a word', 'x_sk_live_51AbCdEf', 'x_sk_live_[REDACTED]'],
    ['two keys', 'sk_test_a1 and rk_test_b2', 'sk_test_[REDACTED] and rk_test_[REDACTED]'],
    ['an email in JSON', '{"email":"Jenny.Rosen@Example.co.uk"}', '{"email":"[REDACTED_EMAIL]"}'],
    [
      'an encoded email in a form',
      'metadata[c]=jenny.rosen%40example.com&x=1',
      'metadata[c]=[REDACTED_EMAIL]&x=1',
    ],
    ['a plus-addressed email', 'a%2Bb%40ex.com', '[REDACTED_EMAIL]'],
  ])('redacts %s', (_what, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['ids', 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI cus_NcjdgdwZyI9Rj7 req_8hT2kLmN0pQr'],
    ['masked keys Stripe echoes', 'Invalid API Key provided: sk_test_********4242'],
    ['already redacted text', 'sk_test_[REDACTED] [REDACTED_EMAIL]'],
    ['an @ that is no email', 'price @ 5 usd, user@localhost'],
    ['a form body', 'amount=-500&currency=usd&metadata[order]=6735&expand[0]=customer'],
  ])('leaves %s alone', (_what, input) => {
    expect(redactText(input)).toBe(input);
  });

  it('stays linear on a long run of letters', () => {
    const long = `${'a'.repeat(2_000_000)}@`;
    expect(redactText(long)).toBe(long);
  });
});

describe('redactHeader', () => {
  it.each([
    ['Authorization', 'Bearer sk_test_51AbCdEf'],
    ['authorization', `Basic ${Buffer.from('sk_test_51AbCdEf:').toString('base64')}`],
    ['Proxy-Authorization', 'Basic abc'],
    ['Cookie', 'session=abc'],
    ['set-cookie', 'session=abc; HttpOnly'],
  ])('blanks the whole %s value', (name, value) => {
    expect(redactHeader(name, value)).toBe('[REDACTED]');
  });

  it('redacts keys and emails in any other header', () => {
    expect(redactHeader('X-Api-Key', 'sk_live_51AbCdEf')).toBe('sk_live_[REDACTED]');
    expect(redactHeader('X-Contact', 'jenny@example.com')).toBe('[REDACTED_EMAIL]');
    expect(redactHeader('Stripe-Version', '2026-10-28.endive')).toBe('2026-10-28.endive');
  });
});

describe('harEntry', () => {
  it('redacts the URL, query, headers and both bodies, and drops transfer headers', () => {
    const entry = harEntry(
      {
        method: 'GET',
        url: 'https://api.stripe.com/v1/customers/cus_1/balance_transactions?key=sk_test_51Leak&email=a%40b.com',
        headers: { authorization: 'Bearer sk_test_51Leak', 'x-forwarded': 'rk_live_51Leak' },
        body: '',
      },
      {
        kind: 'response',
        status: 200,
        headers: {
          'content-type': 'application/json',
          'content-length': '10',
          'transfer-encoding': 'chunked',
        },
        body: '{"description":"sk_live_51Leak for jenny@example.com"}',
      },
      new Date(0),
      12.4,
    );
    expect(entry.request.url).toBe(
      'https://api.stripe.com/v1/customers/cus_1/balance_transactions?key=sk_test_[REDACTED]&email=[REDACTED_EMAIL]',
    );
    expect(entry.request.queryString).toEqual([
      { name: 'key', value: 'sk_test_[REDACTED]' },
      { name: 'email', value: '[REDACTED_EMAIL]' },
    ]);
    expect(entry.request.headers).toEqual([
      { name: 'authorization', value: '[REDACTED]' },
      { name: 'x-forwarded', value: 'rk_live_[REDACTED]' },
    ]);
    expect(entry.request.postData).toBeUndefined();
    expect(entry.response.headers).toEqual([{ name: 'content-type', value: 'application/json' }]);
    expect(entry.response.content.text).toBe('{"description":"sk_live_[REDACTED] for [REDACTED_EMAIL]"}');
    expect(entry.time).toBe(12);
    expect(JSON.stringify(entry)).not.toMatch(/(sk|rk|pk)_(test|live)_[0-9A-Za-z]{4,}/);
  });

  it('records a network error as status 0 with the reason', () => {
    const entry = harEntry(
      { method: 'POST', url: 'https://api.stripe.com/v1/x', headers: {}, body: 'a=1' },
      { kind: 'network-error', error: new Error('socket hang up') },
      new Date(0),
      1,
    );
    expect(entry.response).toMatchObject({ status: 0, _error: 'socket hang up' });
    expect(entry.request.postData).toEqual({ mimeType: 'application/x-www-form-urlencoded', text: 'a=1' });
  });
});

describe('requestKey', () => {
  const url = 'https://api.stripe.com/v1/customers/cus_1/balance_transactions';
  it('ignores parameter order and encoding, and the origin', () => {
    expect(requestKey('POST', url, 'amount=1&currency=usd&metadata[a]=x+y', undefined)).toBe(
      requestKey(
        'post',
        'http://127.0.0.1:1/v1/customers/cus_1/balance_transactions',
        'currency=usd&metadata%5Ba%5D=x%20y&amount=1',
        'application/x-www-form-urlencoded',
      ),
    );
    expect(requestKey('GET', `${url}?limit=2&starting_after=b`, '', undefined)).toBe(
      requestKey('GET', `${url}?starting_after=b&limit=2`, '', undefined),
    );
  });

  it('tells apart other values, paths and methods', () => {
    const base = requestKey('POST', url, 'amount=1', undefined);
    expect(requestKey('POST', url, 'amount=2', undefined)).not.toBe(base);
    expect(requestKey('GET', url, 'amount=1', undefined)).not.toBe(base);
    expect(requestKey('POST', `${url}/cbtxn_1`, 'amount=1', undefined)).not.toBe(base);
  });

  it('tells apart connected accounts (objects are scoped by Stripe-Account); an empty one is none', () => {
    const none = requestKey('DELETE', 'https://api.stripe.com/v1/customers/cus_1', '', undefined);
    const a = requestKey('DELETE', 'https://api.stripe.com/v1/customers/cus_1', '', undefined, 'acct_A');
    expect(a).not.toBe(none);
    expect(
      requestKey('DELETE', 'https://api.stripe.com/v1/customers/cus_1', '', undefined, 'acct_B'),
    ).not.toBe(a);
    expect(requestKey('DELETE', 'https://api.stripe.com/v1/customers/cus_1', '', undefined, '')).toBe(none);
  });
});

describe('readHar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbk-har-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['not JSON', '{', 'is not JSON'],
    ['not a HAR', '{"log":{}}', 'no log.entries array'],
    [
      'an entry without a URL',
      '{"log":{"entries":[{"request":{"method":"GET"},"response":{"status":200}}]}}',
      'entries[0] has no absolute request.url',
    ],
    [
      'an entry without a status',
      '{"log":{"entries":[{"request":{"method":"GET","url":"https://x.test/"},"response":{}}]}}',
      'entries[0] has no response.status',
    ],
  ])('refuses %s with recording_invalid', (_what, content, message) => {
    const file = join(dir, `${message.length}.har`);
    writeFileSync(file, content);
    let thrown: unknown;
    try {
      readHar(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordingError);
    expect(thrown).toMatchObject({ code: 'recording_invalid', file });
    expect((thrown as Error).message).toContain(message);
  });
});
