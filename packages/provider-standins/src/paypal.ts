/**
 * A local PayPal for tests: a Bun server on 127.0.0.1 that speaks PayPal's REST wire protocol for the calls MyShop's
 * PayPal adapter makes (OAuth client credentials, Orders v2, Payments v2, transaction search and webhook
 * verification), with PayPal's JSON shapes, statuses and error bodies, and plain methods for what a test needs: the
 * buyer approving on PayPal, faults, signed webhooks, disputes and refunds made outside MyShop.
 *
 * What PayPal does that matters to MyShop, it does the same way: a POST repeated with the same PayPal-Request-Id
 * answers what the first one did (successful answers are kept; a refusal is not, so a retry after the buyer changed
 * something is tried again), JPY, HUF and TWD take no decimals, an order is authorized only once approved, and
 * webhooks are signed (SHA256withRSA over `<transmission id>|<time>|<webhook id>|<CRC32 of the body>`) so that
 * only an untampered event sent to the configured webhook verifies.
 */
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'

/** PayPal's money: a currency and a decimal string in the digits PayPal takes for it. */
export interface PayPalMoney {
  currency_code: string
  value: string
}

export type PayPalOrderStatus = 'CREATED' | 'PAYER_ACTION_REQUIRED' | 'APPROVED' | 'COMPLETED' | 'VOIDED'

export interface StandInOrder {
  id: string
  status: PayPalOrderStatus
  purchaseUnit: {
    reference_id: string
    custom_id?: string
    invoice_id?: string
    description?: string
    amount: PayPalMoney
  }
  experience: Record<string, unknown> | null
  /** The buyer's funding was refused when the order is authorized. */
  instrumentDeclined: boolean
  /** The buyer cancelled on PayPal's page. */
  cancelled: boolean
  authorizationId: string | null
  createTime: string
  updateTime: string
}

export interface StandInAuthorization {
  id: string
  orderId: string
  status: 'CREATED' | 'PARTIALLY_CAPTURED' | 'CAPTURED' | 'VOIDED'
  amount: PayPalMoney
  captureIds: string[]
  createTime: string
  updateTime: string
}

export interface StandInCapture {
  id: string
  orderId: string
  authorizationId: string
  status: 'COMPLETED' | 'PARTIALLY_REFUNDED' | 'REFUNDED'
  amount: PayPalMoney
  finalCapture: boolean
  refundIds: string[]
  createTime: string
  updateTime: string
}

export interface StandInRefund {
  id: string
  captureId: string
  status: 'COMPLETED'
  amount: PayPalMoney
  /** Made in PayPal's dashboard rather than through the API. */
  outside: boolean
  createTime: string
}

/** A line of PayPal's transaction search, as `transaction_info` reports it. */
export interface StandInTransaction {
  transaction_id: string
  paypal_reference_id: string
  paypal_reference_id_type: 'ODR' | 'TXN'
  transaction_event_code: string
  transaction_initiation_date: string
  transaction_updated_date: string
  transaction_amount: PayPalMoney
  transaction_status: 'S' | 'P' | 'D' | 'V'
  invoice_id?: string
  custom_field?: string
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** Lower-case names, as received (authorization, paypal-request-id, prefer, …). */
  headers: Record<string, string>
  body: unknown
}

/**
 * What the next matching requests meet: a 500 before any work, a 500 after the work was done (a retry with the same
 * PayPal-Request-Id then finds it), a 429, or no answer at all until the stand-in stops.
 */
export type PayPalFault = 'server_error' | 'server_error_after_work' | 'rate_limit' | 'hang'

/** A webhook as PayPal would POST it: the raw body and its transmission headers. */
export interface SignedWebhook {
  body: string
  headers: Record<string, string>
}

export interface PayPalStandInOptions {
  clientId?: string
  clientSecret?: string
  /** The id of the webhook PayPal signs events for. */
  webhookId?: string
  /** Seconds an access token lives; PayPal's are 32400 (nine hours). */
  tokenExpiresIn?: number
}

export interface PayPalStandIn {
  /** Where it listens, such as http://127.0.0.1:41234; the adapter's `apiUrl`. */
  url: string
  clientId: string
  clientSecret: string
  webhookId: string
  stop(): Promise<void>
  /**
   * The buyer approves the order on PayPal's page (`instrument: 'declined'`: their funding is then refused when the
   * order is authorized); answers the CHECKOUT.ORDER.APPROVED webhook PayPal sends.
   */
  approve(orderId: string, options?: { instrument?: 'ok' | 'declined' }): SignedWebhook
  /** The buyer cancels on PayPal's page: the order stays unapproved. */
  decline(orderId: string): void
  /** The next `count` requests (matching `match`, the token endpoint never) meet `fault`. */
  failNext(count: number, fault: PayPalFault, match?: { method?: string; path?: RegExp }): void
  /**
   * A signed webhook of `type` about `resource`: an object sent as is, or the id of an order, authorization,
   * capture or refund, rendered as PayPal renders it for that event type.
   */
  event(type: string, resource: string | Record<string, unknown>): SignedWebhook
  /** The buyer opens a dispute about a capture: answers the CUSTOMER.DISPUTE.CREATED webhook. */
  dispute(captureId: string): SignedWebhook
  /** A refund made in PayPal's dashboard, which MyShop did not ask for; `amount` is a PayPal decimal string. */
  refundOutside(captureId: string, amount: string): StandInRefund
  orders: Map<string, StandInOrder>
  authorizations: Map<string, StandInAuthorization>
  captures: Map<string, StandInCapture>
  refunds: Map<string, StandInRefund>
  transactions: StandInTransaction[]
  requests: RecordedRequest[]
  /** How many access tokens were issued: one per client while its token lives. */
  readonly tokensIssued: number
}

/** The currencies PayPal accepts, and the ones among them it takes no decimals for. */
const supportedCurrencies = new Set(
  'AUD BRL CAD CNY CZK DKK EUR GBP HKD HUF ILS JPY MXN MYR NOK NZD PHP PLN SEK SGD THB TWD USD CHF'.split(
    ' ',
  ),
)
const noDecimals = new Set(['JPY', 'HUF', 'TWD'])

const digitsOf = (currency: string) => (noDecimals.has(currency) ? 0 : 2)

/** A PayPal decimal string in the currency's smallest unit PayPal counts (cents, or whole yen). */
const unitsOf = (money: PayPalMoney) => {
  const [whole, fraction = ''] = money.value.split('.')
  const digits = digitsOf(money.currency_code)
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

const moneyOf = (units: number, currency: string): PayPalMoney => {
  const digits = digitsOf(currency)
  if (digits === 0) return { currency_code: currency, value: String(units) }
  const s = String(units).padStart(digits + 1, '0')
  return { currency_code: currency, value: `${s.slice(0, -digits)}.${s.slice(-digits)}` }
}

/** PayPal's ids: 17 upper-case letters and digits. */
const newId = () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return [...randomBytes(17)].map((byte) => alphabet[byte % alphabet.length]).join('')
}

/** Date-times as PayPal writes them: seconds, no fraction. */
const timestamp = (at = Date.now()) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')

interface Reply {
  status: number
  /** Undefined answers 204 with no body. */
  body?: unknown
}

/** A refusal PayPal answers with its error body. */
class Refusal {
  constructor(
    readonly status: number,
    readonly name: string,
    readonly message: string,
    readonly details: { issue: string; description: string; field?: string }[] = [],
  ) {}
}

const refusals = {
  invalid: (issue: string, description: string, field?: string) =>
    new Refusal(
      400,
      'INVALID_REQUEST',
      'Request is not well-formed, syntactically incorrect, or violates schema.',
      [{ issue, description, ...(field ? { field } : {}) }],
    ),
  notFound: () =>
    new Refusal(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
      {
        issue: 'INVALID_RESOURCE_ID',
        description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
      },
    ]),
  unprocessable: (issue: string, description: string) =>
    new Refusal(
      422,
      'UNPROCESSABLE_ENTITY',
      'The requested action could not be performed, semantically incorrect, or failed business validation.',
      [{ issue, description }],
    ),
}

const errorBody = (refusal: Refusal) => ({
  name: refusal.name,
  message: refusal.message,
  debug_id: randomBytes(7).toString('hex').slice(0, 13),
  ...(refusal.details.length > 0 ? { details: refusal.details } : {}),
  links: [
    {
      href: `https://developer.paypal.com/docs/api/orders/v2/#error-${refusal.details[0]?.issue ?? refusal.name}`,
      rel: 'information_link',
      method: 'GET',
    },
  ],
})

/** Checks an amount the way PayPal does: a supported currency and no more decimals than PayPal takes for it. */
const checkMoney = (money: unknown, field: string): PayPalMoney => {
  const m = money as Partial<PayPalMoney> | undefined
  if (typeof m?.currency_code !== 'string' || typeof m.value !== 'string')
    throw refusals.invalid('MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.', field)
  if (!/^\d{1,10}(\.\d+)?$/.test(m.value))
    throw refusals.invalid(
      'INVALID_PARAMETER_SYNTAX',
      'The value of a field does not conform to the expected format.',
    )
  if (!supportedCurrencies.has(m.currency_code))
    throw refusals.unprocessable('CURRENCY_NOT_SUPPORTED', 'Currency code is not currently supported.')
  const decimals = m.value.split('.')[1]?.length ?? 0
  if (decimals > digitsOf(m.currency_code))
    throw refusals.unprocessable(
      'DECIMAL_PRECISION',
      noDecimals.has(m.currency_code)
        ? 'The value of the field should not have decimals: the currency does not support decimals.'
        : 'If the currency supports decimals, only two decimal place precision is supported.',
    )
  if (unitsOf(m as PayPalMoney) <= 0)
    throw refusals.unprocessable('INVALID_PARAMETER_VALUE', 'The value of a field is invalid.')
  return { currency_code: m.currency_code, value: m.value }
}

/** Starts a stand-in PayPal on a free port. */
export const startPayPalStandIn = (options: PayPalStandInOptions = {}): PayPalStandIn => {
  const clientId = options.clientId ?? 'standin-client-id'
  const clientSecret = options.clientSecret ?? 'standin-client-secret'
  const webhookId = options.webhookId ?? '1JE4291016473214C'
  const tokenExpiresIn = options.tokenExpiresIn ?? 32400
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

  const orders = new Map<string, StandInOrder>()
  const authorizations = new Map<string, StandInAuthorization>()
  const captures = new Map<string, StandInCapture>()
  const refunds = new Map<string, StandInRefund>()
  const transactions: StandInTransaction[] = []
  const requests: RecordedRequest[] = []
  const tokens = new Map<string, number>()
  const replies = new Map<string, Reply>()
  const faults: { count: number; fault: PayPalFault; match: { method?: string; path?: RegExp } }[] = []
  const hanging = new Set<() => void>()
  let tokensIssued = 0
  let url = ''

  const find = <T>(map: Map<string, T>, id: string): T => {
    const found = map.get(id)
    if (!found) throw refusals.notFound()
    return found
  }

  const link = (path: string, rel: string, method = 'GET') => ({ href: `${url}${path}`, rel, method })

  /** What PayPal shows of every authorization and capture: its id, status, amount and the order's own ids. */
  const paymentJson = (payment: { id: string; orderId: string; status: string; amount: PayPalMoney }) => {
    const { invoice_id, custom_id } = orders.get(payment.orderId)!.purchaseUnit
    return {
      id: payment.id,
      status: payment.status,
      amount: payment.amount,
      invoice_id,
      custom_id,
      seller_protection: {
        status: 'ELIGIBLE',
        dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'],
      },
    }
  }

  const authorizationJson = (auth: StandInAuthorization) => ({
    ...paymentJson(auth),
    expiration_time: timestamp(Date.parse(auth.createTime) + 29 * 86_400_000),
    create_time: auth.createTime,
    update_time: auth.updateTime,
    supplementary_data: { related_ids: { order_id: auth.orderId } },
    links: [
      link(`/v2/payments/authorizations/${auth.id}`, 'self'),
      link(`/v2/payments/authorizations/${auth.id}/capture`, 'capture', 'POST'),
      link(`/v2/payments/authorizations/${auth.id}/void`, 'void', 'POST'),
      link(`/v2/checkout/orders/${auth.orderId}`, 'up'),
    ],
  })

  const captureJson = (capture: StandInCapture) => ({
    ...paymentJson(capture),
    final_capture: capture.finalCapture,
    create_time: capture.createTime,
    update_time: capture.updateTime,
    supplementary_data: {
      related_ids: { order_id: capture.orderId, authorization_id: capture.authorizationId },
    },
    links: [
      link(`/v2/payments/captures/${capture.id}`, 'self'),
      link(`/v2/payments/captures/${capture.id}/refund`, 'refund', 'POST'),
      link(`/v2/payments/authorizations/${capture.authorizationId}`, 'up'),
    ],
  })

  const refundJson = (refund: StandInRefund) => {
    const capture = captures.get(refund.captureId)!
    const order = orders.get(capture.orderId)!
    return {
      id: refund.id,
      status: refund.status,
      amount: refund.amount,
      invoice_id: order.purchaseUnit.invoice_id,
      custom_id: order.purchaseUnit.custom_id,
      create_time: refund.createTime,
      update_time: refund.createTime,
      links: [
        link(`/v2/payments/refunds/${refund.id}`, 'self'),
        link(`/v2/payments/captures/${capture.id}`, 'up'),
      ],
    }
  }

  const orderLinks = (order: StandInOrder) => {
    const self = link(`/v2/checkout/orders/${order.id}`, 'self')
    const approval = { href: `${url}/checkoutnow?token=${order.id}`, method: 'GET' }
    if (order.status === 'PAYER_ACTION_REQUIRED') return [self, { ...approval, rel: 'payer-action' }]
    if (order.status === 'CREATED')
      return [
        self,
        { ...approval, rel: 'approve' },
        link(`/v2/checkout/orders/${order.id}`, 'update', 'PATCH'),
        link(`/v2/checkout/orders/${order.id}/authorize`, 'authorize', 'POST'),
      ]
    if (order.status === 'APPROVED')
      return [self, link(`/v2/checkout/orders/${order.id}/authorize`, 'authorize', 'POST')]
    return [self]
  }

  const orderJson = (order: StandInOrder) => {
    const auth = order.authorizationId ? authorizations.get(order.authorizationId) : undefined
    const orderCaptures = auth ? auth.captureIds.map((id) => captures.get(id)!) : []
    const orderRefunds = orderCaptures.flatMap((capture) => capture.refundIds.map((id) => refunds.get(id)!))
    const approved = order.status !== 'CREATED' && order.status !== 'PAYER_ACTION_REQUIRED'
    const buyer = {
      email_address: 'buyer@example.com',
      payer_id: 'QYR5Z8XDVJNXQ',
      name: { given_name: 'John', surname: 'Doe' },
    }
    return {
      id: order.id,
      intent: 'AUTHORIZE',
      status: order.status,
      ...(approved
        ? {
            payment_source: {
              paypal: { email_address: buyer.email_address, account_id: buyer.payer_id, name: buyer.name },
            },
            payer: buyer,
          }
        : {}),
      purchase_units: [
        {
          ...order.purchaseUnit,
          payee: { email_address: 'merchant@example.com', merchant_id: 'C7CYMKZDG8D6E' },
          ...(auth
            ? {
                payments: {
                  authorizations: [authorizationJson(auth)],
                  ...(orderCaptures.length > 0 ? { captures: orderCaptures.map(captureJson) } : {}),
                  ...(orderRefunds.length > 0 ? { refunds: orderRefunds.map(refundJson) } : {}),
                },
              }
            : {}),
        },
      ],
      create_time: order.createTime,
      update_time: order.updateTime,
      links: orderLinks(order),
    }
  }

  const record = (
    id: string,
    reference: { id: string; type: 'ODR' | 'TXN' },
    code: string,
    amount: PayPalMoney,
    order: StandInOrder,
  ) => {
    const at = timestamp()
    transactions.push({
      transaction_id: id,
      paypal_reference_id: reference.id,
      paypal_reference_id_type: reference.type,
      transaction_event_code: code,
      transaction_initiation_date: at,
      transaction_updated_date: at,
      transaction_amount: amount,
      transaction_status: 'S',
      invoice_id: order.purchaseUnit.invoice_id,
      custom_field: order.purchaseUnit.custom_id,
    })
  }

  const createOrder = (body: Record<string, unknown>): Reply => {
    if (body.intent !== 'AUTHORIZE')
      throw refusals.unprocessable(
        'UNSUPPORTED_INTENT',
        'This stand-in takes orders with intent AUTHORIZE only.',
      )
    const units = body.purchase_units as Record<string, unknown>[] | undefined
    if (!Array.isArray(units) || units.length !== 1)
      throw refusals.invalid(
        'MISSING_REQUIRED_PARAMETER',
        'Exactly one purchase unit is expected.',
        'purchase_units',
      )
    const unit = units[0]!
    const amount = checkMoney(unit.amount, '/purchase_units/@reference_id==default/amount')
    const wallet = (
      body.payment_source as { paypal?: { experience_context?: Record<string, unknown> } } | undefined
    )?.paypal
    const now = timestamp()
    const order: StandInOrder = {
      id: newId(),
      status: wallet ? 'PAYER_ACTION_REQUIRED' : 'CREATED',
      purchaseUnit: {
        reference_id: typeof unit.reference_id === 'string' ? unit.reference_id : 'default',
        ...(typeof unit.custom_id === 'string' ? { custom_id: unit.custom_id } : {}),
        ...(typeof unit.invoice_id === 'string' ? { invoice_id: unit.invoice_id } : {}),
        ...(typeof unit.description === 'string' ? { description: unit.description } : {}),
        amount,
      },
      experience: wallet?.experience_context ?? null,
      instrumentDeclined: false,
      cancelled: false,
      authorizationId: null,
      createTime: now,
      updateTime: now,
    }
    orders.set(order.id, order)
    return { status: 201, body: orderJson(order) }
  }

  const authorizeOrder = (id: string): Reply => {
    const order = find(orders, id)
    if (order.status === 'COMPLETED')
      throw refusals.unprocessable('ORDER_ALREADY_AUTHORIZED', 'Order already authorized.')
    if (order.status !== 'APPROVED')
      throw refusals.unprocessable(
        'ORDER_NOT_APPROVED',
        "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      )
    if (order.instrumentDeclined)
      throw refusals.unprocessable(
        'INSTRUMENT_DECLINED',
        "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
      )
    const now = timestamp()
    const auth: StandInAuthorization = {
      id: newId(),
      orderId: order.id,
      status: 'CREATED',
      amount: order.purchaseUnit.amount,
      captureIds: [],
      createTime: now,
      updateTime: now,
    }
    authorizations.set(auth.id, auth)
    Object.assign(order, { status: 'COMPLETED', authorizationId: auth.id, updateTime: now })
    record(auth.id, { id: order.id, type: 'ODR' }, 'T1300', auth.amount, order)
    return { status: 201, body: orderJson(order) }
  }

  /**
   * The amount a capture or refund asks for (what is left when it names none), refused in PayPal's words when it is
   * in another currency or more than is left.
   */
  const amountWithin = (asked: unknown, currency: string, remaining: number, exceeded: [string, string]) => {
    const amount = asked ? checkMoney(asked, '/amount') : moneyOf(remaining, currency)
    if (amount.currency_code !== currency)
      throw refusals.unprocessable(
        'CURRENCY_MISMATCH',
        'The currency must match the one of the payment it is part of.',
      )
    if (unitsOf(amount) > remaining) throw refusals.unprocessable(...exceeded)
    return amount
  }

  /** The authorization, unless its status is one the call is refused in (with PayPal's issue and words). */
  const authorizationIn = (
    id: string,
    refusedIn: Partial<Record<StandInAuthorization['status'], [string, string]>>,
  ) => {
    const auth = find(authorizations, id)
    const refusal = refusedIn[auth.status]
    if (refusal) throw refusals.unprocessable(...refusal)
    return auth
  }

  const capturedUnits = (auth: StandInAuthorization) =>
    auth.captureIds.reduce((sum, captureId) => sum + unitsOf(captures.get(captureId)!.amount), 0)

  const captureAuthorization = (id: string, body: Record<string, unknown>): Reply => {
    const auth = authorizationIn(id, {
      VOIDED: ['AUTHORIZATION_VOIDED', 'A voided authorization cannot be captured or reauthorized.'],
      CAPTURED: ['AUTHORIZATION_ALREADY_CAPTURED', 'Authorization has been previously captured.'],
    })
    const remaining = unitsOf(auth.amount) - capturedUnits(auth)
    const amount = amountWithin(body.amount, auth.amount.currency_code, remaining, [
      'MAX_CAPTURE_AMOUNT_EXCEEDED',
      'Capture amount exceeds allowable limit. Please contact customer service or your account manager to request the change to your overage limit.',
    ])
    const finalCapture = body.final_capture === true
    const now = timestamp()
    const capture: StandInCapture = {
      id: newId(),
      orderId: auth.orderId,
      authorizationId: auth.id,
      status: 'COMPLETED',
      amount,
      finalCapture,
      refundIds: [],
      createTime: now,
      updateTime: now,
    }
    captures.set(capture.id, capture)
    auth.captureIds.push(capture.id)
    auth.status = finalCapture || unitsOf(amount) === remaining ? 'CAPTURED' : 'PARTIALLY_CAPTURED'
    auth.updateTime = now
    record(capture.id, { id: auth.id, type: 'TXN' }, 'T0006', amount, orders.get(auth.orderId)!)
    return { status: 201, body: captureJson(capture) }
  }

  const voidAuthorization = (id: string, prefer: string | null): Reply => {
    const auth = authorizationIn(id, {
      VOIDED: [
        'PREVIOUSLY_VOIDED',
        'Authorization has been previously voided and hence cannot be voided again.',
      ],
      CAPTURED: ['CANNOT_BE_VOIDED', 'A captured authorization cannot be voided.'],
    })
    const now = timestamp()
    auth.status = 'VOIDED'
    auth.updateTime = now
    const order = orders.get(auth.orderId)!
    if (auth.captureIds.length === 0) Object.assign(order, { status: 'VOIDED', updateTime: now })
    const line = transactions.find((t) => t.transaction_id === auth.id)
    if (line) Object.assign(line, { transaction_status: 'V', transaction_updated_date: now })
    return prefer?.includes('return=representation')
      ? { status: 200, body: authorizationJson(auth) }
      : { status: 204 }
  }

  const refundCapture = (id: string, body: Record<string, unknown>, outside = false): Reply => {
    const capture = find(captures, id)
    if (capture.status === 'REFUNDED')
      throw refusals.unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded.')
    const refunded = capture.refundIds.reduce(
      (sum, refundId) => sum + unitsOf(refunds.get(refundId)!.amount),
      0,
    )
    const remaining = unitsOf(capture.amount) - refunded
    const amount = amountWithin(body.amount, capture.amount.currency_code, remaining, [
      'REFUND_AMOUNT_EXCEEDED',
      'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
    ])
    const refund: StandInRefund = {
      id: newId(),
      captureId: capture.id,
      status: 'COMPLETED',
      amount,
      outside,
      createTime: timestamp(),
    }
    refunds.set(refund.id, refund)
    capture.refundIds.push(refund.id)
    capture.status = unitsOf(amount) === remaining ? 'REFUNDED' : 'PARTIALLY_REFUNDED'
    capture.updateTime = refund.createTime
    const negative = { ...amount, value: `-${amount.value}` }
    record(refund.id, { id: capture.id, type: 'TXN' }, 'T1107', negative, orders.get(capture.orderId)!)
    return { status: 201, body: refundJson(refund) }
  }

  const searchTransactions = (query: Record<string, string>): Reply => {
    const start = Date.parse(query.start_date ?? '')
    const end = Date.parse(query.end_date ?? '')
    if (Number.isNaN(start) || Number.isNaN(end))
      throw refusals.invalid(
        'INVALID_REQUEST',
        'start_date and end_date are required, in RFC 3339 date and time format.',
      )
    if (end < start || end - start > 31 * 86_400_000)
      throw refusals.invalid('INVALID_REQUEST', 'Date range is greater than 31 days')
    const all = (query.balance_affecting_records_only ?? 'Y') === 'N'
    const matching = transactions.filter((t) => {
      const at = Date.parse(t.transaction_initiation_date)
      return at >= start && at <= end && (all || !t.transaction_event_code.startsWith('T13'))
    })
    const pageSize = Math.min(500, Math.max(1, Number(query.page_size ?? 100)))
    const page = Math.max(1, Number(query.page ?? 1))
    const totalPages = Math.max(1, Math.ceil(matching.length / pageSize))
    return {
      status: 200,
      body: {
        transaction_details: matching
          .slice((page - 1) * pageSize, page * pageSize)
          .map((info) => ({ transaction_info: info })),
        account_number: 'C7CYMKZDG8D6E',
        start_date: query.start_date,
        end_date: query.end_date,
        last_refreshed_datetime: timestamp(),
        page,
        total_items: matching.length,
        total_pages: totalPages,
        links: [],
      },
    }
  }

  // Webhooks: signed as PayPal signs them, checked as its verify-webhook-signature endpoint checks them.
  const certUrl = () => `${url}/v1/notifications/certs/CERT-360caa42-fca2a594-standin`
  const signedText = (transmissionId: string, time: string, hookId: string, body: string) =>
    `${transmissionId}|${time}|${hookId}|${Bun.hash.crc32(body)}`

  const resourceTypes: [string, string][] = [
    ['CHECKOUT.ORDER.', 'checkout-order'],
    ['PAYMENT.AUTHORIZATION.', 'authorization'],
    ['PAYMENT.CAPTURE.REFUNDED', 'refund'],
    ['PAYMENT.CAPTURE.REVERSED', 'refund'],
    ['PAYMENT.CAPTURE.', 'capture'],
    ['CUSTOMER.DISPUTE.', 'dispute'],
  ]
  const resourceTypeOf = (type: string) =>
    resourceTypes.find(([prefix]) => type.startsWith(prefix))?.[1] ?? 'unknown'

  const render = (resourceType: string, id: string): Record<string, unknown> => {
    if (resourceType === 'checkout-order') return orderJson(find(orders, id))
    if (resourceType === 'authorization') return authorizationJson(find(authorizations, id))
    if (resourceType === 'capture') return captureJson(find(captures, id))
    if (resourceType === 'refund') return refundJson(find(refunds, id))
    throw new Error(`No ${resourceType} resource is kept by id; pass the resource itself`)
  }

  const event = (type: string, resource: string | Record<string, unknown>): SignedWebhook => {
    const resourceType = resourceTypeOf(type)
    const body = JSON.stringify({
      id: `WH-${newId()}-${newId()}`,
      event_version: '1.0',
      create_time: timestamp(),
      resource_type: resourceType,
      resource_version: '2.0',
      event_type: type,
      summary: `${type} happened`,
      resource: typeof resource === 'string' ? render(resourceType, resource) : resource,
      links: [],
    })
    const transmissionId = crypto.randomUUID()
    const time = new Date().toISOString()
    const signature = createSign('sha256')
      .update(signedText(transmissionId, time, webhookId, body))
      .sign(privateKey, 'base64')
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-time': time,
        'paypal-transmission-sig': signature,
        'paypal-cert-url': certUrl(),
        'paypal-auth-algo': 'SHA256withRSA',
      },
    }
  }

  const verifyWebhook = (body: Record<string, unknown>): Reply => {
    for (const field of [
      'auth_algo',
      'cert_url',
      'transmission_id',
      'transmission_sig',
      'transmission_time',
      'webhook_id',
    ])
      if (typeof body[field] !== 'string')
        throw refusals.invalid(
          'MISSING_REQUIRED_PARAMETER',
          'A required field / parameter is missing.',
          field,
        )
    if (typeof body.webhook_event !== 'object' || body.webhook_event === null)
      throw refusals.invalid(
        'MISSING_REQUIRED_PARAMETER',
        'A required field / parameter is missing.',
        'webhook_event',
      )
    // The event was produced with JSON.stringify, so an untouched event serializes back to the signed bytes.
    const text = signedText(
      body.transmission_id as string,
      body.transmission_time as string,
      body.webhook_id as string,
      JSON.stringify(body.webhook_event),
    )
    let valid = body.auth_algo === 'SHA256withRSA' && body.cert_url === certUrl()
    try {
      valid &&= createVerify('sha256')
        .update(text)
        .verify(publicKey, body.transmission_sig as string, 'base64')
    } catch {
      valid = false
    }
    return { status: 200, body: { verification_status: valid ? 'SUCCESS' : 'FAILURE' } }
  }

  const issueToken = (request: Request, form: string): Response => {
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`
    if (request.headers.get('authorization') !== expected)
      return Response.json(
        { error: 'invalid_client', error_description: 'Client Authentication failed' },
        { status: 401 },
      )
    if (new URLSearchParams(form).get('grant_type') !== 'client_credentials')
      return Response.json(
        { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL or not supported' },
        { status: 400 },
      )
    const token = `A21AA${randomBytes(32).toString('base64url')}`
    tokens.set(token, Date.now() + tokenExpiresIn * 1000)
    tokensIssued++
    return Response.json({
      scope:
        'https://uri.paypal.com/services/payments/payment/authcapture https://uri.paypal.com/services/reporting/search/read',
      access_token: token,
      token_type: 'Bearer',
      app_id: 'APP-80W284485P519543T',
      expires_in: tokenExpiresIn,
      nonce: `${timestamp()}${randomBytes(8).toString('hex')}`,
    })
  }

  const bearerValid = (request: Request) => {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''
    const expires = tokens.get(token)
    return expires !== undefined && expires > Date.now()
  }

  const routes: [
    string,
    RegExp,
    (
      m: RegExpExecArray,
      body: Record<string, unknown>,
      request: Request,
      query: Record<string, string>,
    ) => Reply,
  ][] = [
    ['POST', /^\/v2\/checkout\/orders$/, (_m, body) => createOrder(body)],
    [
      'GET',
      /^\/v2\/checkout\/orders\/([^/]+)$/,
      (m) => ({ status: 200, body: orderJson(find(orders, m[1]!)) }),
    ],
    ['POST', /^\/v2\/checkout\/orders\/([^/]+)\/authorize$/, (m) => authorizeOrder(m[1]!)],
    [
      'GET',
      /^\/v2\/payments\/authorizations\/([^/]+)$/,
      (m) => ({ status: 200, body: authorizationJson(find(authorizations, m[1]!)) }),
    ],
    [
      'POST',
      /^\/v2\/payments\/authorizations\/([^/]+)\/capture$/,
      (m, body) => captureAuthorization(m[1]!, body),
    ],
    [
      'POST',
      /^\/v2\/payments\/authorizations\/([^/]+)\/void$/,
      (m, _b, request) => voidAuthorization(m[1]!, request.headers.get('prefer')),
    ],
    [
      'GET',
      /^\/v2\/payments\/captures\/([^/]+)$/,
      (m) => ({ status: 200, body: captureJson(find(captures, m[1]!)) }),
    ],
    ['POST', /^\/v2\/payments\/captures\/([^/]+)\/refund$/, (m, body) => refundCapture(m[1]!, body)],
    [
      'GET',
      /^\/v2\/payments\/refunds\/([^/]+)$/,
      (m) => ({ status: 200, body: refundJson(find(refunds, m[1]!)) }),
    ],
    ['GET', /^\/v1\/reporting\/transactions$/, (_m, _b, _r, query) => searchTransactions(query)],
    ['POST', /^\/v1\/notifications\/verify-webhook-signature$/, (_m, body) => verifyWebhook(body)],
  ]

  const answer = (reply: Reply) =>
    reply.body === undefined
      ? new Response(null, { status: reply.status })
      : Response.json(reply.body, { status: reply.status })

  const refused = (refusal: Refusal) => answer({ status: refusal.status, body: errorBody(refusal) })

  /** Runs the route, once per PayPal-Request-Id: a repeat answers what the first successful call did. */
  const handle = (request: Request, path: string, query: Record<string, string>, text: string): Reply => {
    const requestId = request.headers.get('paypal-request-id')
    const key = request.method === 'POST' && requestId ? `${path} ${requestId}` : null
    const kept = key ? replies.get(key) : undefined
    if (kept) return kept
    for (const [method, pattern, run] of routes) {
      const m = pattern.exec(path)
      if (!m || method !== request.method) continue
      let body: Record<string, unknown> = {}
      if (text) {
        try {
          body = JSON.parse(text)
        } catch {
          throw refusals.invalid('MALFORMED_REQUEST_JSON', 'The request JSON is not well formed.')
        }
      }
      const reply = run(m, body, request, query)
      if (key && reply.status < 300) replies.set(key, reply)
      return reply
    }
    throw refusals.notFound()
  }

  const takeFault = (method: string, path: string) => {
    const pending = faults.find(
      (f) =>
        f.count > 0 &&
        (!f.match.method || f.match.method === method) &&
        (!f.match.path || f.match.path.test(path)),
    )
    if (!pending) return null
    pending.count--
    return pending.fault
  }

  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    async fetch(request) {
      const { pathname: path, searchParams } = new URL(request.url)
      const query = Object.fromEntries(searchParams)
      const text = await request.text()
      let logged: unknown = text
      try {
        logged = text ? JSON.parse(text) : null
      } catch {}
      requests.push({
        method: request.method,
        path,
        query,
        headers: Object.fromEntries(request.headers),
        body: logged,
      })
      if (path === '/v1/oauth2/token' && request.method === 'POST') return issueToken(request, text)
      const fault = takeFault(request.method, path)
      if (fault === 'hang')
        return new Promise<Response>((resolve) =>
          hanging.add(() => resolve(new Response(null, { status: 503 }))),
        )
      if (fault === 'rate_limit')
        return refused(
          new Refusal(429, 'RATE_LIMIT_REACHED', 'Too many requests. Blocked due to rate limiting.'),
        )
      const serverError = new Refusal(500, 'INTERNAL_SERVER_ERROR', 'An internal server error occurred.')
      if (fault === 'server_error') return refused(serverError)
      if (!bearerValid(request))
        return refused(
          new Refusal(
            401,
            'AUTHENTICATION_FAILURE',
            'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
          ),
        )
      try {
        const reply = handle(request, path, query, text)
        return fault === 'server_error_after_work' ? refused(serverError) : answer(reply)
      } catch (error) {
        if (error instanceof Refusal)
          return fault === 'server_error_after_work' ? refused(serverError) : refused(error)
        throw error
      }
    },
  })
  url = `http://127.0.0.1:${server.port}`

  const pendingOrder = (orderId: string) => {
    const order = orders.get(orderId)
    if (!order) throw new Error(`No order ${orderId}`)
    if (order.status !== 'CREATED' && order.status !== 'PAYER_ACTION_REQUIRED')
      throw new Error(`Order ${orderId} is ${order.status}, not awaiting the buyer`)
    return order
  }

  return {
    url,
    clientId,
    clientSecret,
    webhookId,
    async stop() {
      for (const release of hanging) release()
      hanging.clear()
      await server.stop(true)
    },
    approve(orderId, { instrument = 'ok' } = {}) {
      const order = pendingOrder(orderId)
      Object.assign(order, {
        status: 'APPROVED',
        instrumentDeclined: instrument === 'declined',
        updateTime: timestamp(),
      })
      return event('CHECKOUT.ORDER.APPROVED', orderId)
    },
    decline(orderId) {
      pendingOrder(orderId).cancelled = true
    },
    failNext(count, fault, match = {}) {
      faults.push({ count, fault, match })
    },
    event,
    dispute(captureId) {
      const capture = find(captures, captureId)
      const now = timestamp()
      return event('CUSTOMER.DISPUTE.CREATED', {
        dispute_id: `PP-D-${Math.floor(Math.random() * 1e5)}`,
        create_time: now,
        update_time: now,
        disputed_transactions: [
          {
            seller_transaction_id: capture.id,
            create_time: capture.createTime,
            transaction_status: 'COMPLETED',
            gross_amount: capture.amount,
          },
        ],
        reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
        status: 'OPEN',
        dispute_amount: capture.amount,
        dispute_life_cycle_stage: 'CHARGEBACK',
        dispute_channel: 'EXTERNAL',
        links: [],
      })
    },
    refundOutside(captureId, amount) {
      try {
        const capture = find(captures, captureId)
        const money = { currency_code: capture.amount.currency_code, value: amount }
        const reply = refundCapture(captureId, { amount: money }, true)
        return refunds.get((reply.body as { id: string }).id)!
      } catch (error) {
        if (error instanceof Refusal) throw new Error(`PayPal refuses the refund: ${error.details[0]?.issue}`)
        throw error
      }
    },
    orders,
    authorizations,
    captures,
    refunds,
    transactions,
    requests,
    get tokensIssued() {
      return tokensIssued
    },
  }
}
