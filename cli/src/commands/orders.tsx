import { orderStatuses as eventOrderStatuses } from '@myshop/events'
import { formatDecimalPrice, parseDecimalPrice } from '@myshop/money'
import { type Command, InvalidArgumentError } from 'commander'
import type { Order, OrderPage, OrderStatus } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { type Column, Details, type Output, Table } from '../output.tsx'
import { collectPages } from '../pages.ts'
import { confirm } from '../prompt.tsx'

/**
 * Every status an order can be in, to check `--status` before a request: the order events' list, typed as the
 * document's so the type-check fails when the two part ways.
 */
export const orderStatuses: readonly OrderStatus[] = eventOrderStatuses

const orderIdPattern = /^ord_[0-9A-HJKMNP-TV-Z]{26}$/

const orderId = (value: string): string => {
  if (!orderIdPattern.test(value))
    throw new InvalidArgumentError('expected an order id (ord_ and 26 characters)')
  return value
}

const status = (value: string): OrderStatus => {
  if (!(orderStatuses as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${orderStatuses.join(', ')}`)
  return value as OrderStatus
}

const since = (value: string): string => {
  const at = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime()))
    throw new InvalidArgumentError('expected a date (2026-12-01) or a time (2026-12-01T09:00:00Z)')
  return at.toISOString()
}

export const pageSize = (value: string): number => {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 100)
    throw new InvalidArgumentError('expected a whole number 1..100')
  return n
}

const tracking = (value: string): string => {
  if (!/^[\x21-\x7e]{1,100}$/.test(value))
    throw new InvalidArgumentError('expected 1..100 printable characters without spaces')
  return value
}

const money = (amount: number, currency: string) => `${formatDecimalPrice(amount, currency)} ${currency}`

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')

const orderColumns: Column<OrderPage['items'][number]>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'placed', value: (o) => when(o.createdAt) },
  { header: 'status', value: (o) => o.status },
  { header: 'email', value: (o) => o.email },
  { header: 'total', value: (o) => money(o.totals.total, o.currency) },
]

/** An order's dispute in a few words: its status, the amount disputed, why. */
const disputeSummary = (order: Pick<Order, 'dispute'>) =>
  order.dispute
    ? `${order.dispute.status} ${money(order.dispute.amount, order.dispute.currency)} ${order.dispute.reason}`
    : ''

const disputeColumn: Column<OrderPage['items'][number]> = { header: 'dispute', value: disputeSummary }

type Line = Order['lines'][number]
type HistoryEntry = Order['history'][number]

const lineColumns = (currency: string): Column<Line>[] => [
  { header: 'sku', value: (l) => l.sku },
  { header: 'name', value: (l) => l.name },
  { header: 'qty', value: (l) => String(l.quantity) },
  { header: 'unit', value: (l) => money(l.unitPrice, currency) },
  { header: 'total', value: (l) => money(l.lineTotal, currency) },
]

const historyColumns: Column<HistoryEntry>[] = [
  { header: 'at', value: (h) => when(h.at) },
  { header: 'status', value: (h) => h.status },
  { header: 'by', value: (h) => h.actor },
  { header: 'note', value: (h) => h.note ?? '' },
]

/** An order as an operator reads it: its facts, its lines, and how its status moved. */
export const printOrder = (out: Output, order: Order) => {
  const { totals, currency } = order
  const address = order.shippingAddress
  out.print(
    <Details
      entries={[
        ['id', order.id],
        ['status', order.status],
        ['email', order.email],
        ['placed', when(order.createdAt)],
        [
          'ship to',
          `${address.name}, ${address.line1}, ${address.postalCode} ${address.city}, ${address.country}`,
        ],
        ['shipping', `${order.shippingOption.name} (${money(totals.shipping, currency)})`],
        ['subtotal', money(totals.subtotal, currency)],
        ['tax', money(totals.tax, currency)],
        ['total', money(totals.total, currency)],
        ...(totals.refunded ? [['refunded', money(totals.refunded, currency)] as [string, string]] : []),
        [
          'payment',
          `${order.payment.provider} ${order.payment.status ?? '-'} ${order.payment.id ?? ''}`.trim(),
        ],
        ...order.fulfillments.map(
          (f) =>
            [
              'shipped',
              `${when(f.shippedAt)} ${f.carrier ?? ''} ${f.trackingNumber}`.replace(/\s+/g, ' '),
            ] as [string, string],
        ),
        ...(order.dispute
          ? [['dispute', `${disputeSummary(order)} (${order.dispute.id})`] as [string, string]]
          : []),
        ...(order.sagaId ? [['saga', order.sagaId] as [string, string]] : []),
      ]}
      color={out.color}
    />,
  )
  out.print(<Table columns={lineColumns(currency)} rows={order.lines} color={out.color} width={out.width} />)
  out.print(<Table columns={historyColumns} rows={order.history} color={out.color} width={out.width} />)
}

type ListOptions = {
  status?: OrderStatus
  since?: string
  disputed?: boolean
  limit?: number
  cursor?: string
  all?: boolean
}
type RefundOptions = { amount?: string; restock?: boolean; yes?: boolean }

/** orders list / show / cancel / refund / ship: orders for support staff and administrators. */
export const registerOrders = (program: Command, { action, deps }: CommandContext): void => {
  const orders = program
    .command('orders')
    .description('read, cancel, refund and ship orders (support, admin)')

  action<ListOptions>(
    orders
      .command('list')
      .description("every customer's orders, newest first")
      .option('--status <status>', `only orders in this status: ${orderStatuses.join(', ')}`, status)
      .option('--since <date>', 'only orders placed at or after this date or time', since)
      .option('--disputed', "only orders whose payment the shopper's bank disputed")
      .option('--limit <n>', 'page size (1..100)', pageSize)
      .option('--cursor <cursor>', 'continue from a previous page')
      .option('--all', 'follow every page'),
    async ({ opts, api, out }) => {
      const filter = {
        status: opts.status,
        since: opts.since,
        limit: opts.limit,
        ...(opts.disputed && { disputed: true }),
      }
      const result = await out.during('Loading orders', () =>
        collectPages((cursor) => api.listOrders({ ...filter, cursor }), opts),
      )
      if (out.json) {
        out.printJson(result)
        return undefined
      }
      if (!result.items.length) out.line('No orders')
      else
        out.print(
          <Table
            columns={opts.disputed ? [...orderColumns, disputeColumn] : orderColumns}
            rows={result.items}
            color={out.color}
            width={out.width}
          />,
        )
      if (result.nextCursor) out.note(`more orders: --cursor ${result.nextCursor} (or --all)`)
      return undefined
    },
  )

  action(
    orders
      .command('show')
      .description('one order with its lines and status history')
      .argument('<id>', 'the order id', orderId),
    async ({ args, api, out }) => {
      const order = await api.getOrder(args[0] as string)
      if (out.json) out.printJson(order)
      else printOrder(out, order)
      return undefined
    },
  )

  action<{ yes?: boolean }>(
    orders
      .command('cancel')
      .description(
        'cancel an order before it ships: its stock is released and its payment voided or refunded',
      )
      .argument('<id>', 'the order id', orderId)
      .option('--yes', 'do not ask first'),
    async ({ opts, args, api, out }) => {
      const id = args[0] as string
      await confirm(deps, `Cancel ${id}? Its payment is voided or refunded.`, opts.yes)
      const order = await out.during(`Cancelling ${id}`, () => api.cancelOrder(id))
      if (out.json) out.printJson(order)
      else out.line(`${order.id} is ${order.status}`)
      return undefined
    },
  )

  action<RefundOptions>(
    orders
      .command('refund')
      .description('give back all or part of what an order was paid')
      .argument('<id>', 'the order id', orderId)
      .option('--amount <amount>', "how much, in the order's currency (12.50); everything left when absent")
      .option('--restock', 'put the units back in stock')
      .option('--yes', 'do not ask first'),
    async ({ opts, args, api, out }) => {
      const id = args[0] as string
      const order = await api.getOrder(id)
      let amount: number | undefined
      if (opts.amount !== undefined) {
        const parsed = parseDecimalPrice(opts.amount, order.currency)
        if (parsed === null || parsed < 1)
          throw new CliError(
            'usage_error',
            `--amount ${JSON.stringify(opts.amount)} is not an amount of ${order.currency} (such as 12.50)`,
            exitCodes.usage,
          )
        amount = parsed
      }
      const left = order.totals.total - order.totals.refunded
      await confirm(
        deps,
        `Refund ${money(amount ?? left, order.currency)} of ${id}${opts.restock ? ' and restock its units' : ''}?`,
        opts.yes,
      )
      const refunded = await out.during(`Refunding ${id}`, () =>
        api.refundOrder(id, {
          ...(amount !== undefined && { amount }),
          ...(opts.restock && { restock: true }),
        }),
      )
      if (out.json) out.printJson(refunded)
      else
        out.line(
          `${refunded.id} is ${refunded.status}: ${money(refunded.totals.refunded, refunded.currency)} refunded of ${money(refunded.totals.total, refunded.currency)}`,
        )
      return undefined
    },
  )

  action<{ tracking: string; carrier?: string }>(
    orders
      .command('ship')
      .description('mark a paid order shipped, with its tracking number')
      .argument('<id>', 'the order id', orderId)
      .requiredOption('--tracking <number>', "the carrier's tracking number", tracking)
      .option('--carrier <name>', 'who carries it (DHL, UPS, ...)', tracking),
    async ({ opts, args, api, out }) => {
      const order = await api.shipOrder(args[0] as string, {
        trackingNumber: opts.tracking,
        ...(opts.carrier !== undefined && { carrier: opts.carrier }),
      })
      if (out.json) out.printJson(order)
      else out.line(`${order.id} is ${order.status}, tracking ${opts.tracking}`)
      return undefined
    },
  )
}
