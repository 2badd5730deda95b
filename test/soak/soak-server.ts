/**
 * The server side of the soak (test/soak/soak.ts): `startStripeServer()` in its own process, so
 * the RSS the soak samples is the server's alone. Its clock runs 50,000× faster than the wall
 * clock, so the 24-hour idempotency window passes every ~1.7 s and expiry is part of the steady
 * state. Prints the port on stdout once listening.
 */
import { createFixtures, startStripeServer } from '../../src/index.js';

const SPEED = Number(process.env.SOAK_CLOCK_SPEED ?? 50_000);
const origin = Date.now();
// Knobs only for checking that the soak can fail (a huge log, a clock that never expires keys).
const requestLogSize = process.env.SOAK_REQUEST_LOG_SIZE
  ? Number(process.env.SOAK_REQUEST_LOG_SIZE)
  : undefined;
const server = await startStripeServer({
  port: 0,
  now: () => origin + (Date.now() - origin) * SPEED,
  ...(requestLogSize === undefined ? {} : { requestLogSize }),
});
const customer = process.argv[2] ?? 'cus_Soak0000000001';
server.seed(createFixtures({ seed: 'soak' }).ledger({ customer, currency: 'usd', count: 50 }));
process.stdout.write(`${server.port}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
