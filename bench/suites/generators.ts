/** Generating one transaction: our seeded factory against the schema-driven generators. */
import { schemas } from '../../src/contract/index.js';
import { createFixtures } from '../../src/factory/index.js';
import { consume, measure, type Results } from '../harness.js';
import { GENERATE, GENERATORS as NAMES } from '../names.js';
import { generatorPeers } from '../peers.js';

export async function run(results: Results): Promise<void> {
  const gen = createFixtures({ seed: 'gen' });
  const schema = schemas.customer_balance_transaction;
  await measure(
    results,
    GENERATE,
    NAMES.ours,
    () => {
      for (let i = 0; i < 100; i++) consume(gen.balanceTransaction());
    },
    { batch: 100 },
  );
  await measure(
    results,
    GENERATE,
    NAMES.jsonSchemaFaker,
    () => consume(generatorPeers.jsonSchemaFaker(schema)),
    {
      note: 'random strings, negative timestamps',
    },
  );
  await measure(
    results,
    GENERATE,
    NAMES.openapiSampler,
    () => {
      for (let i = 0; i < 100; i++) consume(generatorPeers.openapiSampler(schema));
    },
    { batch: 100, note: 'placeholders ("id": "string")' },
  );
}
