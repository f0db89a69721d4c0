export {
  type BeginResult,
  createIdempotency,
  fingerprint,
  type Idempotency,
  type IdempotencyOptions,
  type IdempotencyRequest,
  idempotencyError,
  isValidIdempotencyKey,
  type Proceed,
  type StoredResponse,
} from './idempotency.ts'
export { idempotent } from './idempotent.ts'
export { idempotencyTableSql } from './tables.ts'
