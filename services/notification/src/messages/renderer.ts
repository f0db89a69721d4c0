/** The messages MyShop sends, one template each per channel and locale. */
export type TemplateName =
  | 'welcome'
  | 'order_confirmation'
  | 'order_shipped'
  | 'order_cancelled'
  | 'order_refunded'
  | 'stock_low'
  | 'payment_disputed'
  | 'test'

export interface RenderInput {
  template: TemplateName
  /** `en` or `de` (a region such as `de-AT` counts); any other renders in English. */
  locale: string
  /** The template's data; `unsubscribeUrl` (http/https) adds the unsubscribe link to the email's footer. */
  data: Record<string, unknown>
}

/**
 * Turns a template and its data into each channel's text. The templates feature implements it; deliveries are
 * rendered once, when they are created, and the rendered message is what is sent (and sent again on a retry).
 */
export interface Renderer {
  renderEmail(input: RenderInput): Promise<{ subject: string; html: string; text: string }>
  renderSms(input: RenderInput): string
  renderPush(input: RenderInput): { title: string; body: string; url?: string }
}
