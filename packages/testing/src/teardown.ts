// Teardown kept apart from the helpers, so the preload that runs it loads nothing heavy into every test run.

const closers = new Set<() => Promise<void>>()

/** Runs `close` once, at the end of the run (the preload's global afterAll) or when the process ends first. */
export const closeAtEnd = (close: () => Promise<void>): void => {
  closers.add(close)
}

/** Runs every registered close once; later calls find nothing left. */
export const closeAll = async (): Promise<void> => {
  const pending = [...closers]
  closers.clear()
  await Promise.all(pending.map((close) => close()))
}
