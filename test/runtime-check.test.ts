import { describe, expect, it } from 'vitest';
import { assertSupportedNode, unsupportedNodeMessage } from '../src/runtime-check.js';

describe('the Node.js version check', () => {
  it.each(['20.19.0', '20.20.1', '22.12.0', '22.23.3', '23.0.0', '24.21.0', '26.10.0'])('accepts %s', (v) => {
    expect(unsupportedNodeMessage(v)).toBeUndefined();
    expect(() => assertSupportedNode(v)).not.toThrow();
  });

  it.each(['18.20.4', '20.18.3', '21.7.3', '22.0.0', '22.11.0'])('refuses %s in one line', (v) => {
    expect(unsupportedNodeMessage(v)).toBe(
      `stripe-balance-kit needs Node.js ^20.19 or >=22.12 (this is ${v}): upgrade Node.js.`,
    );
    expect(() => assertSupportedNode(v)).toThrow(
      expect.objectContaining({
        code: 'unsupported_node',
        stack: expect.not.stringMatching(/\n/),
      }),
    );
  });
});
