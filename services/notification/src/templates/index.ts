import { plainTextSelectors, render, toPlainText } from '@react-email/render'
import type { Category } from '../messages/model.ts'
import { orderCancelled } from './order-cancelled.tsx'
import { orderConfirmation } from './order-confirmation.tsx'
import { orderRefunded } from './order-refunded.tsx'
import { orderShipped } from './order-shipped.tsx'
import { paymentDisputed } from './payment-disputed.tsx'
import { stockLow } from './stock-low.tsx'
import type { PushContent, Template } from './template.ts'
import { testMessage } from './test.tsx'
import { welcome } from './welcome.tsx'

export type { Locale } from './data.ts'
export { formatMoney, localeOf } from './data.ts'
export type { PushContent } from './template.ts'

import type { RenderInput, TemplateName } from '../messages/renderer.ts'

export type { RenderInput, TemplateName }

const templates: Record<TemplateName, Template> = {
  welcome,
  order_confirmation: orderConfirmation,
  order_shipped: orderShipped,
  order_cancelled: orderCancelled,
  order_refunded: orderRefunded,
  stock_low: stockLow,
  payment_disputed: paymentDisputed,
  test: testMessage,
}

/** Every template's name. */
export const templateNames = Object.keys(templates) as readonly TemplateName[]

/** Whether a string names a template. */
export const isTemplateName = (value: string): value is TemplateName => Object.hasOwn(templates, value)

/**
 * The preference category of each template's messages. Staff alerts are transactional for the staff member (they
 * must act on them), so every template here is transactional; a marketing template would be `marketing`.
 */
export const templateCategory = (name: TemplateName): Category => templates[name].category

/** Data that renders each template, for previews and tests. */
export const sampleData = Object.fromEntries(
  templateNames.map((name) => [name, templates[name].sample]),
) as Record<TemplateName, Record<string, unknown>>

// Tables (an order's lines and totals) keep their columns in the text part instead of running together.
const textOptions = {
  selectors: [
    ...plainTextSelectors,
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
}

/** The email for a message: its subject, and HTML and plain-text parts of the same content. */
export const renderEmail = async ({ template, locale, data }: RenderInput) => {
  const { subject, element } = templates[template].email(locale, data)
  const html = await render(element)
  return { subject, html, text: toPlainText(html, textOptions) }
}

/** The SMS text for a message, one line. */
export const renderSms = ({ template, locale, data }: RenderInput): string =>
  templates[template].sms(locale, data)

/** What the push notification for a message shows, and the page it opens. */
export const renderPush = ({ template, locale, data }: RenderInput): PushContent =>
  templates[template].push(locale, data)
