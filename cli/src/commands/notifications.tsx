import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import type { Delivery, DeliveryPage, DeliveryStatus } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { readSink, type SinkMessage } from '../notifications/sink.ts'
import { type Column, Details, type Output, Table } from '../output.tsx'
import { collectPages } from '../pages.ts'
import { pageSize } from './orders.tsx'

/**
 * Every status a delivery can be in, to check `--status` before a request; keyed by the document's type, so the
 * type-check fails when a status is added there and not here.
 */
const statusSet: Record<DeliveryStatus, true> = {
  queued: true,
  sending: true,
  sent: true,
  delivered: true,
  bounced: true,
  failed: true,
  suppressed: true,
}
export const deliveryStatuses = Object.keys(statusSet) as DeliveryStatus[]

const testChannels = ['email', 'sms'] as const
type TestChannel = (typeof testChannels)[number]

const deliveryIdPattern = /^ntf_[0-9A-HJKMNP-TV-Z]{26}$/

const status = (value: string): DeliveryStatus => {
  if (!(deliveryStatuses as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${deliveryStatuses.join(', ')}`)
  return value as DeliveryStatus
}

const channel = (value: string): TestChannel => {
  if (!(testChannels as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${testChannels.join(', ')}`)
  return value as TestChannel
}

const locale = (value: string): string => {
  if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(value))
    throw new InvalidArgumentError('expected a locale such as en or de-AT')
  return value
}

const templateName = (value: string): string => {
  if (!/^[a-z_]{1,64}$/.test(value))
    throw new InvalidArgumentError('expected a template name (order_confirmation)')
  return value
}

const usage = (message: string) => new CliError('usage_error', message, exitCodes.usage)

/** The address or number a test message goes to, checked for its channel before any request. */
const testRecipient = (to: string, via: TestChannel): string => {
  if (via === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to))
    throw usage('--to must be an email address for --channel email')
  if (via === 'sms' && !/^\+[1-9][0-9]{6,14}$/.test(to))
    throw usage('--to must be an E.164 number (+4915…) for --channel sms')
  return to
}

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')

const deliveryColumns: Column<DeliveryPage['items'][number]>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'created', value: (d) => when(d.createdAt) },
  { header: 'channel', value: (d) => d.channel },
  { header: 'template', value: (d) => d.template },
  { header: 'to', value: (d) => d.recipient },
  { header: 'status', value: (d) => d.status },
  { header: 'attempts', value: (d) => String(d.attempts) },
  { header: 'last error', value: (d) => d.lastError ?? '' },
]

const printDelivery = (out: Output, delivery: Delivery) => {
  if (out.json) return out.printJson(delivery)
  out.print(
    <Details
      entries={[
        ['id', delivery.id],
        ['channel', delivery.channel],
        ['template', delivery.template],
        ['to', delivery.recipient],
        ['status', delivery.status],
        ['attempts', String(delivery.attempts)],
      ]}
      color={out.color}
    />,
  )
}

/** One line per message of the file sink: time, channel, recipient, subject (or first line). */
const sinkLine = (m: SinkMessage) => `${when(m.at)}  ${m.channel.padEnd(5)}  ${m.to}  ${m.summary}`

/** Resolves after `ms`, or at once when the run is stopped. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      done()
    })
  })

type ListOptions = { status?: DeliveryStatus; to?: string; limit?: number; cursor?: string; all?: boolean }

/** notifications list / retry / send-test / preview / tail: what MyShop told whom, and its repair. */
export const registerNotifications = (program: Command, { action, deps }: CommandContext): void => {
  const notifications = program
    .command('notifications')
    .description('see, retry and test the emails, texts and pushes MyShop sends (admin)')

  action<ListOptions>(
    notifications
      .command('list')
      .description('deliveries, newest first')
      .option('--status <status>', `only deliveries in this status: ${deliveryStatuses.join(', ')}`, status)
      .option('--to <address>', 'only deliveries to this address, number or push endpoint')
      .option('--limit <n>', 'page size (1..100)', pageSize)
      .option('--cursor <cursor>', 'continue from a previous page')
      .option('--all', 'follow every page'),
    async ({ opts, api, out }) => {
      const filter = { status: opts.status, to: opts.to, limit: opts.limit }
      const result = await out.during('Loading deliveries', () =>
        collectPages((cursor) => api.listDeliveries({ ...filter, cursor }), opts),
      )
      if (out.json) {
        out.printJson(result)
        return undefined
      }
      if (!result.items.length) out.line('No deliveries')
      else
        out.print(<Table columns={deliveryColumns} rows={result.items} color={out.color} width={out.width} />)
      if (result.nextCursor) out.note(`more deliveries: --cursor ${result.nextCursor} (or --all)`)
      return undefined
    },
  )

  action<{ allFailed?: boolean }>(
    notifications
      .command('retry')
      .description('send a failed delivery again, or every failed one with --all-failed')
      .argument('[id]', 'the delivery id (ntf_…)')
      .option('--all-failed', 'send every failed delivery again'),
    async ({ opts, args, api, out }) => {
      const id = args[0] as string | undefined
      if (Boolean(opts.allFailed) === Boolean(id))
        throw usage('give a delivery id or --all-failed (one of them)')
      if (id === undefined) {
        const result = await out.during('Retrying', () => api.retryFailedDeliveries())
        if (out.json) out.printJson(result)
        else out.line(`${result.retried} failed deliveries queued again`)
        return undefined
      }
      if (!deliveryIdPattern.test(id)) throw usage('expected a delivery id (ntf_ and 26 characters)')
      printDelivery(out, await out.during('Retrying', () => api.retryDelivery(id)))
      return undefined
    },
  )

  action<{ channel: TestChannel; to: string }>(
    notifications
      .command('send-test')
      .description('send the test message through the whole pipeline, to check the providers')
      .requiredOption('--channel <channel>', `the channel: ${testChannels.join(', ')}`, channel)
      .requiredOption('--to <address>', 'an email address, or an E.164 number for sms'),
    async ({ opts, api, out }) => {
      const to = testRecipient(opts.to, opts.channel)
      const delivery = await out.during('Queueing', () =>
        api.sendTestNotification({ channel: opts.channel, to }),
      )
      printDelivery(out, delivery)
      if (!out.json) out.note(`follow it with: myshop notifications list --to ${to}`)
      return undefined
    },
  )

  action<{ locale?: string; output?: string }>(
    notifications
      .command('preview')
      .description("render a template's email with its sample data: writes the HTML, prints the text part")
      .argument('<template>', 'the template (welcome, order_confirmation, order_shipped, …)', templateName)
      .option('--locale <locale>', 'en, de or a region such as de-AT (default en)', locale)
      .option('--output <file>', 'where to write the HTML (default ./<template>.<locale>.html)'),
    async ({ opts, args, api, out }) => {
      const preview = await out.during('Rendering', () => api.previewTemplate(args[0] as string, opts.locale))
      const file = resolve(opts.output ?? `${preview.template}.${preview.locale}.html`)
      await writeFile(file, preview.html)
      if (out.json) out.printJson({ ...preview, file })
      else {
        out.line(`Subject: ${preview.subject}`)
        out.line('')
        out.line(preview.text)
        out.note(`HTML written to ${file}`)
      }
      return undefined
    },
  )

  action<{ dir?: string; once?: boolean }>(
    notifications
      .command('tail')
      .description(
        'print each email, text and push the embedded file sink writes, as it arrives (Ctrl-C stops)',
      )
      .option(
        '--dir <dir>',
        'the sink directory (default $MYSHOP_DATA_DIR/notifications, else .myshop/notifications)',
      )
      .option('--once', 'print what is there and exit'),
    async ({ opts, out }) => {
      const dir = opts.dir ?? join(deps.env.MYSHOP_DATA_DIR ?? '.myshop', 'notifications')
      const seen = new Set<string>()
      const printed: SinkMessage[] = []
      do {
        for (const message of await readSink(dir)) {
          if (seen.has(message.key)) continue
          seen.add(message.key)
          printed.push(message)
          out.line(sinkLine(message))
        }
        if (!opts.once) await pause(500, deps.signal)
      } while (!opts.once && !deps.signal.aborted)
      if (out.json) out.printJson(printed)
      return undefined
    },
    { remote: false },
  )
}
