import type { ReactElement } from 'react'
import type { Category } from '../messages/model.ts'
import { type Locale, localeOf, oneLine, safeUrl } from './data.ts'
import { type Strings, strings } from './strings.ts'

/** What a template is given: its locale's strings and its data, read into the shape it needs. */
export interface TemplateContext<D> {
  s: Strings
  locale: Locale
  data: D
  unsubscribeUrl?: string | undefined
}

/** What a push notification shows. */
export interface PushContent {
  title: string
  body: string
  url?: string
}

/** One message in every channel: the email (a React Email component), the SMS text and the push notification. */
export interface TemplateDefinition<D> {
  category: Category
  /** Reads the message's data, throwing a TypeError that names a missing or mistyped field. */
  read: (data: Record<string, unknown>) => D
  subject: (ctx: TemplateContext<D>) => string
  email: (ctx: TemplateContext<D>) => ReactElement
  sms: (ctx: TemplateContext<D>) => string
  push: (ctx: TemplateContext<D>) => PushContent
  /** Data that renders the template, for previews and tests. */
  sample: Record<string, unknown>
}

/** A template with its data type hidden, so every template fits one table. */
export interface Template {
  category: Category
  sample: Record<string, unknown>
  email: (locale: string, data: Record<string, unknown>) => { subject: string; element: ReactElement }
  sms: (locale: string, data: Record<string, unknown>) => string
  push: (locale: string, data: Record<string, unknown>) => PushContent
}

/**
 * Declares a template. Its subject and SMS are made single lines (data cannot add a header or a line), and the
 * unsubscribe link is taken from `data.unsubscribeUrl` only when it is an http(s) URL.
 */
export const defineTemplate = <D>(definition: TemplateDefinition<D>): Template => {
  const context = (locale: string, data: Record<string, unknown>): TemplateContext<D> => {
    const resolved = localeOf(locale)
    return {
      s: strings[resolved],
      locale: resolved,
      data: definition.read(data),
      unsubscribeUrl: safeUrl(data.unsubscribeUrl),
    }
  }
  return {
    category: definition.category,
    sample: definition.sample,
    email: (locale, data) => {
      const ctx = context(locale, data)
      return { subject: oneLine(definition.subject(ctx)), element: definition.email(ctx) }
    },
    sms: (locale, data) => oneLine(definition.sms(context(locale, data))),
    push: (locale, data) => {
      const { title, body, url } = definition.push(context(locale, data))
      return { title: oneLine(title), body: oneLine(body), ...(url && { url }) }
    },
  }
}
