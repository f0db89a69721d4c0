import { SimpleEmail } from './layout.tsx'
import { defineTemplate } from './template.ts'

/** What an operator sends to check that a channel delivers; it carries no data. */
export const testMessage = defineTemplate<null>({
  category: 'staff',
  read: () => null,
  subject: ({ s }) => s.test.subject,
  email: (ctx) => <SimpleEmail ctx={ctx} heading={ctx.s.test.subject} paragraphs={[ctx.s.test.body]} />,
  sms: ({ s }) => s.test.body,
  push: ({ s }) => ({ title: s.test.subject, body: s.test.body }),
  sample: {},
})
