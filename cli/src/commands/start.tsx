import { ConfigError } from '@myshop/config'
import type { Command } from 'commander'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { Details } from '../output.tsx'

/** `myshop start`: boots MyShop in this process and keeps it running until Ctrl-C. */
export const registerStart = (program: Command, { action }: CommandContext): void => {
  action(
    program
      .command('start')
      .description(
        'boot MyShop: the gateway and the services (embedded unless DATABASE_URL / REDIS_URL are set)',
      ),
    async ({ out, deps }) => {
      // Loaded on demand: the services and the embedded database are heavy, and other commands never need them.
      const { startPlatform } = await import('../platform.ts')
      const platform = await out
        .during('Starting MyShop', () => startPlatform(deps.env))
        .catch((error) => {
          // Every process's problems at once, as the operator must fix them; nothing has started.
          if (error instanceof ConfigError)
            throw new CliError('invalid_config', `MyShop cannot start. ${error.message}`, exitCodes.usage)
          throw error
        })
      const summary = {
        mode: platform.mode,
        gateway: platform.gatewayUrl,
        services: platform.services,
        ...(platform.databaseUrl && { database: platform.databaseUrl }),
      }
      if (out.json) out.printJson(summary)
      else {
        out.print(
          <Details
            entries={[
              ['mode', platform.mode],
              ['gateway', platform.gatewayUrl],
              ...Object.entries(platform.services).map(([name, url]): [string, string] => [name, url]),
              ['api docs', `${platform.gatewayUrl}/docs`],
              ...(platform.databaseUrl ? [['database', platform.databaseUrl] as [string, string]] : []),
            ]}
            color={out.color}
          />,
        )
        out.line('MyShop is running; press Ctrl-C to stop.')
      }
      await new Promise<void>((resolve) => {
        if (deps.signal.aborted) resolve()
        deps.signal.addEventListener('abort', () => resolve(), { once: true })
        process.once('SIGTERM', () => resolve())
      })
      out.note('Stopping MyShop…')
      await platform.stop()
      return undefined
    },
    { remote: false },
  )
}
