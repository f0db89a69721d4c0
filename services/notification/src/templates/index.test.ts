import { describe, expect, test } from 'bun:test'
import {
  type RenderInput,
  renderEmail as render,
  renderPush,
  renderSms,
  sampleData,
  templateCategory,
  templateNames,
} from './index.ts'
import { sampleOrder as order } from './samples.ts'

/** Renders an email with the text part's line wrapping undone, so assertions read it as one line. */
const renderEmail = async (input: RenderInput) => {
  const email = await render(input)
  return { ...email, text: email.text.replace(/[ \n]+/g, ' ') }
}

describe('every template', () => {
  for (const template of templateNames) {
    test(`${template} renders in English and German with its sample data`, async () => {
      const data = sampleData[template]
      const en = await renderEmail({ template, locale: 'en', data })
      const de = await renderEmail({ template, locale: 'de', data })
      expect(en.html).toContain('<html dir="ltr" lang="en">')
      expect(de.html).toContain('<html dir="ltr" lang="de">')
      expect(en.subject).not.toBe(de.subject)
      expect(en.text).toContain(en.subject.toUpperCase())
      expect(de.text).toContain(de.subject.toUpperCase())
      expect(renderSms({ template, locale: 'en', data })).not.toBe(
        renderSms({ template, locale: 'de', data }),
      )
      const push = renderPush({ template, locale: 'de', data })
      expect(push.title).toBe(de.subject)
      expect(push.body.length).toBeGreaterThan(0)
    })
  }

  test('an unknown locale renders in English; a German region in German', async () => {
    const fr = await renderEmail({ template: 'welcome', locale: 'fr', data: sampleData.welcome })
    const en = await renderEmail({ template: 'welcome', locale: 'en', data: sampleData.welcome })
    expect(fr).toEqual(en)
    const at = await renderEmail({ template: 'welcome', locale: 'de-AT', data: sampleData.welcome })
    expect(at.subject).toBe('Willkommen bei MyShop')
  })

  test('staff alerts are transactional like account and order messages', () => {
    expect(templateCategory('welcome')).toBe('account')
    expect(templateCategory('order_shipped')).toBe('order')
    expect(templateCategory('stock_low')).toBe('staff')
    expect(templateCategory('payment_disputed')).toBe('staff')
  })
})

describe('order emails', () => {
  test("show the lines, totals and address in the order's currency with two decimals for EUR", async () => {
    const en = await renderEmail({ template: 'order_confirmation', locale: 'en', data: order })
    expect(en.text).toMatch(/Linen shirt\s+SHIRT-LINEN-M\s+2\s+EUR 49\.00\s+EUR 98\.00/)
    expect(en.text).toMatch(/Total\s+EUR 162\.62/)
    expect(en.text).toMatch(/Shipping\s+EUR 4\.95/)
    expect(en.text).toContain('Hauptstraße 5')
    expect(en.text).toContain('10115 Berlin')
    const de = await renderEmail({ template: 'order_confirmation', locale: 'de', data: order })
    expect(de.text).toMatch(/Gesamt\s+162,62 EUR/)
  })

  test('show JPY amounts without decimals', async () => {
    const yen = {
      ...order,
      currency: 'JPY',
      lines: [{ name: 'Tea bowl', sku: 'BOWL-1', quantity: 3, unitPrice: 1500, lineTotal: 4500 }],
      totals: { subtotal: 4500, shipping: 500, tax: 450, total: 5450, refunded: 0 },
    }
    const { text, html } = await renderEmail({ template: 'order_confirmation', locale: 'en', data: yen })
    expect(text).toMatch(/Tea bowl\s+BOWL-1\s+3\s+JPY 1500\s+JPY 4500/)
    expect(text).toMatch(/Total\s+JPY 5450/)
    expect(html).not.toContain('JPY 15.00')
    expect(renderSms({ template: 'order_confirmation', locale: 'en', data: yen })).toContain('(JPY 5450)')
  })

  test('the shipped email carries the carrier, tracking number and tracking link', async () => {
    const { html, text } = await renderEmail({
      template: 'order_shipped',
      locale: 'en',
      data: sampleData.order_shipped,
    })
    expect(text).toContain('DHL tracking number 00340434161094042557')
    expect(html).toContain('href="https://www.dhl.de/')
    expect(renderSms({ template: 'order_shipped', locale: 'en', data: sampleData.order_shipped })).toContain(
      '00340434161094042557',
    )
  })

  test('the refund email says how much was refunded', async () => {
    const { text } = await renderEmail({
      template: 'order_refunded',
      locale: 'en',
      data: sampleData.order_refunded,
    })
    expect(text).toContain('We have refunded EUR 49.00')
    expect(text).toMatch(/Refunded\s+EUR 49\.00/)
  })

  test('escape a hostile product name in the HTML part', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const data = { ...order, lines: [{ ...order.lines[0], name: hostile }], name: '"><b>Eve</b>' }
    const { html, text } = await renderEmail({ template: 'order_confirmation', locale: 'en', data })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<b>Eve')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain(hostile)
  })

  test('a line break in the data cannot add a header to the subject or a line to an SMS', async () => {
    const data = { ...order, orderId: 'ord_1\r\nBcc: victim@example.com' }
    const { subject } = await renderEmail({ template: 'order_confirmation', locale: 'en', data })
    expect(subject).toBe('Your order ord_1 Bcc: victim@example.com is confirmed')
    expect(renderSms({ template: 'order_confirmation', locale: 'en', data })).not.toMatch(/[\r\n]/)
  })

  test('data missing a field is refused, naming the field', async () => {
    const { lines: _, ...noLines } = order
    await expect(
      renderEmail({ template: 'order_confirmation', locale: 'en', data: noLines }),
    ).rejects.toThrow('lines must be an array')
    const badTotal = { ...order, totals: { ...order.totals, total: -1 } }
    expect(() => renderSms({ template: 'order_confirmation', locale: 'en', data: badTotal })).toThrow(
      'totals.total',
    )
  })
})

describe('the unsubscribe footer', () => {
  const url = 'https://shop.example.com/api/v1/notifications/unsubscribe?token=abc'

  test('links to the unsubscribe URL when one is given', async () => {
    const { html, text } = await renderEmail({
      template: 'welcome',
      locale: 'en',
      data: { unsubscribeUrl: url },
    })
    expect(html).toContain(`href="${url}"`)
    expect(text).toContain(`Unsubscribe from these emails ${url}`)
  })

  test('is left out without a URL, and for a URL that is not http(s)', async () => {
    const none = await renderEmail({ template: 'welcome', locale: 'en', data: {} })
    expect(none.text).not.toContain('Unsubscribe')
    const script = await renderEmail({
      template: 'welcome',
      locale: 'en',
      data: { unsubscribeUrl: 'javascript:alert(1)' },
    })
    expect(script.html).not.toContain('javascript:')
    expect(script.text).not.toContain('Unsubscribe')
  })
})
