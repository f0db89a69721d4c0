/** A dependency probe for `/ready`: resolves when the dependency answers, rejects otherwise. */
export type ReadinessCheck = () => Promise<unknown>

/** The dependencies `/ready` looks at, by what their failure means for the service. */
export interface ReadinessChecks {
  /** Without these the service cannot answer (its database): one failing makes it not ready (503). */
  required: Record<string, ReadinessCheck>
  /**
   * Without these the service still answers, in a reduced way (Redis: reads from the database; a search engine:
   * database search): one failing makes it degraded, still ready (200), so a probe keeps it in rotation.
   */
  degradable: Record<string, ReadinessCheck>
}

export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'not_ready'
  /** Each check by name: `ok`, or why it failed. */
  checks: Record<string, string>
  /** The failing checks the service works without. */
  degraded: string[]
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

const run = async (check: ReadinessCheck, timeoutMs: number): Promise<string> => {
  try {
    await withTimeout(Promise.resolve().then(check), timeoutMs)
    return 'ok'
  } catch (e) {
    return e instanceof Error ? e.message : 'failed'
  }
}

/** Runs every check at once, each given at most `timeoutMs`, and judges the service from the results. */
export const assessReadiness = async (
  { required, degradable }: ReadinessChecks,
  timeoutMs: number,
): Promise<ReadinessReport> => {
  const [requiredResults, degradableResults] = await Promise.all(
    [required, degradable].map((checks) =>
      Promise.all(
        Object.entries(checks).map(async ([name, check]) => [name, await run(check, timeoutMs)] as const),
      ),
    ),
  )
  const failing = (results: (readonly [string, string])[]) =>
    results.filter(([, r]) => r !== 'ok').map(([n]) => n)
  const degraded = failing(degradableResults!)
  const status =
    failing(requiredResults!).length > 0 ? 'not_ready' : degraded.length > 0 ? 'degraded' : 'ready'
  return { status, checks: Object.fromEntries([...requiredResults!, ...degradableResults!]), degraded }
}
