import type { ReactNode } from 'react'
import { type OrderData, readOrder } from './data.ts'
import { OrderEmail } from './layout.tsx'
import { defineTemplate, type TemplateContext } from './template.ts'

type Part<T> = (ctx: TemplateContext<OrderData>) => T

export interface OrderTemplateOptions {
  subject: Part<string>
  intro: Part<string>
  sms: Part<string>
  /** What the email shows above the lines (tracking, the reason for a cancellation). */
  extra?: Part<ReactNode>
  sample: Record<string, unknown>
}

/**
 * A message about a shopper's order: the email shows the lines, totals and address; the push notification is the
 * subject and the first sentence, opening the order's page.
 */
export const orderTemplate = ({ subject, intro, sms, extra, sample }: OrderTemplateOptions) =>
  defineTemplate<OrderData>({
    category: 'order',
    read: readOrder,
    subject,
    email: (ctx) => (
      <OrderEmail
        order={ctx.data}
        s={ctx.s}
        locale={ctx.locale}
        heading={subject(ctx)}
        intro={intro(ctx)}
        extra={extra?.(ctx)}
        unsubscribeUrl={ctx.unsubscribeUrl}
      />
    ),
    sms,
    push: (ctx) => ({
      title: subject(ctx),
      body: intro(ctx),
      ...(ctx.data.orderUrl && { url: ctx.data.orderUrl }),
    }),
    sample,
  })
