/** Record and replay: a test's Stripe traffic saved as redacted HAR, checked against the contract. */
export type { RecordingViolation } from './contract-check.js';
export {
  type RecordingResult,
  type RecordStripeOptions,
  recordStripe,
  type StripeRecording,
} from './record-stripe.js';
