/**
 * Validating one transaction and a 100-item page: the precompiled validator, `validate()` with and
 * without its semantic layer, a hand-written guard (the practical ceiling) and the peers, in
 * interleaved rounds; then the two overheads of `validate()`, each from paired windows.
 */
import { validate, validators } from '../../src/contract/index.js';
import { compareInRounds, consume, pairedOverhead, type Results } from '../harness.js';
import { isCustomerBalanceTransaction, isCustomerBalanceTransactionList } from '../hand-guard.js';
import { loadSpec, validationInputs } from '../inputs.js';
import {
  schemaOnlyOverhead,
  semanticOverhead,
  VALIDATION_LABELS,
  VALIDATORS as CANDIDATES,
  validationSection,
} from '../names.js';
import { validatorPeers } from '../peers.js';

export async function run(results: Results): Promise<void> {
  const { one, page } = validationInputs();
  const peers = await validatorPeers(loadSpec());
  const shapes = [
    {
      label: VALIDATION_LABELS[0],
      value: one,
      batch: 1000,
      kind: 'customer_balance_transaction',
      bare: validators.customer_balance_transaction,
      hand: isCustomerBalanceTransaction,
      peers: peers.one,
    },
    {
      label: VALIDATION_LABELS[1],
      value: page,
      batch: 20,
      kind: 'customer_balance_transaction_list',
      bare: validators.customer_balance_transaction_list,
      hand: isCustomerBalanceTransactionList,
      peers: peers.page,
    },
  ] as const;

  for (const { label, value, batch, kind, bare, hand, peers: p } of shapes) {
    // Every contender must accept the valid input, or the comparison is meaningless.
    const sanity: [string, unknown][] = [
      [CANDIDATES.precompiled, bare(value)],
      [CANDIDATES.semantic, validate(kind, value).valid],
      [CANDIDATES.hand, hand(value)],
      [CANDIDATES.ajvRuntime, p.ajvRuntime(value)],
      [CANDIDATES.openapiResponseValidator, p.openapiResponseValidator(value)],
      [CANDIDATES.openapiBackend, p.openapiBackend(value)],
    ];
    for (const [name, ok] of sanity) if (!ok) console.log(`  WARNING: ${name} rejected the valid ${label}`);

    const loop = (f: () => unknown) => () => () => {
      for (let i = 0; i < batch; i++) consume(f());
    };
    const schemaOnly = () => validate(kind, value, { semantic: false });
    const withSemantics = () => validate(kind, value);
    await compareInRounds(
      results,
      validationSection(label),
      [
        { name: CANDIDATES.precompiled, batch, open: loop(() => bare(value)) },
        { name: CANDIDATES.schemaOnly, batch, open: loop(schemaOnly) },
        { name: CANDIDATES.semantic, batch, open: loop(withSemantics) },
        { name: CANDIDATES.hand, batch, open: loop(() => hand(value)) },
        { name: CANDIDATES.ajvRuntime, batch, open: loop(() => p.ajvRuntime(value)) },
        {
          name: CANDIDATES.openapiResponseValidator,
          batch,
          open: loop(() => p.openapiResponseValidator(value)),
        },
        { name: CANDIDATES.openapiBackend, batch, open: loop(() => p.openapiBackend(value)) },
      ],
      { rounds: 7, time: 200, warmupTime: 100 },
    );
    results.overheads.set(
      schemaOnlyOverhead(label),
      pairedOverhead(() => bare(value), schemaOnly),
    );
    results.overheads.set(semanticOverhead(label), pairedOverhead(schemaOnly, withSemantics));
  }
}
