#!/usr/bin/env bash
# Smoke-tests the gateway on each runtime it ships for: Deno (entry/deno.ts on the `deno` npm
# binary) and Cloudflare Workers (entry/workers.ts bundled by `bun build`, run on workerd via
# Miniflare). Bun itself is covered by `bun test`. Run from anywhere; exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
status=0
for runtime in deno workers; do
  echo "== edge-gateway on ${runtime}"
  bun "edge-gateway/test/${runtime}/smoke.ts" || status=1
done
exit "$status"
