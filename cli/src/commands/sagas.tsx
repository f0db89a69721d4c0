import { type Command, InvalidArgumentError } from 'commander'
import type { Saga, SagaPage, SagaStatus } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { type Column, Details, type Output, Table } from '../output.tsx'
import { confirm } from '../prompt.tsx'
import { pageSize } from './orders.tsx'

/** Every status a saga can be in, to check `--status` before a request. */
export const sagaStatuses: readonly SagaStatus[] = [
  'running',
  'awaiting_action',
  'completed',
  'compensating',
  'compensated',
  'needs_attention',
]

const sagaId = (value: string): string => {
  if (!/^sag_[0-9A-HJKMNP-TV-Z]{26}$/.test(value))
    throw new InvalidArgumentError('expected a saga id (sag_ and 26 characters)')
  return value
}

const status = (value: string): SagaStatus => {
  if (!(sagaStatuses as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${sagaStatuses.join(', ')}`)
  return value as SagaStatus
}

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-')

/** How long a step took, or that it is still under way. */
const took = (step: Saga['steps'][number]) =>
  step.finishedAt ? `${Date.parse(step.finishedAt) - Date.parse(step.startedAt)} ms` : 'running'

const sagaColumns: Column<SagaPage['items'][number]>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'kind', value: (s) => s.kind },
  { header: 'order', value: (s) => s.orderId },
  { header: 'status', value: (s) => s.status },
  { header: 'step', value: (s) => s.currentStep ?? '-' },
  { header: 'updated', value: (s) => when(s.updatedAt) },
]

const stepColumns: Column<Saga['steps'][number]>[] = [
  { header: 'started', value: (s) => when(s.startedAt) },
  { header: 'step', value: (s) => (s.direction === 'compensate' ? `undo ${s.name}` : s.name) },
  { header: 'status', value: (s) => s.status },
  { header: 'attempts', value: (s) => String(s.attempts) },
  { header: 'took', value: took },
  { header: 'error', value: (s) => s.error ?? '' },
]

/** A saga as an operator reads it: where it stands, then the timeline of its steps, oldest first. */
export const printSaga = (out: Output, saga: Saga) => {
  out.print(
    <Details
      entries={[
        ['id', saga.id],
        ['kind', saga.kind],
        ['order', saga.orderId],
        ['status', saga.status],
        ['step', saga.currentStep ?? '-'],
        ...(saga.lastError ? [['last error', saga.lastError] as [string, string]] : []),
        ['started', when(saga.createdAt)],
        ['updated', when(saga.updatedAt)],
      ]}
      color={out.color}
    />,
  )
  if (saga.steps.length)
    out.print(<Table columns={stepColumns} rows={saga.steps} color={out.color} width={out.width} />)
}

type ListOptions = { status?: SagaStatus; limit?: number; cursor?: string }

/** sagas list / show / retry / compensate: checkouts, cancellations and refunds as they ran, and their repair. */
export const registerSagas = (program: Command, { action, deps }: CommandContext): void => {
  const sagas = program
    .command('sagas')
    .description('inspect and repair checkouts, cancellations and refunds step by step (admin)')

  action<ListOptions>(
    sagas
      .command('list')
      .description('sagas, newest first')
      .option('--status <status>', `only sagas in this status: ${sagaStatuses.join(', ')}`, status)
      .option('--limit <n>', 'page size (1..100)', pageSize)
      .option('--cursor <cursor>', 'continue from a previous page'),
    async ({ opts, api, out }) => {
      const page = await out.during('Loading sagas', () =>
        api.listSagas({ status: opts.status, limit: opts.limit, cursor: opts.cursor }),
      )
      if (out.json) {
        out.printJson(page)
        return undefined
      }
      if (!page.items.length) out.line(opts.status ? `No saga is ${opts.status}` : 'No sagas')
      else out.print(<Table columns={sagaColumns} rows={page.items} color={out.color} width={out.width} />)
      if (page.nextCursor) out.note(`more sagas: --cursor ${page.nextCursor}`)
      return undefined
    },
  )

  action(
    sagas
      .command('show')
      .description('a saga and the timeline of its steps')
      .argument('<id>', 'the saga id', sagaId),
    async ({ args, api, out }) => {
      const saga = await api.getSaga(args[0] as string)
      if (out.json) out.printJson(saga)
      else printSaga(out, saga)
      return undefined
    },
  )

  action(
    sagas
      .command('retry')
      .description('run a stopped saga forward again from the step that failed')
      .argument('<id>', 'the saga id', sagaId),
    async ({ args, api, out }) => {
      const saga = await out.during('Retrying', () => api.retrySaga(args[0] as string))
      if (out.json) out.printJson(saga)
      else printSaga(out, saga)
      return undefined
    },
  )

  action<{ yes?: boolean }>(
    sagas
      .command('compensate')
      .description('undo what a saga did: stock released, payment voided or refunded, order cancelled')
      .argument('<id>', 'the saga id', sagaId)
      .option('--yes', 'do not ask first'),
    async ({ opts, args, api, out }) => {
      const id = args[0] as string
      await confirm(deps, `Undo ${id}? Its order is cancelled and its payment voided or refunded.`, opts.yes)
      const saga = await out.during('Compensating', () => api.compensateSaga(id))
      if (out.json) out.printJson(saga)
      else printSaga(out, saga)
      return undefined
    },
  )
}
