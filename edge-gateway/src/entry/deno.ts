// The gateway on Deno: `deno run -A edge-gateway/src/entry/deno.ts`. Deno has TCP, so Redis is
// reached with ioredis exactly as on Bun; only the server and the client address differ.
import { createGateway } from '../app.ts'
import { gatewayConfig } from '../config.ts'
import { consoleLogger } from '../context.ts'
import { packageDocsAssets } from './package-assets.ts'
import { tcpDeps } from './tcp-deps.ts'

const config = gatewayConfig(Deno.env.toObject())
const tcp = tcpDeps(config)
const app = createGateway({
  config,
  logger: consoleLogger('edge-gateway', config.logLevel),
  // Deno.serve passes the connection info as the second argument, which Hono exposes as `c.env`.
  getClientIp: (c) => {
    const info = c.env as Deno.ServeHandlerInfo<Deno.NetAddr> | undefined
    return info?.remoteAddr.hostname
  },
  docsAssets: packageDocsAssets,
  ...tcp.deps,
})

const server = Deno.serve(
  {
    port: config.port,
    hostname: '127.0.0.1',
    onListen: ({ hostname, port }) =>
      console.log(JSON.stringify({ msg: 'edge-gateway listening', hostname, port })),
  },
  (req, info) => app.fetch(req, info),
)

// Graceful, but bounded: idle keep-alive connections would otherwise hold shutdown open forever.
const stop = async () => {
  await Promise.race([server.shutdown(), new Promise((resolve) => setTimeout(resolve, 5_000))])
  await tcp.close()
  Deno.exit(0)
}
Deno.addSignalListener('SIGTERM', stop)
Deno.addSignalListener('SIGINT', stop)
