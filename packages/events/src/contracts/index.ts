// One file per emitting service; add a service's contracts here so consumers import them from one place.

export { stockAdjusted, stockLow, stockReleased, stockReserved } from './inventory.ts'
export {
  orderCancelled,
  orderDelivered,
  orderFulfilled,
  orderPaid,
  orderPlaced,
  orderRefunded,
  orderStatuses,
} from './order.ts'
export {
  paymentAuthorized,
  paymentCaptured,
  paymentDisputed,
  paymentFailed,
  paymentRefunded,
  paymentVoided,
} from './payment.ts'
export { categoryChanged, priceChanged, productCreated, productDeleted, productUpdated } from './product.ts'
export { eventEmailPattern, userRegistered, userRoleChanged } from './user.ts'
