import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from './load-spec.js';

/** TypeScript types for the spec, via openapi-typescript (no hand-written transforms on top). */
export async function emitTypes(doc: OpenApiDocument, header: string): Promise<string> {
  // openapi-typescript mutates the document it is given; hand it a copy.
  const ast = await openapiTS(structuredClone(doc) as never, { alphabetize: true, silent: true });
  return `${header}${astToString(ast)}`;
}
