import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { uniqueEmail } from '@myshop/testing'
import { loadUserConfig } from '../src/config.ts'
import { type RunningUserService, startUserService } from '../src/index.ts'
import { strongPassword, type UserHarness, userHarness } from './harness.ts'

// The service on a real port, called straight over loopback as a client going around the gateway would.
let h: UserHarness
const services: RunningUserService[] = []
beforeAll(async () => {
  h = await userHarness()
}, 60_000)
afterAll(async () => {
  for (const service of services) await service.stop()
  await h.close()
})

const boot = async (env: Record<string, string> = {}) => {
  const service = await startUserService(loadUserConfig({ LOG_LEVEL: 'silent', USER_PORT: '0', ...env }), {
    sql: h.sql,
    logger: silentLogger(),
  })
  services.push(service)
  return service
}

const loginStatus = async (url: string, email: string, password: string, realIp: string) =>
  (
    await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-real-ip': realIp, 'x-forwarded-for': realIp },
      body: JSON.stringify({ email, password }),
    })
  ).status

describe('the client address behind TRUSTED_PROXIES', () => {
  test('a direct caller cannot dodge the per-client limit by naming a new address in each request', async () => {
    const service = await boot()
    const email = uniqueEmail()
    await h.register({ email })
    const max = h.config.LOGIN_MAX_FAILURES_PER_CLIENT
    const statuses: number[] = []
    for (let i = 0; i <= max; i++)
      statuses.push(await loginStatus(service.url, email, `wrong-${i}-abcdef`, `10.7.0.${i}`))
    expect(statuses).toEqual([...Array(max).fill(401), 429])
    // Even the right password, from yet another claimed address: the caller is its socket address.
    expect(await loginStatus(service.url, email, strongPassword, '10.7.1.1')).toBe(429)
  })

  test("from a listed proxy, the address it forwards is the client's, so other clients are not blocked", async () => {
    const service = await boot({ TRUSTED_PROXIES: '127.0.0.0/8,::1' })
    const email = uniqueEmail()
    await h.register({ email })
    for (let i = 0; i < h.config.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      expect(await loginStatus(service.url, email, `wrong-${i}-abcdef`, '10.7.2.1')).toBe(401)
    }
    expect(await loginStatus(service.url, email, strongPassword, '10.7.2.1')).toBe(429)
    expect(await loginStatus(service.url, email, strongPassword, '10.7.2.2')).toBe(200)
  })

  test('a malformed TRUSTED_PROXIES stops the boot and names the entry', () => {
    expect(() => loadUserConfig({ TRUSTED_PROXIES: '127.0.0.1,the-gateway' })).toThrow(
      'TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges (such as 10.0.0.0/8 or ::1), or none; got "127.0.0.1,the-gateway" (the-gateway is neither).',
    )
  })
})
