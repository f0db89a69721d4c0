import type { Locale } from './data.ts'

/** The words of every template in one locale; a template never writes a word of its own. */
export interface Strings {
  greeting: (name: string | undefined) => string
  footer: string
  unsubscribe: string
  viewOrder: string
  table: { item: string; sku: string; quantity: string; unitPrice: string; lineTotal: string }
  totals: { subtotal: string; shipping: string; tax: string; total: string; refunded: string }
  shipTo: string
  tracking: (carrier: string | undefined, number: string) => string
  trackParcel: string
  welcome: { subject: string; intro: string; sms: string; push: string }
  orderConfirmation: {
    subject: (id: string) => string
    intro: string
    sms: (id: string, total: string) => string
  }
  orderShipped: {
    subject: (id: string) => string
    intro: string
    sms: (id: string, tracking: string) => string
  }
  orderCancelled: {
    subject: (id: string) => string
    intro: string
    reason: string
    sms: (id: string) => string
  }
  orderRefunded: {
    subject: (id: string) => string
    intro: (refunded: string) => string
    sms: (id: string, refunded: string) => string
  }
  stockLow: {
    subject: (sku: string) => string
    body: (sku: string, available: number, threshold: number) => string
  }
  paymentDisputed: {
    subject: (reference: string) => string
    body: (amount: string, reference: string, provider: string, reason: string) => string
    dispute: (id: string) => string
  }
  test: { subject: string; body: string }
}

const en: Strings = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  footer: 'MyShop',
  unsubscribe: 'Unsubscribe from these emails',
  viewOrder: 'View your order',
  table: { item: 'Item', sku: 'SKU', quantity: 'Qty', unitPrice: 'Price', lineTotal: 'Total' },
  totals: { subtotal: 'Subtotal', shipping: 'Shipping', tax: 'Tax', total: 'Total', refunded: 'Refunded' },
  shipTo: 'Shipping to',
  tracking: (carrier, number) =>
    carrier ? `${carrier} tracking number ${number}` : `Tracking number ${number}`,
  trackParcel: 'Track your parcel',
  welcome: {
    subject: 'Welcome to MyShop',
    intro: 'Your account is ready. We are glad you are here.',
    sms: 'Welcome to MyShop: your account is ready.',
    push: 'Your account is ready.',
  },
  orderConfirmation: {
    subject: (id) => `Your order ${id} is confirmed`,
    intro: 'Thank you for your order. We have received your payment and are getting it ready.',
    sms: (id, total) => `MyShop: order ${id} is confirmed (${total}).`,
  },
  orderShipped: {
    subject: (id) => `Your order ${id} is on its way`,
    intro: 'Good news: your order has been shipped.',
    sms: (id, tracking) => `MyShop: order ${id} has shipped. ${tracking}.`,
  },
  orderCancelled: {
    subject: (id) => `Your order ${id} was cancelled`,
    intro: 'Your order was cancelled. Any payment taken is given back in full.',
    reason: 'Reason',
    sms: (id) => `MyShop: order ${id} was cancelled.`,
  },
  orderRefunded: {
    subject: (id) => `A refund for your order ${id}`,
    intro: (refunded) => `We have refunded ${refunded} to your original payment method.`,
    sms: (id, refunded) => `MyShop: ${refunded} refunded for order ${id}.`,
  },
  stockLow: {
    subject: (sku) => `Low stock: ${sku}`,
    body: (sku, available, threshold) =>
      `${sku} has ${available} available, at or below its threshold of ${threshold}.`,
  },
  paymentDisputed: {
    subject: (reference) => `Payment disputed: ${reference}`,
    body: (amount, reference, provider, reason) =>
      `The shopper's bank disputes ${amount} paid for ${reference} through ${provider} (reason: ${reason}).`,
    dispute: (id) => `Dispute ${id}: answer it with the provider before its deadline.`,
  },
  test: { subject: 'MyShop test message', body: 'This is a test message from MyShop. Delivery works.' },
}

const de: Strings = {
  greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
  footer: 'MyShop',
  unsubscribe: 'Von diesen E-Mails abmelden',
  viewOrder: 'Bestellung ansehen',
  table: { item: 'Artikel', sku: 'Art.-Nr.', quantity: 'Menge', unitPrice: 'Preis', lineTotal: 'Summe' },
  totals: {
    subtotal: 'Zwischensumme',
    shipping: 'Versand',
    tax: 'MwSt.',
    total: 'Gesamt',
    refunded: 'Erstattet',
  },
  shipTo: 'Lieferadresse',
  tracking: (carrier, number) =>
    carrier ? `${carrier} Sendungsnummer ${number}` : `Sendungsnummer ${number}`,
  trackParcel: 'Sendung verfolgen',
  welcome: {
    subject: 'Willkommen bei MyShop',
    intro: 'Dein Konto ist eingerichtet. Schön, dass du da bist.',
    sms: 'Willkommen bei MyShop: dein Konto ist eingerichtet.',
    push: 'Dein Konto ist eingerichtet.',
  },
  orderConfirmation: {
    subject: (id) => `Deine Bestellung ${id} ist bestätigt`,
    intro: 'Danke für deine Bestellung. Die Zahlung ist eingegangen, wir bereiten den Versand vor.',
    sms: (id, total) => `MyShop: Bestellung ${id} ist bestätigt (${total}).`,
  },
  orderShipped: {
    subject: (id) => `Deine Bestellung ${id} ist unterwegs`,
    intro: 'Gute Nachrichten: deine Bestellung wurde versandt.',
    sms: (id, tracking) => `MyShop: Bestellung ${id} wurde versandt. ${tracking}.`,
  },
  orderCancelled: {
    subject: (id) => `Deine Bestellung ${id} wurde storniert`,
    intro: 'Deine Bestellung wurde storniert. Bereits gezahlte Beträge erstatten wir vollständig.',
    reason: 'Grund',
    sms: (id) => `MyShop: Bestellung ${id} wurde storniert.`,
  },
  orderRefunded: {
    subject: (id) => `Erstattung für deine Bestellung ${id}`,
    intro: (refunded) => `Wir haben ${refunded} auf dein ursprüngliches Zahlungsmittel erstattet.`,
    sms: (id, refunded) => `MyShop: ${refunded} für Bestellung ${id} erstattet.`,
  },
  stockLow: {
    subject: (sku) => `Niedriger Bestand: ${sku}`,
    body: (sku, available, threshold) =>
      `${sku} hat noch ${available} verfügbar, höchstens die Schwelle von ${threshold}.`,
  },
  paymentDisputed: {
    subject: (reference) => `Zahlung angefochten: ${reference}`,
    body: (amount, reference, provider, reason) =>
      `Die Bank des Kunden ficht ${amount} für ${reference} über ${provider} an (Grund: ${reason}).`,
    dispute: (id) => `Anfechtung ${id}: vor Ablauf der Frist beim Anbieter beantworten.`,
  },
  test: {
    subject: 'MyShop Testnachricht',
    body: 'Dies ist eine Testnachricht von MyShop. Der Versand funktioniert.',
  },
}

/** Every locale's strings. */
export const strings: Record<Locale, Strings> = { en, de }
