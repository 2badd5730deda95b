import type { Node } from '../load-spec.js';

/** `#/components/schemas/X` → `#/definitions/X`: every generated schema carries its own definitions. */
export function ref(node: Node): Node {
  if (typeof node.$ref !== 'string') return node;
  const match = /^#\/components\/schemas\/(.+)$/.exec(node.$ref);
  if (!match) throw new Error(`unsupported $ref ${node.$ref}: only #/components/schemas/* is allowed`);
  return { $ref: `#/definitions/${match[1]}` };
}
