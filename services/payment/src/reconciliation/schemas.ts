import { t } from '@myshop/http'
import { providerNames } from '../payments/provider.ts'
import { paymentSchema } from '../payments/schemas.ts'
import { differenceKinds } from './model.ts'

const sideSchema = t.Object({
  status: t.String(),
  amount: t.Integer(),
  capturedAmount: t.Integer(),
  refundedAmount: t.Integer({ description: 'Refunded successfully, in minor units' }),
})

export const differenceSchema = t.Object({
  kind: t.UnionEnum(differenceKinds),
  paymentId: t.Union([t.String(), t.Null()]),
  providerReference: t.Union([t.String(), t.Null()]),
  detail: t.String(),
  ours: t.Union([sideSchema, t.Null()], { description: 'The ledger, or null when it has no such payment' }),
  theirs: t.Union([sideSchema, t.Null()], { description: 'The provider, or null when it has no record' }),
})

const settled = t.Union([t.Literal('succeeded'), t.Literal('pending'), t.Literal('failed')])

export const providerRecordSchema = t.Object({
  reference: t.String(),
  paymentId: t.Union([t.String(), t.Null()]),
  status: t.UnionEnum(['requires_action', 'authorized', 'captured', 'voided', 'failed']),
  amount: t.Integer(),
  currency: t.String(),
  capturedAmount: t.Integer(),
  refundedAmount: t.Integer(),
  captures: t.Array(t.Object({ reference: t.String(), amount: t.Integer(), status: settled })),
  refunds: t.Array(t.Object({ reference: t.String(), amount: t.Integer(), status: settled })),
  createdAt: t.String({ format: 'date-time' }),
})

export const reconciliationQuery = t.Object({
  provider: t.UnionEnum(providerNames, { description: 'The provider to compare the ledger with' }),
  since: t.String({
    format: 'date-time',
    description: 'Payments made from this time on (ISO 8601, such as 2026-12-01T00:00:00Z)',
    examples: ['2026-12-01T00:00:00Z'],
  }),
})

export const reconciliationSchema = t.Object({
  provider: t.String(),
  since: t.String({ format: 'date-time' }),
  checked: t.Integer({ description: 'Payments compared' }),
  differences: t.Array(differenceSchema, { description: 'Empty when the ledger and the provider agree' }),
})

export const providerViewSchema = t.Object({
  payment: paymentSchema,
  provider: t.Union([providerRecordSchema, t.Null()], {
    description: "The provider's record, null when it has none",
  }),
  differences: t.Array(differenceSchema),
})
