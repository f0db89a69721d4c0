import type { UnsubscribeScope } from './unsubscribe.ts'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const what = (scope: UnsubscribeScope) => `${scope.category} messages by ${scope.channel}`

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Helvetica, Arial, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`

/**
 * The page an unsubscribe link opens: it asks before changing anything, since mail scanners open links on their
 * own. Its button posts the same one-click body a mail client sends (RFC 8058).
 */
export const confirmPage = (scope: UnsubscribeScope, token: string) =>
  page(
    'Unsubscribe',
    `<p>Stop receiving ${escapeHtml(what(scope))} from MyShop?</p>
<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
  )

/** The page after unsubscribing. */
export const donePage = (scope: UnsubscribeScope) =>
  page('Unsubscribed', `<p>You will no longer receive ${escapeHtml(what(scope))} from MyShop.</p>`)

/** Headers of both pages: HTML that runs no script, submits its form only here, and is never cached. */
export const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
}
