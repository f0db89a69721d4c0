import type { Command } from 'commander'
import { type AuditedService, type AuditVerification, auditedServices } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { type StatusItem, StatusList } from '../output.tsx'

const isAudited = (value: string): value is AuditedService =>
  (auditedServices as readonly string[]).includes(value)

const toItem = (result: AuditVerification): StatusItem =>
  result.ok
    ? { name: result.service, status: 'ok', detail: `${result.entries} entries hold` }
    : {
        name: result.service,
        status: 'broken',
        detail: `at entry ${result.firstBroken?.seq}: ${result.firstBroken?.reason} (${result.entries} entries before it hold)`,
      }

/** audit: checks the services' tamper-evident audit trails. */
export const registerAudit = (program: Command, { action }: CommandContext): void => {
  const audit = program.command('audit').description("check the services' tamper-evident audit trails")
  action<{ service?: string }>(
    audit
      .command('verify')
      .description('walk each audit trail link by link (exit 0 only when every one holds)')
      .option('--service <service>', `one service: ${auditedServices.join(', ')} (default: all of them)`),
    async ({ opts, api, out }) => {
      const wanted = opts.service ?? null
      if (wanted !== null && !isAudited(wanted))
        throw new CliError(
          'usage_error',
          `no audit trail for "${wanted}": --service takes ${auditedServices.join(', ')}`,
          exitCodes.usage,
        )
      const services = wanted === null ? auditedServices : [wanted]
      const results: AuditVerification[] = []
      for (const service of services)
        results.push(await out.during(`Verifying the ${service} audit trail`, () => api.verifyAudit(service)))
      const ok = results.every((result) => result.ok)
      if (out.json) out.printJson({ ok, services: results })
      else out.print(<StatusList items={results.map(toItem)} color={out.color} />)
      return ok ? exitCodes.ok : exitCodes.failure
    },
  )
}
