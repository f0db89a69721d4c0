/** What a page shows is written by this service, but a title or line may carry a value: escaped, always. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A small HTML page the shopper sees at the payment service: a check to decide, or where a payment stands. */
export const page = (title: string, lines: string[], links: { href: string; label: string }[] = []) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}` +
      (links.length > 0
        ? `<p>${links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' ')}</p>`
        : '') +
      '</body></html>',
    { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )
