import { readShape, safeUrl } from './data.ts'
import { SimpleEmail } from './layout.tsx'
import { defineTemplate } from './template.ts'

interface WelcomeData {
  name: string | undefined
  shopUrl: string | undefined
}

/** Sent when an account is created (`user.registered`). */
export const welcome = defineTemplate<WelcomeData>({
  category: 'account',
  read: (data) => ({
    name: readShape(data, '', { name: 'string?' } as const).name || undefined,
    shopUrl: safeUrl(data.shopUrl),
  }),
  subject: ({ s }) => s.welcome.subject,
  email: (ctx) => (
    <SimpleEmail
      ctx={ctx}
      heading={ctx.s.welcome.subject}
      paragraphs={[ctx.s.greeting(ctx.data.name), ctx.s.welcome.intro]}
      action={{ href: ctx.data.shopUrl, label: 'MyShop' }}
    />
  ),
  sms: ({ s }) => s.welcome.sms,
  push: ({ s, data }) => ({
    title: s.welcome.subject,
    body: s.welcome.push,
    ...(data.shopUrl && { url: data.shopUrl }),
  }),
  sample: { name: 'Ada Lovelace', shopUrl: 'https://shop.example.com/' },
})
