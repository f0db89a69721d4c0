/** An order as its events carry it, with an address and tracking: the data the order templates preview with. */
export const sampleOrder = {
  orderId: 'ord_01JZ8Q6V4M3K2N1P0R9S8T7U6V',
  name: 'Ada Lovelace',
  currency: 'EUR',
  lines: [
    { name: 'Linen shirt', sku: 'SHIRT-LINEN-M', quantity: 2, unitPrice: 4900, lineTotal: 9800 },
    { name: 'Desk lamp', sku: 'LAMP-DESK-BLK', quantity: 1, unitPrice: 3450, lineTotal: 3450 },
  ],
  totals: { subtotal: 13250, shipping: 495, tax: 2517, total: 16262, refunded: 0 },
  shippingAddress: {
    name: 'Ada Lovelace',
    line1: 'Hauptstraße 5',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
  },
  orderUrl: 'https://shop.example.com/orders/ord_01JZ8Q6V4M3K2N1P0R9S8T7U6V',
}
