/**
 * Compares our trimmed spec with an upstream Stripe spec, field by field. A finding "breaks us"
 * when a real Stripe response or request that follows upstream would fail our strict contract
 * (upstream has a field we lack, a type or nullability we refuse, an enum value we don't know,
 * or we require something upstream may omit). Where we are ahead of (or narrower than)
 * upstream, the finding is informational: our spec describes a newer API version.
 */
import { isNode, type Node } from '../load-spec.js';
import { type RefResolver, type Shape, shapeOf } from './shape.js';

export type DriftKind =
  | 'property_added_upstream'
  | 'property_missing_upstream'
  | 'type_changed'
  | 'nullable_upstream_only'
  | 'nullable_ours_only'
  | 'enum_value_added_upstream'
  | 'enum_value_missing_upstream'
  | 'required_ours_only'
  | 'required_upstream_only'
  | 'missing_in_upstream'
  | 'property_trimmed';

export interface DriftFinding {
  /** Where, e.g. `customer_balance_transaction.type` or `POST /v1/…/balance_transactions body.amount`. */
  where: string;
  kind: DriftKind;
  breaking: boolean;
  detail: string;
}

const BREAKING: Record<DriftKind, boolean> = {
  property_added_upstream: true,
  property_missing_upstream: false,
  type_changed: true,
  nullable_upstream_only: true,
  nullable_ours_only: false,
  enum_value_added_upstream: true,
  enum_value_missing_upstream: false,
  required_ours_only: true,
  required_upstream_only: false,
  missing_in_upstream: true,
  // Upstream has it, and our spec names it in `x-trimmedUpstream`: left out on purpose.
  property_trimmed: false,
};

/** Our names for the compared parts, and where each lives in a Stripe spec. */
const COMPARED_SCHEMAS = ['customer_balance_transaction', 'customer', 'deleted_customer'] as const;
const LIST_PATH = '/v1/customers/{customer}/balance_transactions';
const ITEM_PATH = '/v1/customers/{customer}/balance_transactions/{transaction}';
const CUSTOMERS_PATH = '/v1/customers';
const CUSTOMER_PATH = '/v1/customers/{customer}';

/** Request bodies compared: method, path, label. */
const BODIES: readonly (readonly [string, string, string])[] = [
  ['post', LIST_PATH, 'create'],
  ['post', ITEM_PATH, 'update'],
  ['post', CUSTOMERS_PATH, 'customer create'],
  ['post', CUSTOMER_PATH, 'customer update'],
];
/** GET query strings compared: path, label. */
const QUERIES: readonly (readonly [string, string])[] = [
  [LIST_PATH, 'list'],
  [ITEM_PATH, 'retrieve'],
  [CUSTOMERS_PATH, 'customer list'],
  [CUSTOMER_PATH, 'customer retrieve'],
];
/** 200 responses compared (upstream writes the list envelopes inline): method, path, label. */
const RESPONSES: readonly (readonly [string, string, string])[] = [['get', CUSTOMERS_PATH, 'customer list']];

function resolverFor(doc: Node): RefResolver {
  return (ref) => {
    if (!ref.startsWith('#/')) return undefined;
    let cursor: unknown = doc;
    for (const part of ref.slice(2).split('/')) cursor = isNode(cursor) ? cursor[part] : undefined;
    return isNode(cursor) ? cursor : undefined;
  };
}

function finding(where: string, kind: DriftKind, detail: string): DriftFinding {
  return { where, kind, breaking: BREAKING[kind], detail };
}

/** Compares two shapes of the same field; recurses one level into object properties. */
export function compareShapes(where: string, ours: Shape, upstream: Shape, out: DriftFinding[]): void {
  const ourTypes = ours.types.join('|');
  const theirTypes = upstream.types.join('|');
  if (ourTypes !== theirTypes && upstream.types.length > 0) {
    out.push(finding(where, 'type_changed', `ours ${ourTypes || '(any)'}, upstream ${theirTypes}`));
  }
  if (upstream.nullable && !ours.nullable)
    out.push(finding(where, 'nullable_upstream_only', 'upstream allows null'));
  if (ours.nullable && !upstream.nullable)
    out.push(finding(where, 'nullable_ours_only', 'only ours allows null'));
  if (ours.enum || upstream.enum) {
    const mine = new Set(ours.enum ?? []);
    const theirs = new Set(upstream.enum ?? []);
    for (const value of theirs) {
      if (!mine.has(value))
        out.push(finding(where, 'enum_value_added_upstream', `upstream value '${value}'`));
    }
    for (const value of mine) {
      if (!theirs.has(value)) out.push(finding(where, 'enum_value_missing_upstream', `our value '${value}'`));
    }
  }
  if (ours.properties && upstream.properties) compareProperties(where, ours, upstream, out);
}

/** Nested objects (metadata, expanded resources) are compared by type only, not field by field. */
function withoutProperties({ properties: _properties, ...shape }: Shape): Shape {
  return shape;
}

function compareProperties(where: string, ours: Shape, upstream: Shape, out: DriftFinding[]): void {
  const mine = ours.properties ?? {};
  const theirs = upstream.properties ?? {};
  const trimmed = new Set(ours.trimmed ?? []);
  for (const name of Object.keys(theirs).sort()) {
    if (name in mine) continue;
    if (trimmed.has(name)) out.push(finding(`${where}.${name}`, 'property_trimmed', 'left out on purpose'));
    else out.push(finding(`${where}.${name}`, 'property_added_upstream', 'not in our spec'));
  }
  for (const name of Object.keys(mine).sort()) {
    const theirShape = theirs[name];
    const myShape = mine[name];
    if (!myShape) continue;
    if (!theirShape) out.push(finding(`${where}.${name}`, 'property_missing_upstream', 'only in our spec'));
    else compareShapes(`${where}.${name}`, withoutProperties(myShape), withoutProperties(theirShape), out);
  }
  const myRequired = new Set(ours.required ?? []);
  const theirRequired = new Set(upstream.required ?? []);
  for (const name of myRequired) {
    if (!theirRequired.has(name))
      out.push(finding(`${where}.${name}`, 'required_ours_only', 'we require it'));
  }
  for (const name of theirRequired) {
    if (!myRequired.has(name) && name in mine) {
      out.push(finding(`${where}.${name}`, 'required_upstream_only', 'upstream requires it'));
    }
  }
}

function operation(doc: Node, path: string, method: string): Node | undefined {
  const paths = doc.paths;
  const item = isNode(paths) ? paths[path] : undefined;
  const op = isNode(item) ? item[method] : undefined;
  return isNode(op) ? op : undefined;
}

function bodySchema(doc: Node, op: Node | undefined): Node | undefined {
  return contentSchema(doc, op?.requestBody, 'application/x-www-form-urlencoded');
}

/** The JSON schema of an operation's 200 response. */
function responseSchema(doc: Node, op: Node | undefined): Node | undefined {
  const responses = op?.responses;
  return contentSchema(doc, isNode(responses) ? responses['200'] : undefined, 'application/json');
}

/** The schema of `holder` (a request body or a response, either may be a `$ref`) for `mediaType`, resolved. */
function contentSchema(doc: Node, holder: unknown, mediaType: string): Node | undefined {
  const resolve = resolverFor(doc);
  const resolved = (node: unknown) =>
    isNode(node) && typeof node.$ref === 'string' ? resolve(node.$ref) : node;
  const owner = resolved(holder);
  const content = isNode(owner) ? owner.content : undefined;
  const media = isNode(content) ? content[mediaType] : undefined;
  const schema = resolved(isNode(media) ? media.schema : undefined);
  return isNode(schema) ? schema : undefined;
}

/**
 * Query parameters of an operation as one object schema (path and operation level); the
 * operation's `x-trimmedUpstream` carries over.
 */
function querySchema(doc: Node, path: string, method: string): Node | undefined {
  const op = operation(doc, path, method);
  if (!op) return undefined;
  const resolve = resolverFor(doc);
  const item = isNode(doc.paths) ? (doc.paths as Node)[path] : undefined;
  const params = [
    ...((isNode(item) && Array.isArray(item.parameters) ? item.parameters : []) as unknown[]),
    ...((Array.isArray(op.parameters) ? op.parameters : []) as unknown[]),
  ];
  const properties: Node = {};
  for (const raw of params) {
    const param = isNode(raw) && typeof raw.$ref === 'string' ? resolve(raw.$ref) : raw;
    if (isNode(param) && param.in === 'query' && typeof param.name === 'string' && isNode(param.schema)) {
      properties[param.name] = param.schema;
    }
  }
  const schema: Node = { type: 'object', properties };
  if (Array.isArray(op['x-trimmedUpstream'])) schema['x-trimmedUpstream'] = op['x-trimmedUpstream'];
  return schema;
}

export function compareSpecs(ours: Node, upstream: Node): DriftFinding[] {
  const out: DriftFinding[] = [];
  const ourResolve = resolverFor(ours);
  const theirResolve = resolverFor(upstream);
  const ourSchemas = (isNode(ours.components) && (ours.components as Node).schemas) as Node;
  const theirSchemas = (isNode(upstream.components) && (upstream.components as Node).schemas) as Node | false;

  for (const name of COMPARED_SCHEMAS) {
    const mine = ourSchemas?.[name];
    const theirs = theirSchemas ? theirSchemas[name] : undefined;
    if (!isNode(theirs)) {
      out.push(finding(name, 'missing_in_upstream', 'upstream has no such schema'));
      continue;
    }
    if (isNode(mine)) compareShapes(name, shapeOf(mine, ourResolve), shapeOf(theirs, theirResolve), out);
  }

  for (const [method, path, label] of BODIES) {
    const mine = bodySchema(ours, operation(ours, path, method));
    const theirs = bodySchema(upstream, operation(upstream, path, method));
    const where = `${method.toUpperCase()} ${path} (${label}) body`;
    if (!theirs) out.push(finding(where, 'missing_in_upstream', 'upstream has no such operation'));
    else if (mine) compareShapes(where, shapeOf(mine, ourResolve), shapeOf(theirs, theirResolve), out);
  }
  for (const [path, label] of QUERIES) {
    const mine = querySchema(ours, path, 'get');
    const theirs = querySchema(upstream, path, 'get');
    const where = `GET ${path} (${label}) query`;
    if (!theirs) out.push(finding(where, 'missing_in_upstream', 'upstream has no such operation'));
    else if (mine) compareShapes(where, shapeOf(mine, ourResolve), shapeOf(theirs, theirResolve), out);
  }
  for (const [method, path, label] of RESPONSES) {
    const mine = responseSchema(ours, operation(ours, path, method));
    const theirs = responseSchema(upstream, operation(upstream, path, method));
    const where = `${method.toUpperCase()} ${path} (${label}) response`;
    if (!theirs) out.push(finding(where, 'missing_in_upstream', 'upstream has no such operation'));
    else if (mine) compareShapes(where, shapeOf(mine, ourResolve), shapeOf(theirs, theirResolve), out);
  }
  return out;
}

export function formatFindings(findings: DriftFinding[]): string {
  if (findings.length === 0) return 'No drift: our spec matches upstream for every compared field.';
  const lines = findings.map(
    (f) => `${f.breaking ? 'BREAKING' : 'info    '}  ${f.where}: ${f.kind} (${f.detail})`,
  );
  const breaking = findings.filter((f) => f.breaking).length;
  lines.push('', `${findings.length} finding(s), ${breaking} breaking.`);
  return lines.join('\n');
}
