import { describe, expect, test } from 'bun:test'
import {
  backoffMs,
  decodeCursor,
  encodeCursor,
  nextStep,
  pastPointOfNoReturn,
  resumeStatus,
  sagaSteps,
} from './model.ts'

const done = (name: string, direction: 'forward' | 'compensate' = 'forward') => ({
  name,
  direction,
  status: 'succeeded' as const,
})

describe('nextStep', () => {
  test('runs a checkout forward in order, skipping what succeeded, and ends when all did', () => {
    expect(nextStep('checkout', 'running', [])).toEqual({ name: 'reserve_stock', direction: 'forward' })
    expect(nextStep('checkout', 'running', [done('reserve_stock')])).toEqual({
      name: 'authorize_payment',
      direction: 'forward',
    })
    // A step started but not finished (a crash) is run again.
    expect(
      nextStep('checkout', 'running', [
        done('reserve_stock'),
        { name: 'authorize_payment', direction: 'forward', status: 'started' },
      ]),
    ).toEqual({ name: 'authorize_payment', direction: 'forward' })
    expect(
      nextStep(
        'checkout',
        'running',
        sagaSteps.checkout.forward.map((n) => done(n)),
      ),
    ).toBeNull()
  })

  test('compensates in its own order, whatever went forward', () => {
    expect(nextStep('checkout', 'compensating', [done('reserve_stock')])).toEqual({
      name: 'void_payment',
      direction: 'compensate',
    })
    expect(nextStep('checkout', 'compensating', [done('void_payment', 'compensate')])).toEqual({
      name: 'release_stock',
      direction: 'compensate',
    })
    expect(
      nextStep(
        'checkout',
        'compensating',
        sagaSteps.checkout.compensate.map((n) => done(n, 'compensate')),
      ),
    ).toBeNull()
    // Cancel and refund have nothing to undo.
    expect(nextStep('refund', 'compensating', [done('refund_payment')])).toBeNull()
  })
})

describe('pastPointOfNoReturn', () => {
  test('is true for a checkout once the order was marked paid, never for cancel and refund', () => {
    expect(pastPointOfNoReturn('checkout', [done('reserve_stock'), done('authorize_payment')])).toBe(false)
    expect(pastPointOfNoReturn('checkout', [done('mark_paid')])).toBe(true)
    expect(
      pastPointOfNoReturn('checkout', [{ name: 'mark_paid', direction: 'forward', status: 'started' }]),
    ).toBe(false)
    expect(pastPointOfNoReturn('cancel', [done('void_payment')])).toBe(false)
  })
})

describe('backoffMs', () => {
  test('quadruples from the base, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 250, 60_000))).toEqual([
      250, 1000, 4000, 16_000, 60_000, 60_000,
    ])
    expect(backoffMs(0, 250, 60_000)).toBe(250)
  })
})

describe('resumeStatus', () => {
  test('an operator’s retry goes on compensating once compensation began, else forward', () => {
    expect(resumeStatus([{ direction: 'forward' }])).toBe('running')
    expect(resumeStatus([{ direction: 'forward' }, { direction: 'compensate' }])).toBe('compensating')
  })
})

describe('cursors', () => {
  test('round-trip, and anything else is not one', () => {
    const at = new Date('2026-12-07T10:00:00.000Z')
    expect(decodeCursor(encodeCursor({ createdAt: at, id: 'sag_1' }))).toEqual({ createdAt: at, id: 'sag_1' })
    expect(decodeCursor('bm9wZQ')).toBeNull()
    expect(decodeCursor(Buffer.from('not a date|sag_1').toString('base64url'))).toBeNull()
  })
})
