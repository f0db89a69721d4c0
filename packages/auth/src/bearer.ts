/** Extracts the token from an `Authorization: Bearer …` header, or null when absent or malformed. */
export const bearerToken = (header: string | null | undefined): string | null => {
  if (!header) return null
  const m = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=]*)$/.exec(header.trim())
  return m ? m[1]! : null
}
