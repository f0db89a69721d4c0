import { describe, expect, test } from 'bun:test'
import {
  declineReasonOf,
  failureOf,
  fromPayPalValue,
  readWebhookEvent,
  recordOfOrder,
  recordsOfTransactions,
  toPayPalValue,
} from './paypal-model.ts'

describe('amounts at PayPal', () => {
  // ISO 4217 minor units, and the string PayPal takes: HUF and TWD count cents at ISO, whole units at PayPal.
  const sent: [number, string, string][] = [
    [1299, 'EUR', '12.99'],
    [5, 'USD', '0.05'],
    [0, 'EUR', '0.00'],
    [500, 'JPY', '500'],
    [1234, 'KWD', '1.234'],
    [150000, 'HUF', '1500'],
    [4200, 'TWD', '42'],
  ]

  test('minor units become the decimal string PayPal takes for the currency, and come back unchanged', () => {
    for (const [amount, currency, value] of sent) {
      expect({ amount, currency, value: toPayPalValue(amount, currency) }).toEqual({
        amount,
        currency,
        value,
      })
      expect({ value, currency, amount: fromPayPalValue(value, currency) }).toEqual({
        value,
        currency,
        amount,
      })
    }
  })

  test('an amount PayPal cannot be sent is null', () => {
    for (const [amount, currency] of [
      [150050, 'HUF'],
      [4201, 'TWD'],
      [-1, 'EUR'],
      [1.5, 'EUR'],
    ] as const)
      expect({ amount, currency, value: toPayPalValue(amount, currency) }).toEqual({
        amount,
        currency,
        value: null,
      })
  })

  test("PayPal's strings with a minus sign or extra zeros read as the same minor units", () => {
    expect(fromPayPalValue('-5.00', 'EUR')).toBe(500)
    expect(fromPayPalValue('1500.00', 'HUF')).toBe(150000)
    expect(fromPayPalValue('500.00', 'JPY')).toBe(500)
    expect(() => fromPayPalValue('5.5', 'JPY')).toThrow()
  })
})

describe('refusals', () => {
  const refusal = (status: number, issue: string) =>
    failureOf(status, { name: 'UNPROCESSABLE_ENTITY', debug_id: 'abc', details: [{ issue }] })

  test("PayPal's issues become MyShop's reasons", () => {
    expect(declineReasonOf(refusal(422, 'INSTRUMENT_DECLINED'))).toBe('card_declined')
    expect(declineReasonOf(refusal(422, 'PAYER_CANNOT_PAY'))).toBe('card_declined')
    expect(declineReasonOf(refusal(422, 'PAYER_ACTION_REQUIRED'))).toBe('authentication_failed')
    expect(declineReasonOf(refusal(422, 'AUTHORIZATION_VOIDED'))).toBe('unexpected_state')
    expect(declineReasonOf(refusal(422, 'DECIMAL_PRECISION'))).toBe('invalid_request')
    expect(declineReasonOf(refusal(422, 'PAYEE_ACCOUNT_RESTRICTED'))).toBe('processing_error')
    expect(declineReasonOf(refusal(404, 'INVALID_RESOURCE_ID'))).toBe('not_found')
    expect(declineReasonOf(refusal(422, 'SOMETHING_NEW'))).toBe('invalid_request')
  })

  test("OAuth's own error shape and an empty body are read too", () => {
    expect(
      failureOf(401, { error: 'invalid_client', error_description: 'Client Authentication failed' }),
    ).toEqual({
      status: 401,
      name: 'invalid_client',
      issue: null,
      debugId: null,
    })
    expect(declineReasonOf(failureOf(401, { error: 'invalid_client' }))).toBe('processing_error')
    expect(failureOf(502, undefined)).toEqual({ status: 502, name: 'HTTP_502', issue: null, debugId: null })
  })
})

describe('webhook events', () => {
  const event = (event_type: string, resource: Record<string, unknown>) => ({
    id: 'WH-1',
    event_type,
    create_time: '2026-03-01T10:00:00Z',
    resource,
  })

  test('a capture names its order, itself and its authorization', () => {
    expect(
      readWebhookEvent(
        event('PAYMENT.CAPTURE.DENIED', {
          id: 'CAP1',
          supplementary_data: { related_ids: { order_id: 'ORD1', authorization_id: 'AUTH1' } },
        }),
      ),
    ).toEqual({
      id: 'WH-1',
      type: 'PAYMENT.CAPTURE.DENIED',
      kind: 'capture',
      references: ['ORD1', 'CAP1', 'AUTH1'],
      occurredAt: '2026-03-01T10:00:00Z',
    })
  })

  test('a refund names the capture it points up to', () => {
    const read = readWebhookEvent(
      event('PAYMENT.CAPTURE.REFUNDED', {
        id: 'REF1',
        links: [{ rel: 'up', href: 'https://api-m.paypal.com/v2/payments/captures/CAP1' }],
      }),
    )
    expect(read).toMatchObject({ kind: 'refund', references: ['CAP1', 'REF1'] })
  })

  test('authorization events name the order first; a dispute names the disputed capture and its amount', () => {
    expect(
      readWebhookEvent(
        event('PAYMENT.AUTHORIZATION.VOIDED', {
          id: 'AUTH1',
          supplementary_data: { related_ids: { order_id: 'ORD1' } },
        }),
      ),
    ).toMatchObject({ kind: 'authorization', references: ['ORD1', 'AUTH1'] })
    expect(
      readWebhookEvent(
        event('CUSTOMER.DISPUTE.RESOLVED', {
          dispute_id: 'PP-D-1',
          disputed_transactions: [{ seller_transaction_id: 'CAP1' }],
          dispute_amount: { currency_code: 'JPY', value: '500' },
          reason: 'UNAUTHORISED',
          status: 'RESOLVED',
        }),
      ),
    ).toMatchObject({
      kind: 'dispute',
      references: ['CAP1'],
      dispute: { id: 'PP-D-1', amount: 500, currency: 'JPY', reason: 'UNAUTHORISED', status: 'RESOLVED' },
    })
  })

  test('an event of another kind is other; a body that is no event is null', () => {
    expect(readWebhookEvent(event('BILLING.PLAN.CREATED', { id: 'P-1' }))).toMatchObject({
      kind: 'other',
      references: ['P-1'],
    })
    expect(readWebhookEvent({ resource: {} })).toBeNull()
    expect(readWebhookEvent('text')).toBeNull()
  })
})

describe('records', () => {
  const money = (value: string) => ({ currencyCode: 'EUR', value })

  test('an order with a partial capture voided afterwards still counts as captured', () => {
    const record = recordOfOrder({
      id: 'ORD1',
      status: 'COMPLETED',
      createTime: '2026-03-01T10:00:00Z',
      purchaseUnits: [
        {
          amount: money('20.00'),
          customId: 'pay_1',
          payments: {
            authorizations: [{ id: 'AUTH1', status: 'VOIDED', amount: money('20.00') }],
            captures: [
              { id: 'CAP1', status: 'COMPLETED', amount: money('15.00') },
              { id: 'CAP2', status: 'DECLINED', amount: money('5.00') },
            ],
            refunds: [
              { id: 'REF1', status: 'COMPLETED', amount: money('4.00') },
              { id: 'REF2', status: 'FAILED', amount: money('1.00') },
            ],
          },
        },
      ],
    })
    expect(record).toMatchObject({
      reference: 'ORD1',
      paymentId: 'pay_1',
      status: 'captured',
      amount: 2000,
      capturedAmount: 1500,
      refundedAmount: 400,
    })
    expect(record.captures.map((c) => c.status)).toEqual(['succeeded', 'failed'])
    expect(record.refunds.map((r) => r.status)).toEqual(['succeeded', 'failed'])
  })

  test('report lines group by payment id; lines MyShop did not make are left out', () => {
    const line = (over: Record<string, unknown>) => ({
      transactionAmount: money('10.00'),
      transactionStatus: 'S',
      transactionInitiationDate: '2026-03-01T10:00:00Z',
      customField: 'pay_1',
      ...over,
    })
    const records = recordsOfTransactions([
      line({
        transactionId: 'AUTH1',
        transactionEventCode: 'T1300',
        paypalReferenceId: 'ORD1',
        paypalReferenceIdType: 'ODR',
      }),
      line({
        transactionId: 'CAP1',
        transactionEventCode: 'T0006',
        transactionInitiationDate: '2026-03-01T11:00:00Z',
      }),
      line({ transactionId: 'REF1', transactionEventCode: 'T1107', transactionAmount: money('-2.50') }),
      line({ transactionId: 'X', transactionEventCode: 'T0006', customField: undefined }),
      line({
        transactionId: 'AUTH2',
        transactionEventCode: 'T1300',
        customField: 'pay_2',
        transactionStatus: 'V',
      }),
    ])
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      reference: 'ORD1',
      paymentId: 'pay_1',
      status: 'captured',
      amount: 1000,
      capturedAmount: 1000,
      refundedAmount: 250,
      createdAt: '2026-03-01T10:00:00Z',
    })
    expect(records[1]).toMatchObject({
      reference: 'AUTH2',
      paymentId: 'pay_2',
      status: 'voided',
      capturedAmount: 0,
    })
  })
})
