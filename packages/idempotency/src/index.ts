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
export { idempotencyTableSql } from './tables.ts'
