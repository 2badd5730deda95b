import type { SchemaSet } from './build-schemas.js';

/** The JSON Schemas (draft-07) the validators were compiled from, for users and other tools. */
export function emitSchemas(schemas: SchemaSet, header: string): string {
  const entries = Object.entries(schemas)
    .map(([name, schema]) => `  ${name}: ${JSON.stringify(schema, null, 2).replace(/\n/g, '\n  ')},`)
    .join('\n');
  return `${header}/** Self-contained JSON Schemas (draft-07), one per component of the spec plus \`list_params\` and \`customer_list_params\`. */
export const schemas = {
${entries}
} as const;

/** The name of one generated schema. */
export type SchemaName = keyof typeof schemas;
`;
}
