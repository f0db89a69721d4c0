import { isServiceIdentity, serviceIdentities, serviceSecret } from '@myshop/auth'
import type { Command } from 'commander'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'

/** `myshop services secret NAME`: the secret a service is configured with (SERVICE_SECRET), from the shop's. */
export const registerServices = (program: Command, { action }: CommandContext): void => {
  const services = program
    .command('services')
    .description('the identities MyShop services call each other with')
  action(
    services
      .command('secret')
      .description(
        "print a service's SERVICE_SECRET, derived from the shop's SERVICE_AUTH_SECRET (read from the environment): " +
          'give it to that service only; the user service needs SERVICE_AUTH_SECRET itself',
      )
      .argument('<service>', `one of: ${serviceIdentities.join(', ')}`),
    async ({ args, out, deps }) => {
      const [service] = args as [string]
      if (!isServiceIdentity(service))
        throw new CliError(
          'usage_error',
          `${service} is not a MyShop service; expected one of ${serviceIdentities.join(', ')}`,
          exitCodes.usage,
        )
      const shopSecret = deps.env.SERVICE_AUTH_SECRET
      if (!shopSecret || shopSecret.length < 32)
        throw new CliError(
          'invalid_config',
          'SERVICE_AUTH_SECRET is not set to the shop’s secret (at least 32 characters) in this environment',
          exitCodes.usage,
        )
      const secret = await serviceSecret(shopSecret, service)
      if (out.json) out.printJson({ service, secret })
      else out.line(secret)
      return undefined
    },
  )
}
