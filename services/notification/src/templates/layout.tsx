import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import type { ReactNode } from 'react'
import { formatMoney, type Locale, type OrderData } from './data.ts'
import type { Strings } from './strings.ts'

const page = { backgroundColor: '#f6f6f6', fontFamily: 'Helvetica, Arial, sans-serif', color: '#222' }
const box = { backgroundColor: '#ffffff', padding: '24px', maxWidth: '600px' }
const cell = { padding: '4px 8px', borderBottom: '1px solid #eee', textAlign: 'left' as const }
const number = { ...cell, textAlign: 'right' as const }
const muted = { color: '#777', fontSize: '12px' }

export interface LayoutProps {
  locale: Locale
  s: Strings
  /** The first line mail clients show beside the subject. */
  preview: string
  heading: string
  /** Given only for mail the recipient may opt out of: adds the unsubscribe link to the footer. */
  unsubscribeUrl?: string | undefined
  children: ReactNode
}

/** The frame every email shares: heading, content, and the footer with the unsubscribe link when given. */
export const Layout = ({ locale, s, preview, heading, unsubscribeUrl, children }: LayoutProps) => (
  <Html lang={locale}>
    <Head />
    <Preview>{preview}</Preview>
    <Body style={page}>
      <Container style={box}>
        <Heading as="h1">{heading}</Heading>
        {children}
        <Hr />
        <Text style={muted}>{s.footer}</Text>
        {unsubscribeUrl && (
          <Text style={muted}>
            <Link href={unsubscribeUrl}>{s.unsubscribe}</Link>
          </Text>
        )}
      </Container>
    </Body>
  </Html>
)

/** A link on its own line, such as the order page or the carrier's tracking page. */
export const Action = ({ href, label }: { href: string | undefined; label: string }) =>
  href ? (
    <Text>
      <Link href={href}>{label}</Link>
    </Text>
  ) : null

interface OrderProps {
  order: OrderData
  s: Strings
  locale: Locale
}

/** The order's lines: name, SKU, quantity, unit price and line total, in the order's currency. */
export const OrderLines = ({ order, s, locale }: OrderProps) => {
  const money = (amount: number) => formatMoney(amount, order.currency, locale)
  return (
    <table width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={cell}>{s.table.item}</th>
          <th style={cell}>{s.table.sku}</th>
          <th style={number}>{s.table.quantity}</th>
          <th style={number}>{s.table.unitPrice}</th>
          <th style={number}>{s.table.lineTotal}</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.sku}>
            <td style={cell}>{line.name}</td>
            <td style={cell}>{line.sku}</td>
            <td style={number}>{line.quantity}</td>
            <td style={number}>{money(line.unitPrice)}</td>
            <td style={number}>{money(line.lineTotal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Subtotal, shipping, tax and total, and what was refunded when anything was. */
export const OrderTotals = ({ order, s, locale }: OrderProps) => {
  const { totals } = order
  const rows: [string, number][] = [
    [s.totals.subtotal, totals.subtotal],
    [s.totals.shipping, totals.shipping],
    [s.totals.tax, totals.tax],
    [s.totals.total, totals.total],
    ...(totals.refunded > 0 ? [[s.totals.refunded, totals.refunded] as [string, number]] : []),
  ]
  return (
    <table width="100%" cellPadding={0} cellSpacing={0} style={{ marginTop: '12px' }}>
      <tbody>
        {rows.map(([label, amount]) => (
          <tr key={label}>
            <td style={number}>{label}</td>
            <td style={{ ...number, width: '140px' }}>{formatMoney(amount, order.currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The shipping address, one part per line; nothing when the order's data carries none. */
export const Address = ({ order, s }: Omit<OrderProps, 'locale'>) => {
  const a = order.shippingAddress
  if (!a) return null
  const lines = [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.region, a.country].filter(
    (line): line is string => Boolean(line),
  )
  return (
    <Section>
      <Text style={{ fontWeight: 'bold', marginBottom: 0 }}>{s.shipTo}</Text>
      <Text style={{ marginTop: 0 }}>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: address lines are fixed in order and may repeat
          <span key={i}>
            {line}
            <br />
          </span>
        ))}
      </Text>
    </Section>
  )
}

/** An order email: greeting, what happened, tracking when shipped, the lines, totals and address. */
export const OrderEmail = ({
  order,
  s,
  locale,
  heading,
  intro,
  extra,
  unsubscribeUrl,
}: OrderProps & {
  heading: string
  intro: string
  extra?: ReactNode
  unsubscribeUrl?: string | undefined
}) => (
  <Layout locale={locale} s={s} preview={intro} heading={heading} unsubscribeUrl={unsubscribeUrl}>
    <Text>{s.greeting(order.name)}</Text>
    <Text>{intro}</Text>
    {extra}
    <OrderLines order={order} s={s} locale={locale} />
    <OrderTotals order={order} s={s} locale={locale} />
    <Address order={order} s={s} />
    <Action href={order.orderUrl} label={s.viewOrder} />
  </Layout>
)

/** An email of a few paragraphs and at most one link: the preview is its first paragraph. */
export const SimpleEmail = ({
  ctx,
  heading,
  paragraphs,
  action,
}: {
  ctx: { locale: Locale; s: Strings; unsubscribeUrl?: string | undefined }
  heading: string
  paragraphs: string[]
  action?: { href: string | undefined; label: string }
}) => (
  <Layout
    locale={ctx.locale}
    s={ctx.s}
    preview={paragraphs[0] ?? heading}
    heading={heading}
    unsubscribeUrl={ctx.unsubscribeUrl}
  >
    {paragraphs.map((paragraph) => (
      <Text key={paragraph}>{paragraph}</Text>
    ))}
    {action && <Action href={action.href} label={action.label} />}
  </Layout>
)
