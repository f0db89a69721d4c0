import type { Command } from 'commander'
import { Box, Text } from 'ink'
import { useEffect, useState } from 'react'
import type { Health } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { formatError, type StatusItem, StatusList } from '../output.tsx'

const refreshMs = 2000

const toItems = (health: Health): StatusItem[] => [
  { name: 'gateway', status: health.status },
  ...Object.entries(health.services).map(([name, service]) => ({
    name,
    status: service.status,
    detail: [
      `${service.latencyMs}ms`,
      service.status === 'down' && service.httpStatus ? `HTTP ${service.httpStatus}` : '',
    ]
      .filter(Boolean)
      .join('  '),
  })),
]

const healthy = (health: Health): boolean =>
  health.status === 'ok' && Object.values(health.services).every((s) => s.status === 'ok')

type Snapshot = { health?: Health; error?: string; at: Date }

/** Polls until unmounted; an unreachable gateway is shown, not fatal, so the view recovers on its own. */
const HealthWatch = ({
  poll,
  color,
  onSnapshot,
}: {
  poll: () => Promise<Snapshot>
  color: boolean
  onSnapshot: (s: Snapshot) => void
}) => {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      const next = await poll()
      if (stopped) return
      setSnapshot(next)
      onSnapshot(next)
      timer = setTimeout(tick, refreshMs)
    }
    void tick()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [poll, onSnapshot])
  if (!snapshot) return <Text dimColor={color}>checking…</Text>
  return (
    <Box flexDirection="column">
      {snapshot.health ? (
        <StatusList items={toItems(snapshot.health)} color={color} />
      ) : (
        <StatusList
          items={[{ name: 'gateway', status: 'down', detail: snapshot.error ?? '' }]}
          color={color}
        />
      )}
      <Text dimColor={color}>
        {`updated ${snapshot.at.toISOString()}, every ${refreshMs / 1000}s; Ctrl-C to stop`}
      </Text>
    </Box>
  )
}

/** health: the gateway's aggregated view of every service. */
export const registerHealth = (program: Command, { action }: CommandContext): void => {
  action<{ watch?: boolean }>(
    program
      .command('health')
      .description('show the health of the gateway and services (exit 0 only when all are ok)')
      .option('--watch', `refresh every ${refreshMs / 1000}s until Ctrl-C`),
    async ({ opts, api, out, deps }) => {
      const { watch } = opts
      if (watch && out.json) {
        throw new CliError('usage_error', '--watch prints a live view; use --json without --watch to poll')
      }
      if (!watch) {
        const health = await out.during('Checking health', api.health)
        if (out.json) out.printJson(health)
        else out.print(<StatusList items={toItems(health)} color={out.color} />)
        return healthy(health) ? exitCodes.ok : exitCodes.failure
      }

      let last: Snapshot | undefined
      const poll = async (): Promise<Snapshot> => {
        try {
          return { health: await api.health(), at: deps.now() }
        } catch (error) {
          if (deps.signal.aborted) return { error: 'stopped', at: deps.now() }
          return { error: formatError(error), at: deps.now() }
        }
      }
      const live = out.live(
        <HealthWatch
          poll={poll}
          color={out.color}
          onSnapshot={(s) => {
            last = s
          }}
        />,
      )
      if (live) {
        await new Promise<void>((resolve) => deps.signal.addEventListener('abort', () => resolve()))
        live.unmount()
      } else {
        // Without a terminal there is no live view to redraw, so each check becomes one plain line.
        while (!deps.signal.aborted) {
          last = await poll()
          const items = last.health
            ? toItems(last.health)
            : [{ name: 'gateway', status: 'down', detail: last.error }]
          out.line(`${last.at.toISOString()} ${items.map((i) => `${i.name}=${i.status}`).join(' ')}`)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, refreshMs)
            deps.signal.addEventListener('abort', () => {
              clearTimeout(timer)
              resolve()
            })
          })
        }
      }
      if (!last) return exitCodes.failure
      return last.health && healthy(last.health) ? exitCodes.ok : exitCodes.failure
    },
  )
}
