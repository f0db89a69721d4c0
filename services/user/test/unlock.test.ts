import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '@myshop/logger'
import { uniqueEmail } from '@myshop/testing'
import { fileMailSink } from '../src/unlock/mail.ts'
import { strongPassword, type UserHarness, userHarness } from './harness.ts'

let h: UserHarness
let admin: Awaited<ReturnType<UserHarness['userWithRoles']>>
beforeAll(async () => {
  h = await userHarness()
  admin = await h.userWithRoles(['admin'])
}, 60_000)
afterAll(() => h.close())

const from = (address: string) => ({ 'x-forwarded-for': address })

/** An account whose sign-ins from any new client are paused: failures sprayed from many addresses. */
const lockedOut = async () => {
  const { user, email } = await h.register()
  await h.sprayFailures(email, h.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, 66)
  return { user, email }
}

const signIn = (email: string, address: string, extra: Record<string, string> = {}) =>
  h.call('POST', '/api/v1/auth/login', { email, password: strongPassword, ...extra }, from(address))

const codeIn = (text: string) => /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(text)?.[0]

describe('POST /api/v1/auth/unlock and sign-in with an unlock code', () => {
  test('the owner locked out by a spray from many addresses signs in on a new device with the code sent to them', async () => {
    const { email } = await lockedOut()
    expect((await signIn(email, '10.67.0.1')).status).toBe(429)

    const sentBefore = h.mailbox.length
    const asked = await h.call('POST', '/api/v1/auth/unlock', { email: email.toUpperCase() })
    expect(asked.status).toBe(202)
    const mail = h.mailbox.slice(sentBefore)
    expect(mail.map((m) => m.to)).toEqual([email])
    const code = codeIn(mail[0]?.text ?? '')
    expect(code).toBeDefined()

    // Typed by a person: lower case and without dashes still works.
    const unlockCode = (code ?? '').toLowerCase().replaceAll('-', ' ')
    const owner = await signIn(email, '10.67.0.2', { unlockCode })
    expect(owner.status).toBe(200)
    expect(owner.body.deviceToken).toEqual(expect.any(String))
    // The code works once; the device token it earned keeps working.
    expect((await signIn(email, '10.67.0.3', { unlockCode })).status).toBe(429)
    expect((await signIn(email, '10.67.0.4', { deviceToken: owner.body.deviceToken })).status).toBe(200)
  })

  test('two sign-ins racing with one code: only one gets in', async () => {
    const { email } = await lockedOut()
    await h.call('POST', '/api/v1/auth/unlock', { email })
    const unlockCode = codeIn(h.mailbox.at(-1)?.text ?? '') ?? ''
    const statuses = await Promise.all([
      signIn(email, '10.76.0.1', { unlockCode }),
      signIn(email, '10.76.0.2', { unlockCode }),
    ])
    // The loser either saw the code already spent (a paused sign-in: 429) or lost the spend itself (401).
    const [first, second] = statuses.map((r) => r.status).sort()
    expect(first).toBe(200)
    expect([401, 429]).toContain(second ?? 0)
  })

  test('a wrong code, or a code for another account, opens nothing', async () => {
    const victim = await lockedOut()
    const other = await h.register()
    await h.call('POST', '/api/v1/auth/unlock', { email: other.email })
    const othersCode = codeIn(h.mailbox.at(-1)?.text ?? '')
    expect((await signIn(victim.email, '10.68.0.1', { unlockCode: othersCode ?? '' })).status).toBe(429)
    expect((await signIn(victim.email, '10.68.0.2', { unlockCode: 'AAAA-BBBB-CCCC-DDDD' })).status).toBe(429)
  })

  test('wrong passwords with a code use it up, so a leaked code is no guessing channel', async () => {
    const { email } = await lockedOut()
    await h.call('POST', '/api/v1/auth/unlock', { email })
    const unlockCode = codeIn(h.mailbox.at(-1)?.text ?? '') ?? ''
    for (let i = 0; i < h.config.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      const res = await h.call(
        'POST',
        '/api/v1/auth/login',
        { email, password: `guess-${i}-abcdef`, unlockCode },
        from(`10.69.0.${i}`),
      )
      expect(res.status).toBe(401)
    }
    expect((await signIn(email, '10.69.1.1', { unlockCode })).status).toBe(429)
  })

  test('answers 202 for an unknown email and sends nothing; asking again within the hour sends no second code', async () => {
    const sentBefore = h.mailbox.length
    expect((await h.call('POST', '/api/v1/auth/unlock', { email: uniqueEmail('nobody') })).status).toBe(202)
    expect(h.mailbox.length).toBe(sentBefore)
    const { email } = await h.register()
    expect((await h.call('POST', '/api/v1/auth/unlock', { email })).status).toBe(202)
    expect((await h.call('POST', '/api/v1/auth/unlock', { email })).status).toBe(202)
    expect(h.mailbox.length).toBe(sentBefore + 1)
  })

  test('rejects a body without an email, a malformed one, or not JSON, with a 4xx problem and sends nothing', async () => {
    const sentBefore = h.mailbox.length
    const missing = await h.call('POST', '/api/v1/auth/unlock', {})
    expect(missing.status).toBe(422)
    expect(missing.headers.get('content-type')).toContain('application/problem+json')
    for (const email of ['not-an-email', `${'x'.repeat(250)}@example.com`]) {
      expect((await h.call('POST', '/api/v1/auth/unlock', { email })).status).toBe(422)
    }
    // A NUL character anywhere in a body is refused before validation, as on every route.
    expect((await h.call('POST', '/api/v1/auth/unlock', { email: 'a\u0000@example.com' })).status).toBe(400)
    const garbage = await h.app.handle(
      new Request('http://user.test/api/v1/auth/unlock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email":',
      }),
    )
    expect(garbage.status).toBe(400)
    expect(h.mailbox.length).toBe(sentBefore)
  })
})

describe('an unlock code that cannot be delivered', () => {
  test("answers an error and does not count as the hour's code, so the owner can ask again", async () => {
    const { email } = await h.register()
    const working = h.deps.mail
    h.deps.mail = { location: 'broken', send: () => Promise.reject(new Error('disk full')) }
    try {
      expect((await h.call('POST', '/api/v1/auth/unlock', { email })).status).toBe(500)
    } finally {
      h.deps.mail = working
    }
    const sentBefore = h.mailbox.length
    expect((await h.call('POST', '/api/v1/auth/unlock', { email })).status).toBe(202)
    expect(h.mailbox.slice(sentBefore).map((m) => m.to)).toEqual([email])
  })
})

describe('POST /api/v1/users/:id/unlock', () => {
  const unlock = (id: string, token: string, body?: unknown) =>
    h.call('POST', `/api/v1/users/${id}/unlock`, body, h.bearer(token))

  test('an administrator clears the counters: the owner signs in from anywhere again', async () => {
    const { user, email } = await lockedOut()
    expect((await signIn(email, '10.70.0.1')).status).toBe(429)
    const res = await unlock(user.id, admin.tokens.accessToken)
    expect(res.status).toBe(200)
    // The account-wide counter and one per address the spray came from.
    expect(res.body).toEqual({ userId: user.id, cleared: h.config.LOGIN_MAX_FAILURES_PER_ACCOUNT + 1 })
    expect((await signIn(email, '10.70.0.1')).status).toBe(200)
  })

  test('with issueCode it also returns a one-time code for the operator to hand over', async () => {
    const { user, email } = await lockedOut()
    const res = await unlock(user.id, admin.tokens.accessToken, { issueCode: true })
    expect(res.status).toBe(200)
    expect(res.body.unlockCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now())
    // Locked again by a new spray, the owner still gets in with the code.
    await h.sprayFailures(email, h.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, 71)
    expect((await signIn(email, '10.72.1.1')).status).toBe(429)
    expect((await signIn(email, '10.72.1.2', { unlockCode: res.body.unlockCode })).status).toBe(200)
  })

  test('is logged with the administrator who did it, and no code reaches the log', async () => {
    const lines: Record<string, unknown>[] = []
    const quiet = h.deps.logger
    h.deps.logger = createLogger(
      { service: 'user' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    )
    try {
      const { user, email } = await h.register()
      const res = await unlock(user.id, admin.tokens.accessToken, { issueCode: true })
      await h.call('POST', '/api/v1/auth/unlock', { email })
      const sent = codeIn(h.mailbox.at(-1)?.text ?? '')
      expect(lines.map((l) => l.msg)).toEqual([
        'sign-in lockout cleared by an administrator',
        'unlock code sent to the account owner',
      ])
      expect(lines[0]).toMatchObject({ userId: user.id, by: admin.user.id, cleared: 0, codeIssued: true })
      expect(lines[1]).toMatchObject({ userId: user.id })
      const logged = JSON.stringify(lines)
      expect(logged).not.toContain(res.body.unlockCode)
      expect(logged).not.toContain(sent)
    } finally {
      h.deps.logger = quiet
    }
  })

  test('404 for an unknown user, 422 for a malformed id or a wrongly typed field', async () => {
    const token = admin.tokens.accessToken
    expect((await unlock('usr_00000000000000000000000000', token)).status).toBe(404)
    expect((await unlock('not-a-user', token)).status).toBe(422)
    const { user } = await h.register()
    const wrongType = await unlock(user.id, token, { issueCode: 'yes' })
    expect(wrongType.status).toBe(422)
    expect(wrongType.body.unlockCode).toBeUndefined()
  })

  test('anonymous callers get 401, customers and support staff 403, and the lockout stays', async () => {
    const { user, email } = await lockedOut()
    const customer = await h.userWithRoles(['customer'])
    const support = await h.userWithRoles(['support'])
    expect((await h.call('POST', `/api/v1/users/${user.id}/unlock`)).status).toBe(401)
    expect((await unlock(user.id, customer.tokens.accessToken)).status).toBe(403)
    expect((await unlock(user.id, support.tokens.accessToken, { issueCode: true })).status).toBe(403)
    expect((await signIn(email, '10.72.0.1')).status).toBe(429)
  })
})

describe('an unlock code over time (in-process counters, on the test clock)', () => {
  test('its failures are counted for as long as it lives, not only for LOGIN_LOCK_SECONDS', async () => {
    const t = await userHarness({ redis: false })
    try {
      const { email } = await t.register()
      await t.call('POST', '/api/v1/auth/unlock', { email })
      const unlockCode = codeIn(t.mailbox.at(-1)?.text ?? '') ?? ''
      const attempt = (password: string) =>
        t.call('POST', '/api/v1/auth/login', { email, password, unlockCode }, from('10.73.0.1'))
      for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
        expect((await attempt(`guess-${i}-abcdef`)).status).toBe(401)
      }
      t.clock.offsetMs += (t.config.LOGIN_LOCK_SECONDS + 1) * 1000
      expect((await attempt(strongPassword)).status).toBe(429)
    } finally {
      await t.close()
    }
  })
})

describe('the file mail sink', () => {
  test('appends each message as a JSON line under the data directory, readable by its owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'myshop-mail-'))
    try {
      const sink = fileMailSink(dir, () => Date.parse('2026-01-02T03:04:05.000Z'))
      await sink.send({ to: 'a@example.com', subject: 'One', text: 'first' })
      await sink.send({ to: 'b@example.com', subject: 'Two', text: 'second' })
      expect(sink.location).toBe(join(dir, 'mail', 'outgoing.jsonl'))
      const lines = (await readFile(sink.location, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(lines).toEqual([
        { at: '2026-01-02T03:04:05.000Z', to: 'a@example.com', subject: 'One', text: 'first' },
        { at: '2026-01-02T03:04:05.000Z', to: 'b@example.com', subject: 'Two', text: 'second' },
      ])
      expect((await stat(sink.location)).mode & 0o777).toBe(0o600)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
