// Regenerates packages/client/src/schema.ts from the merged OpenAPI document of a fresh embedded MyShop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clientTypes } from '@myshop/client/generate'
import { startPlatform } from '../src/platform.ts'
import { servicePorts } from '../src/services.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'myshop-generate-client-'))
const platform = await startPlatform({
  GATEWAY_PORT: '0',
  ...servicePorts(),
  MYSHOP_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
})
try {
  const document = await (await fetch(`${platform.gatewayUrl}/openapi.json`)).json()
  const target = join(import.meta.dir, '../../packages/client/src/schema.ts')
  writeFileSync(target, await clientTypes(document))
  console.log(`wrote ${target}`)
} finally {
  await platform.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
