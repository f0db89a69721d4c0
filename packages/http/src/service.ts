/** A service started in this process: where it listens, its HTTP handler, and how to stop it. */
export interface RunningService {
  url: string
  port: number
  /** The handler the server runs, for callers in this process (the gateway under `myshop start`). */
  handle(request: Request): Promise<Response>
  stop(): Promise<void>
}

/** Keeps a service started from its entry file running until SIGINT or SIGTERM, then stops it and exits. */
export const stopOnSignals = (service: Pick<RunningService, 'stop'>): void => {
  const shutdown = async () => {
    await service.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}
