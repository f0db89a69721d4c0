import type { RenderInput, TemplateName } from '../messages/renderer.ts'

/** Every template's name. */
export const templateNames: readonly TemplateName[] = [
  'welcome',
  'order_confirmation',
  'order_shipped',
  'order_cancelled',
  'order_refunded',
  'stock_low',
  'payment_disputed',
  'test',
]

const subjects: Record<TemplateName, string> = {
  welcome: 'Welcome to MyShop',
  order_confirmation: 'Your order is confirmed',
  order_shipped: 'Your order is on its way',
  order_cancelled: 'Your order was cancelled',
  order_refunded: 'Your refund',
  stock_low: 'Stock is running low',
  payment_disputed: 'A payment was disputed',
  test: 'MyShop test message',
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const plain = ({ template, data }: RenderInput) => `${subjects[template]}\n\n${JSON.stringify(data, null, 2)}`

/** Plain renderings of every template: subject, the data as text, and the same escaped in HTML. */
export const renderEmail = async (input: RenderInput) => ({
  subject: subjects[input.template],
  text: plain(input),
  html: `<pre>${escapeHtml(plain(input))}</pre>`,
})

export const renderSms = (input: RenderInput) => subjects[input.template]

export const renderPush = (input: RenderInput) => ({ title: 'MyShop', body: subjects[input.template] })
