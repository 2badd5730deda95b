/**
 * Custom formats the spec uses. Each is kept as source text because the same function is both
 * registered with AJV at generation time and inlined into the standalone validators.
 */
import type { FormatDefinition } from 'ajv';

export interface FormatSource {
  type: 'number' | 'string';
  /** A self-contained JS function expression. */
  validate: string;
}

export const FORMAT_SOURCES: Record<string, FormatSource> = {
  // Stripe's timestamps are whole seconds since the epoch. The upper bound (9999-12-31T23:59:59Z)
  // rejects millisecond timestamps, the usual mistake when fixtures are built with Date.now().
  'unix-time': {
    type: 'number',
    validate: '(n) => Number.isSafeInteger(n) && n >= 0 && n <= 253402300799',
  },
};

export function compileFormat(source: FormatSource): FormatDefinition<number> | FormatDefinition<string> {
  // Generation-time only, and the source is the constant above: the function AJV runs here is
  // the very text inlined into the standalone module.
  const validate = new Function(`return ${source.validate};`)() as (x: unknown) => boolean;
  return source.type === 'number' ? { type: 'number', validate } : { type: 'string', validate };
}
