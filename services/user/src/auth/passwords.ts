import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

export const passwordLength = { min: 8, max: 128 } as const

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, hash: string): Promise<boolean>
  /** Spends the same effort as a real verification, so unknown emails answer as slowly as wrong passwords. */
  burn(password: string): Promise<void>
}

export interface PasswordHasherOptions {
  /** How many argon2id computations may run at once; the rest wait their turn. */
  concurrency: number
  memoryCost?: number
  timeCost?: number
}

const semaphore = (limit: number) => {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}

/**
 * argon2id via Bun.password with bounded concurrency: each hash takes ~19 MiB and a core for tens of
 * milliseconds, so an unbounded burst of logins would exhaust the machine.
 */
export const createPasswordHasher = ({
  concurrency,
  memoryCost = 19_456,
  timeCost = 2,
}: PasswordHasherOptions): PasswordHasher => {
  const run = semaphore(concurrency)
  const params = { algorithm: 'argon2id' as const, memoryCost, timeCost }
  let dummy: Promise<string> | undefined
  const hasher: PasswordHasher = {
    hash: (password) => run(() => Bun.password.hash(password, params)),
    verify: (password, hash) => run(() => Bun.password.verify(password, hash)),
    async burn(password) {
      dummy ??= hasher.hash('an unguessable placeholder password')
      await hasher.verify(password, await dummy)
    },
  }
  return hasher
}

/** Says why a password is refused, or null when it is acceptable. */
export interface PasswordPolicy {
  check(password: string, userInputs: string[]): string | null
}

/**
 * Judges password strength against common-password and keyboard-pattern dictionaries. It needs no database and
 * answers at once, so configuration validation judges the boot administrator's password with it too.
 */
export const createPasswordPolicy = (): PasswordPolicy => {
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })
  return {
    check(password, userInputs) {
      if (password.length < passwordLength.min) return `Use at least ${passwordLength.min} characters`
      if (password.length > passwordLength.max) return `Use at most ${passwordLength.max} characters`
      return zxcvbn.check(password, userInputs).score >= 2
        ? null
        : 'This password is too common or too easy to guess'
    },
  }
}
