import { AppError } from '@myshop/errors'
import type { PaymentDeps } from '../deps.ts'
import type { PaymentProvider, ProviderName, ProviderRecord } from '../payments/provider.ts'
import {
  getPayment,
  ledgerByReferences,
  ledgerSince,
  type Payment,
  providerOfPayment,
} from '../payments/service.ts'
import { comparePayment, type Difference, type LedgerView, unknownToLedger } from './model.ts'

/** Asks the provider, turning its failure into a 502 that says which provider and what went wrong. */
const ask = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    throw new AppError('bad_gateway', {
      detail: `${name} could not be asked: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    })
  }
}

/**
 * Compares the ledger's payments through `name` made since `since` with the provider's records, and answers every
 * difference. A payment the provider's list left out (it may lag, as PayPal's transaction search does) is looked
 * up by itself before it is called missing; a provider record the ledger's window left out is looked for among
 * older payments before it is called unknown.
 */
export const reconcile = async (
  deps: PaymentDeps,
  name: ProviderName,
  since: Date,
): Promise<{ provider: ProviderName; since: string; checked: number; differences: Difference[] }> => {
  const provider: PaymentProvider | undefined = deps.providers[name]
  if (!provider)
    throw new AppError('provider_unavailable', {
      detail: `The ${name} provider is not configured on this shop`,
      errors: [{ path: '/provider', message: 'must be a configured provider' }],
    })
  const ours = await ledgerSince(deps, name, since)
  const listed = await ask(name, () => provider.list(since))
  const theirs = new Map(listed.map((record) => [record.reference, record]))
  const differences: Difference[] = []
  const compared = new Set<string>()
  const compare = async (entry: LedgerView) => {
    compared.add(entry.paymentId)
    const reference = entry.providerReference!
    const record: ProviderRecord | null =
      theirs.get(reference) ?? (await ask(name, () => provider.inspect(reference)))
    theirs.delete(reference)
    differences.push(...comparePayment(entry, record))
  }
  // A payment whose first call never reached the provider has no reference: there is nothing there to compare.
  const referenced = ours.filter((entry) => entry.providerReference !== null)
  for (const entry of referenced) await compare(entry)
  const older = await ledgerByReferences(deps, name, [...theirs.keys()])
  for (const entry of older) await compare(entry)
  // A provider may list a payment under another of its ids (PayPal lists authorizations): one that names a payment
  // already compared is that payment, not a stranger.
  const strangers = [...theirs.values()].filter((r) => !(r.paymentId && compared.has(r.paymentId)))
  for (const record of strangers) differences.push(unknownToLedger(record))
  return {
    provider: name,
    since: since.toISOString(),
    checked: referenced.length + older.length + strangers.length,
    differences,
  }
}

/** One payment beside the provider's record of it, with the differences between them. */
export const providerView = async (
  deps: PaymentDeps,
  id: string,
): Promise<{ payment: Payment; provider: ProviderRecord | null; differences: Difference[] }> => {
  const payment = await getPayment(deps, id)
  const provider = await providerOfPayment(deps, id)
  const record = payment.providerReference
    ? await ask(payment.provider, () => provider.inspect(payment.providerReference!))
    : null
  const settledRefunds = payment.refunds
    .filter((r) => r.status === 'succeeded')
    .reduce((sum, r) => sum + r.amount, 0)
  const differences = payment.providerReference
    ? comparePayment(
        {
          paymentId: payment.id,
          providerReference: payment.providerReference,
          status: payment.status,
          amount: payment.amount,
          currency: payment.currency,
          capturedAmount: payment.capturedAmount,
          refundedAmount: settledRefunds,
        },
        record,
      )
    : []
  return { payment, provider: record, differences }
}
