import { t } from '@myshop/http'

const id = t.String({ minLength: 1, maxLength: 64 })
const instant = t.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
  maxLength: 40,
  description: 'An ISO 8601 instant',
})

/** One order of history, as `myshop seed` and other shops' exports hand it over. */
export const importedOrderSchema = t.Object(
  {
    orderId: id,
    userId: t.Union([id, t.Null()]),
    currency: t.String({ pattern: '^[A-Z]{3}$' }),
    paidAt: instant,
    lines: t.Array(
      t.Object(
        {
          sku: id,
          productId: id,
          quantity: t.Integer({ minimum: 1, maximum: 1_000_000 }),
          unitPrice: t.Integer({ minimum: 0, maximum: 1_000_000_000 }),
          lineTotal: t.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    refunds: t.Array(
      t.Object(
        {
          refundId: id,
          amount: t.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
          refundedAt: instant,
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
)

/** The body: up to 500 orders; each is checked on its own, so one bad order is rejected by index, not the batch. */
export const orderImportSchema = t.Object(
  {
    orders: t.Array(
      // Each order is checked on its own against importedOrder, so one bad order is rejected by index.
      t.Unknown({
        description: 'An order: orderId, userId, currency, paidAt, lines, refunds',
        examples: [
          {
            orderId: 'ord_1001',
            userId: 'usr_42',
            currency: 'EUR',
            paidAt: '2026-09-01T10:00:00Z',
            lines: [{ sku: 'MUG-BLUE', productId: 'prd_7', quantity: 2, unitPrice: 1250, lineTotal: 2500 }],
            refunds: [{ refundId: 'rf_1', amount: 1250, refundedAt: '2026-09-03T10:00:00Z' }],
          },
        ],
      }),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
)

const fieldError = t.Object({ path: t.String(), message: t.String() })

export const orderImportResultSchema = t.Object({
  accepted: t.Integer({
    description: 'Orders with something recorded: their sale or a refund not known before',
  }),
  duplicates: t.Integer({ description: 'Orders whose sale and refunds were all recorded already' }),
  rejected: t.Array(t.Object({ index: t.Integer(), errors: t.Array(fieldError) })),
})
