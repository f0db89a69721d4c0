// JWT verification per second: cold (every token verified with ES256) vs the verified-token cache.
// Usage: bun run bench:jwt   (env: BENCH_SECONDS, default 3 per side)
import { createVerifier } from '@myshop/auth'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

const seconds = Number(process.env.BENCH_SECONDS ?? 3)
const { privateKey, publicKey } = await generateKeyPair('ES256')
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench-1', alg: 'ES256', use: 'sig' }] }
const token = await new SignJWT({ sid: 'ses_bench', roles: ['customer'] })
  .setProtectedHeader({ alg: 'ES256', kid: 'bench-1' })
  .setIssuer('myshop')
  .setAudience('myshop-api')
  .setSubject('usr_bench')
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(privateKey)

const measure = async (cacheSize: number) => {
  const verifier = createVerifier({ issuer: 'myshop', audience: 'myshop-api', jwks: () => jwks, cacheSize })
  const first = await verifier.verify(token)
  if (!first.ok) throw new Error(`bench token rejected: ${first.reason}`)
  let n = 0
  const end = performance.now() + seconds * 1000
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await verifier.verify(token)
    n += 100
  }
  return n / seconds
}

const cold = await measure(0)
const cached = await measure(10_000)
console.log(
  `cold (ES256 every time): ${cold.toFixed(0)} verifications/s (${(1e6 / cold).toFixed(1)} µs each)`,
)
console.log(
  `cached (verified-token cache): ${cached.toFixed(0)} verifications/s (${(1e6 / cached).toFixed(2)} µs each)`,
)
console.log(`ratio cached/cold: ${(cached / cold).toFixed(1)}x`)
