import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db } from '@myshop/db'
import { newId } from '@myshop/ids'
import type {
  DeclineReason,
  PaymentProvider,
  ProviderOutcome,
  ProviderRecord,
  WebhookCheck,
} from '../providers/types.ts'
import * as provider from './repository.ts'

/** The cards the test provider knows, by token, and what each does. */
export const testTokens = {
  tok_visa: 'succeeds',
  tok_chargeDeclined: 'declined: card_declined',
  tok_insufficientFunds: 'declined: insufficient_funds',
  tok_3ds: 'needs the customer to approve it at the action URL',
  tok_timeout: 'the charge is made, then the call times out; a retry with the same key finds it',
} as const

export const signatureHeader = 'test-provider-signature'

export interface TestProviderOptions {
  sql: Db
  now: () => number
  /** The secret callbacks are signed with. */
  secret: string
  /** How old a callback may be, in seconds. */
  toleranceSeconds: number
}

/** The test provider, and what the customer does on its 3-D Secure page. */
export interface TestProvider extends PaymentProvider {
  /**
   * The customer approved or failed the check of a charge awaiting them: answers the signed callback the provider
   * sends about it, or null when the charge awaits nothing (unknown, already decided, or voided).
   */
  completeAction(
    chargeId: string,
    outcome: 'approve' | 'fail',
  ): Promise<{ body: string; headers: Record<string, string> } | null>
  /** What it knows of a charge awaiting the customer, for its 3-D Secure page. */
  pendingAction(chargeId: string): Promise<{ amount: number; currency: string } | null>
}

/** Where the customer approves or fails a charge's check; served by the payment service itself. */
export const actionPath = (chargeId: string) => `/api/v1/payments/test-provider/3ds/${chargeId}`

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as processors sign their callbacks. */
export const signCallback = (secret: string, body: string, timestamp: number) =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

const declined = (token: string | null): DeclineReason | null => {
  const behaviour: string | undefined =
    token === null ? undefined : testTokens[token as keyof typeof testTokens]
  if (behaviour === undefined) return 'invalid_token'
  return behaviour.startsWith('declined: ') ? (behaviour.slice('declined: '.length) as DeclineReason) : null
}

/** What a refused operation on a charge comes to: the charge is not in a state for it, or the amount is wrong. */
const refusal = (reference: string | null, detail: string): ProviderOutcome => ({
  outcome: 'declined',
  reference,
  reason: detail.startsWith('charge_') ? 'unexpected_state' : 'invalid_request',
  detail,
})

/** The payment id the service sent inside its idempotency keys (`pay_…:authorize`), the way a processor keeps metadata. */
const paymentIdOf = (key: string) => (key.startsWith('pay_') ? key.split(':')[0]! : null)

/** A charge as a processor's dashboard shows it, for reconciliation. */
const recordOf = (charge: provider.Charge, operations: provider.Operation[]): ProviderRecord => {
  const of = (kind: provider.Operation['kind']) =>
    operations
      .filter((o) => o.kind === kind)
      .map((o) => ({ reference: o.id, amount: o.amount, status: 'succeeded' as const }))
  return {
    reference: charge.id,
    paymentId: paymentIdOf(charge.idempotencyKey),
    status: charge.status === 'declined' ? 'failed' : charge.status === 'voided' ? 'voided' : charge.status,
    amount: charge.amount,
    currency: charge.currency,
    capturedAmount: charge.capturedAmount,
    refundedAmount: charge.refundedAmount,
    captures: of('capture'),
    refunds: of('refund'),
    createdAt: charge.createdAt.toISOString(),
  }
}

/**
 * A card processor in the payment service's own database: charges and operations kept by the idempotency key of
 * the call that made them, as a real processor keeps them on its side.
 */
export const createTestProvider = ({
  sql,
  now,
  secret,
  toleranceSeconds,
}: TestProviderOptions): TestProvider => {
  const outcomeOf = (charge: provider.Charge): ProviderOutcome => {
    if (charge.status === 'declined')
      return {
        outcome: 'declined',
        reference: charge.id,
        reason: (charge.declineReason as DeclineReason | null) ?? 'card_declined',
      }
    if (charge.status === 'voided') return refusal(charge.id, 'charge_voided')
    if (charge.status === 'requires_action')
      return {
        outcome: 'requires_action',
        reference: charge.id,
        nextAction: { type: 'redirect', url: actionPath(charge.id) },
      }
    return { outcome: 'succeeded', reference: charge.id }
  }

  /** Runs an operation once per idempotency key: a retry answers what the first call did. */
  const operation = (
    kind: provider.Operation['kind'],
    reference: string,
    amount: number,
    idempotencyKey: string,
    apply: (
      charge: provider.Charge,
    ) => Omit<Parameters<typeof provider.updateCharge>[2], 'declineReason'> | string,
  ): Promise<ProviderOutcome> =>
    sql.begin(async (tx) => {
      const done = await provider.findOperation(tx, idempotencyKey)
      if (done) return { outcome: 'succeeded', reference: done.id }
      const charge = await provider.lockCharge(tx, reference)
      if (!charge) return { outcome: 'declined', reference: null, reason: 'not_found' }
      const change = apply(charge)
      if (typeof change === 'string') return refusal(charge.id, change)
      const at = new Date(now())
      await provider.updateCharge(tx, charge.id, { ...change, declineReason: charge.declineReason }, at)
      const id = newId('tpo', at.getTime())
      await provider.insertOperation(tx, { id, key: idempotencyKey, chargeId: charge.id, kind, amount, at })
      return { outcome: 'succeeded', reference: id }
    })

  const callback = (
    chargeId: string,
    result: { outcome: 'succeeded' } | { outcome: 'declined'; reason: string },
  ) => {
    const body = JSON.stringify({ id: newId('evt', now()), charge: chargeId, ...result })
    return { body, headers: { [signatureHeader]: signCallback(secret, body, Math.floor(now() / 1000)) } }
  }

  return {
    async authorize({ amount, currency, token, idempotencyKey }) {
      if (token === null) return { outcome: 'declined', reference: null, reason: 'invalid_token' }
      const reason = declined(token)
      const at = new Date(now())
      const { charge, created } = await provider.claimCharge(sql, {
        id: newId('tpc', at.getTime()),
        idempotencyKey,
        token,
        amount,
        currency,
        status: reason ? 'declined' : token === 'tok_3ds' ? 'requires_action' : 'authorized',
        declineReason: reason,
        at,
      })
      // The first call's answer is lost on the way back; the charge stands, and a retry is told about it.
      if (token === 'tok_timeout' && created) return { outcome: 'timeout' }
      return outcomeOf(charge)
    },

    capture: ({ reference, amount, idempotencyKey }) =>
      operation('capture', reference, amount, idempotencyKey, (charge) =>
        charge.status !== 'authorized'
          ? `charge_${charge.status}`
          : amount > charge.amount
            ? 'amount_too_large'
            : { status: 'captured', capturedAmount: amount, refundedAmount: 0 },
      ),

    void: ({ reference, idempotencyKey }) =>
      operation('void', reference, 0, idempotencyKey, (charge) =>
        charge.status !== 'authorized' && charge.status !== 'requires_action'
          ? `charge_${charge.status}`
          : { status: 'voided', capturedAmount: 0, refundedAmount: 0 },
      ),

    refund: ({ reference, amount, idempotencyKey }) =>
      operation('refund', reference, amount, idempotencyKey, (charge) =>
        charge.status !== 'captured'
          ? `charge_${charge.status}`
          : charge.refundedAmount + amount > charge.capturedAmount
            ? 'amount_too_large'
            : {
                status: 'captured',
                capturedAmount: charge.capturedAmount,
                refundedAmount: charge.refundedAmount + amount,
              },
      ),

    async parseWebhook(rawBody, headers): Promise<WebhookCheck> {
      const parts = Object.fromEntries(
        (headers.get(signatureHeader) ?? '').split(',').map((part) => {
          const at = part.indexOf('=')
          return [part.slice(0, at).trim(), part.slice(at + 1).trim()]
        }),
      )
      const timestamp = Number(parts.t)
      if (!Number.isSafeInteger(timestamp) || typeof parts.v1 !== 'string')
        return { ok: false, reason: `The ${signatureHeader} header is missing or malformed` }
      const expected = Buffer.from(signCallback(secret, rawBody, timestamp).split('v1=')[1]!, 'hex')
      const given = Buffer.from(parts.v1, 'hex')
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'The signature does not match the body' }
      if (Math.abs(now() / 1000 - timestamp) > toleranceSeconds)
        return { ok: false, reason: 'The callback is too old (or from the future)' }
      let parsed: { id?: unknown; charge?: unknown; outcome?: unknown; reason?: unknown }
      try {
        parsed = JSON.parse(rawBody)
      } catch {
        return { ok: false, reason: 'The body is not JSON' }
      }
      if (typeof parsed.id !== 'string' || typeof parsed.charge !== 'string')
        return { ok: false, reason: 'The callback names no event or charge' }
      const result =
        parsed.outcome === 'succeeded'
          ? ({ outcome: 'succeeded' } as const)
          : parsed.outcome === 'declined' && typeof parsed.reason === 'string'
            ? ({ outcome: 'declined', reason: parsed.reason } as const)
            : null
      if (!result) return { ok: false, reason: 'The callback has no outcome' }
      return {
        ok: true,
        event: {
          id: parsed.id,
          type: `charge.${result.outcome}`,
          kind: 'authorization',
          references: [parsed.charge],
          occurredAt: new Date(timestamp * 1000).toISOString(),
        },
      }
    },

    async completeAction(chargeId, outcome) {
      const decided = await sql.begin(async (tx) => {
        const charge = await provider.lockCharge(tx, chargeId)
        if (charge?.status !== 'requires_action') return false
        await provider.updateCharge(
          tx,
          charge.id,
          {
            status: outcome === 'approve' ? 'authorized' : 'declined',
            capturedAmount: 0,
            refundedAmount: 0,
            declineReason: outcome === 'approve' ? null : 'authentication_failed',
          },
          new Date(now()),
        )
        return true
      })
      if (!decided) return null
      return callback(
        chargeId,
        outcome === 'approve'
          ? { outcome: 'succeeded' }
          : { outcome: 'declined', reason: 'authentication_failed' },
      )
    },

    async resolve({ reference }) {
      const charge = await provider.findCharge(sql, reference)
      return charge ? outcomeOf(charge) : { outcome: 'declined', reference: null, reason: 'not_found' }
    },

    async inspect(reference) {
      const charge = await provider.findCharge(sql, reference)
      return charge ? recordOf(charge, await provider.operationsOf(sql, charge.id)) : null
    },

    async list(since) {
      const charges = await provider.chargesSince(sql, since)
      return Promise.all(charges.map(async (c) => recordOf(c, await provider.operationsOf(sql, c.id))))
    },

    async pendingAction(chargeId) {
      const charge = await provider.findCharge(sql, chargeId)
      return charge && charge.status === 'requires_action'
        ? { amount: charge.amount, currency: charge.currency }
        : null
    },
  }
}
