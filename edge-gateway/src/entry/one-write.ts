import type { Fetch, LocalHandler } from '../context.ts'

/**
 * Bodies up to this size are left as they are: with the status line and headers they fit the 16 KiB buffer Bun.serve
 * corks a response into, and go out in one write.
 */
export const corkedBodyBytes = 12 * 1024

/**
 * The most a body is read into memory to be sent in one write. A body declared larger (an image) is left to Bun's own
 * path, which sends files without reading them.
 */
export const heldBodyBytes = 1024 * 1024

/** The response with its body as a stream of one chunk: see `inOneWrite`. */
const streamed = (res: Response, bytes: Uint8Array): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      },
    }),
    { status: res.status, statusText: res.statusText, headers: res.headers },
  )

/**
 * A response Bun.serve writes in a couple of syscalls, whatever its size. Bun writes a response that is ready only
 * after the request's own turn of the event loop (a gateway's nearly always is: it waits for Redis or a service)
 * corked, status line, headers and body in one write, only while they fit its 16 KiB cork buffer. A larger one goes
 * out uncorked: each header name, separator and value in a send(2) of its own, some sixty tiny writes and TCP segments
 * for the gateway's headers, which cost more CPU than everything else the gateway does for the request and stall the
 * client. A body handed over as a stream gets its headers corked with its first chunk, so a large body is read (it is
 * in memory already, or arriving with its length declared) and passed on as a stream of one chunk: chunked transfer
 * coding, the same bytes. `fixed` says the body was built in memory, so it may be read whatever its length.
 */
const inOneWrite = async (res: Response, fixed: boolean): Promise<Response> => {
  if (!res.body) return res
  const declared = res.headers.get('content-length')
  if (declared !== null) {
    const length = Number(declared)
    if (length <= corkedBodyBytes || length > heldBodyBytes) return res
    return streamed(res, await res.bytes())
  }
  if (!fixed) return res
  // Only reading tells a built body's length: a copy is read, so a small body is passed on untouched.
  const body = await res.clone().blob()
  return body.size <= corkedBodyBytes ? res : streamed(res, await body.bytes())
}

/** A service in this process, its answers made writable in one go: their bodies are built in memory (or files). */
export const oneWriteLocal =
  (handler: LocalHandler): LocalHandler =>
  async (request) =>
    inOneWrite(await handler(request), true)

/** `fetch` whose answers are writable in one go when their length is declared; other streams pass through. */
export const oneWriteFetch =
  (fetchImpl: Fetch): Fetch =>
  async (input, init) =>
    inOneWrite(await fetchImpl(input, init), false)
