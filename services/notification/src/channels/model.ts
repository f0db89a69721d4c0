import type { Channel, OutgoingMessage } from '../messages/model.ts'

/**
 * What a provider made of one send: sent (with its message id, for the delivery callbacks that follow), worth
 * retrying (throttled, the provider failing, the network), or refused for good (a bad address, a push
 * subscription that no longer exists).
 */
export type SendResult =
  | { outcome: 'sent'; providerMessageId: string | null }
  | {
      outcome: 'retry'
      errorClass: 'rate_limited' | 'provider_error' | 'network'
      detail: string
      retryAfterMs?: number
    }
  | { outcome: 'failed'; errorClass: 'rejected' | 'gone'; detail: string } // permanent: bad address, expired push subscription (404/410)

/**
 * One provider of one channel. `idempotencyKey` is the delivery's id: the same delivery sent again (after a
 * crash mid-send) carries the same key, for providers that recognise a repeat.
 */
export interface ChannelSender {
  channel: Channel
  provider: string
  send(message: OutgoingMessage, idempotencyKey: string): Promise<SendResult>
}
