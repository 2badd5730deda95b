import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC_PATH = resolve(ROOT, 'spec/customer-balance-transactions.openapi.yaml');

/** A JSON-ish OpenAPI / JSON Schema node; the generators walk these structurally. */
export type Node = { [key: string]: unknown };

export interface OpenApiDocument extends Node {
  openapi: string;
  info: { version: string; title: string };
  paths: Record<string, Record<string, Node>>;
  components: { schemas: Record<string, Node>; parameters?: Record<string, Node> };
}

export function loadSpec(path = SPEC_PATH): OpenApiDocument {
  const text = readFileSync(path, 'utf8');
  // `uniqueKeys` makes a duplicated key a hard error instead of a silent overwrite.
  const doc = parse(text, { uniqueKeys: true }) as OpenApiDocument;
  if (!doc || typeof doc !== 'object' || !doc.components?.schemas) {
    throw new Error(`${path}: not an OpenAPI document with components.schemas`);
  }
  return doc;
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a local `#/components/...` reference inside the document. */
export function resolveLocalRef(doc: OpenApiDocument, ref: string): Node {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are supported, got ${ref}`);
  let cursor: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    cursor = isNode(cursor) ? cursor[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  if (!isNode(cursor)) throw new Error(`unresolvable ref ${ref}`);
  return cursor;
}

export function deref(doc: OpenApiDocument, node: Node): Node {
  return typeof node.$ref === 'string' ? resolveLocalRef(doc, node.$ref) : node;
}
