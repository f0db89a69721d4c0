import { formatDecimalPrice } from '@myshop/money'
import { type Command, InvalidArgumentError } from 'commander'
import type { PaymentAtProvider, PaymentDifference, PaymentProviderName } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { exitCodes } from '../errors.ts'
import { type Column, Details, Table } from '../output.tsx'

const providers: readonly PaymentProviderName[] = ['stripe', 'paypal', 'test']

const provider = (value: string): PaymentProviderName => {
  if (!(providers as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${providers.join(', ')}`)
  return value as PaymentProviderName
}

const since = (value: string): string => {
  const at = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime()))
    throw new InvalidArgumentError('expected a date (2026-12-01) or a time (2026-12-01T09:00:00Z)')
  return at.toISOString()
}

const paymentId = (value: string): string => {
  if (!/^pay_[0-9A-HJKMNP-TV-Z]{26}$/.test(value))
    throw new InvalidArgumentError('expected a payment id (pay_ and 26 characters)')
  return value
}

type Side = PaymentDifference['ours']
const side = (s: Side) => (s ? `${s.status} ${s.amount}/${s.capturedAmount}/${s.refundedAmount}` : 'none')

const differenceColumns: Column<PaymentDifference>[] = [
  { header: 'kind', value: (d) => d.kind },
  { header: 'payment', value: (d) => d.paymentId ?? '-' },
  { header: 'provider ref', value: (d) => d.providerReference ?? '-' },
  { header: 'ledger', value: (d) => side(d.ours) },
  { header: 'provider', value: (d) => side(d.theirs) },
  { header: 'detail', value: (d) => d.detail },
]

const money = (amount: number, currency: string) => `${formatDecimalPrice(amount, currency)} ${currency}`

type Row = { what: string; ledger: string; provider: string }

/** The payment and the provider's record of it, field by field, so a difference reads across one line. */
const sideBySide = ({ payment, provider: theirs }: PaymentAtProvider): Row[] => {
  const c = payment.currency
  const refunded = payment.refunds.filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amount, 0)
  return [
    {
      what: 'reference',
      ledger: payment.providerReference ?? '-',
      provider: theirs?.reference ?? 'no record',
    },
    { what: 'status', ledger: payment.status, provider: theirs?.status ?? '-' },
    {
      what: 'amount',
      ledger: money(payment.amount, c),
      provider: theirs ? money(theirs.amount, theirs.currency) : '-',
    },
    {
      what: 'captured',
      ledger: money(payment.capturedAmount, c),
      provider: theirs ? money(theirs.capturedAmount, theirs.currency) : '-',
    },
    {
      what: 'refunded',
      ledger: money(refunded, c),
      provider: theirs ? money(theirs.refundedAmount, theirs.currency) : '-',
    },
    {
      what: 'refunds',
      ledger: payment.refunds.map((r) => `${money(r.amount, c)} ${r.status}`).join(', ') || '-',
      provider:
        theirs?.refunds.map((r) => `${money(r.amount, theirs.currency)} ${r.status}`).join(', ') || '-',
    },
  ]
}

const rowColumns: Column<Row>[] = [
  { header: '', value: (r) => r.what },
  { header: 'ledger', value: (r) => r.ledger },
  { header: 'provider', value: (r) => r.provider },
]

const ledgerColumns: Column<PaymentAtProvider['payment']['transactions'][number]>[] = [
  { header: 'at', value: (t) => t.createdAt },
  { header: 'call', value: (t) => t.kind },
  { header: 'amount', value: (t) => String(t.amount) },
  { header: 'outcome', value: (t) => t.outcome },
  { header: 'provider ref', value: (t) => t.providerReference ?? '-' },
  { header: 'detail', value: (t) => t.detail ?? '' },
]

/** payments reconcile / show: the payment ledger checked against Stripe's, PayPal's or the test provider's records. */
export const registerPayments = (program: Command, { action }: CommandContext): void => {
  const payments = program
    .command('payments')
    .description("compare the payment ledger with the providers' records (support, admin)")

  action<{ provider: PaymentProviderName; since: string }>(
    payments
      .command('reconcile')
      .description('list every difference between the ledger and a provider (exit 1 when there is any)')
      .requiredOption('--provider <name>', `the provider: ${providers.join(', ')}`, provider)
      .requiredOption('--since <date>', 'payments made at or after this date or time', since),
    async ({ opts, api, out }) => {
      const result = await out.during(`Comparing the ledger with ${opts.provider}`, () =>
        api.reconcilePayments(opts.provider, opts.since),
      )
      if (out.json) out.printJson(result)
      else if (result.differences.length === 0)
        out.line(
          `The ledger and ${result.provider} agree on ${result.checked} payments since ${result.since}`,
        )
      else {
        out.print(
          <Table columns={differenceColumns} rows={result.differences} color={out.color} width={out.width} />,
        )
        out.note(
          `${result.differences.length} differences in ${result.checked} payments since ${result.since} (amounts: authorized/captured/refunded, minor units)`,
        )
      }
      return result.differences.length === 0 ? exitCodes.ok : exitCodes.failure
    },
  )

  action(
    payments
      .command('show')
      .description("one payment's ledger beside the provider's record of it")
      .argument('<id>', 'the payment id', paymentId),
    async ({ args, api, out }) => {
      const view = await api.getPaymentAtProvider(args[0] as string)
      if (out.json) {
        out.printJson(view)
        return view.differences.length === 0 ? exitCodes.ok : exitCodes.failure
      }
      const { payment } = view
      out.print(
        <Details
          entries={[
            ['id', payment.id],
            ['for', payment.reference],
            ['provider', payment.provider],
            ...(payment.dispute
              ? [
                  [
                    'disputed',
                    `${money(payment.dispute.amount, payment.dispute.currency)} ${payment.dispute.reason} (${payment.dispute.status})`,
                  ] as [string, string],
                ]
              : []),
          ]}
          color={out.color}
        />,
      )
      out.print(<Table columns={rowColumns} rows={sideBySide(view)} color={out.color} width={out.width} />)
      out.print(
        <Table columns={ledgerColumns} rows={payment.transactions} color={out.color} width={out.width} />,
      )
      for (const difference of view.differences) out.note(`${difference.kind}: ${difference.detail}`)
      return view.differences.length === 0 ? exitCodes.ok : exitCodes.failure
    },
  )
}
