import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { serviceSecret } from '@myshop/auth'
import { removeHome, runCli, tempHome } from './run-cli.ts'

const shopSecret = 'the shop secret, at least thirty-two characters long'
let home: string
beforeAll(async () => {
  home = await tempHome()
})
afterAll(() => removeHome(home))

describe('myshop services secret', () => {
  test('prints the secret a service is configured with, derived from SERVICE_AUTH_SECRET', async () => {
    const result = await runCli(['services', 'secret', 'order'], {
      home,
      env: { SERVICE_AUTH_SECRET: shopSecret },
    })
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe(await serviceSecret(shopSecret, 'order'))
  })

  test('--json names the service', async () => {
    const result = await runCli(['services', 'secret', 'payment', '--json'], {
      home,
      env: { SERVICE_AUTH_SECRET: shopSecret },
    })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      service: 'payment',
      secret: await serviceSecret(shopSecret, 'payment'),
    })
  })

  test('an unknown service, or no shop secret in the environment, is a usage error (exit 2) that prints no secret', async () => {
    const unknown = await runCli(['services', 'secret', 'billing'], {
      home,
      env: { SERVICE_AUTH_SECRET: shopSecret },
    })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('billing is not a MyShop service')
    expect(unknown.stdout).toBe('')
    const unset = await runCli(['services', 'secret', 'order'], { home, env: { SERVICE_AUTH_SECRET: '' } })
    expect(unset.code).toBe(2)
    expect(unset.stderr).toContain('SERVICE_AUTH_SECRET')
    expect(unset.stdout).toBe('')
  })
})
