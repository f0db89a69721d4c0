import { newId } from '@myshop/ids'
import { z } from 'zod'

/** The wire shape of every MyShop domain event; `data` is the contract's payload. */
export interface EventEnvelope<T = unknown, Type extends string = string> {
  /** `evt_…`, unique per event; consumers dedupe on it. */
  id: string
  type: Type
  version: number
  /** ISO-8601 UTC. */
  occurredAt: string
  /** The service that emitted the event, e.g. `user`. */
  source: string
  data: T
  /** W3C trace context of the request that caused the event. */
  traceparent?: string
  requestId?: string
}

/** Context copied from the request that caused an event, so traces and logs connect across services. */
export interface EnvelopeMeta {
  source: string
  occurredAt?: Date
  traceparent?: string
  requestId?: string
  /** Overrides the generated id; only for tests and replays. */
  id?: string
}

/** A typed, versioned event contract: the event type, its schema version and the zod schema of its payload. */
export interface EventContract<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly type: Type
  readonly version: number
  readonly schema: Schema
  /** Builds an envelope for this contract, validating `data` so a producer can never emit an invalid event. */
  create(data: z.input<Schema>, meta: EnvelopeMeta): EventEnvelope<z.output<Schema>, Type>
}

/** Any contract, for lists of contracts of different types. */
// biome-ignore lint/suspicious/noExplicitAny: contracts of different payload types must fit one list
export type AnyEventContract = EventContract<string, any>

/** The envelope type a contract produces. */
export type EnvelopeOf<C extends AnyEventContract> =
  C extends EventContract<infer Type, infer Schema> ? EventEnvelope<z.output<Schema>, Type> : never

const eventTypePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/

/** Declares an event contract; `type` is `<entity>.<past tense>` and `version` a positive integer. */
export const defineEvent = <const Type extends string, Schema extends z.ZodType>(definition: {
  type: Type
  version: number
  schema: Schema
}): EventContract<Type, Schema> => {
  const { type, version, schema } = definition
  if (!eventTypePattern.test(type)) throw new Error(`event type "${type}" must look like entity.past_tense`)
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`event ${type}: version must be a positive integer`)
  return {
    type,
    version,
    schema,
    create: (data, meta) => ({
      id: meta.id ?? newId('evt'),
      type,
      version,
      occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
      source: meta.source,
      data: schema.parse(data),
      ...(meta.traceparent !== undefined && { traceparent: meta.traceparent }),
      ...(meta.requestId !== undefined && { requestId: meta.requestId }),
    }),
  }
}

/** The envelope's own fields, checked before the payload is matched against a contract. */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().regex(eventTypePattern),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  source: z.string().min(1),
  data: z.unknown(),
  traceparent: z.string().optional(),
  requestId: z.string().optional(),
})

/** Why a message can never be handled, whatever the number of retries; it goes straight to dead-letter. */
export class PoisonMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PoisonMessageError'
  }
}

/**
 * Checks a received message against the subscribed contracts and returns the typed envelope.
 * Throws `PoisonMessageError` for a malformed envelope, an unknown type or version, or an invalid payload.
 */
export const validateEnvelope = <C extends AnyEventContract>(
  contracts: readonly C[],
  raw: unknown,
): EnvelopeOf<C> => {
  const envelope = envelopeSchema.safeParse(raw)
  if (!envelope.success)
    throw new PoisonMessageError(`malformed envelope: ${z.prettifyError(envelope.error)}`)
  const { type, version } = envelope.data
  const contract = contracts.find((c) => c.type === type && c.version === version)
  if (!contract) throw new PoisonMessageError(`no contract for ${type} v${version}`)
  const data = contract.schema.safeParse(envelope.data.data)
  if (!data.success)
    throw new PoisonMessageError(`invalid ${type} v${version} payload: ${z.prettifyError(data.error)}`)
  return { ...envelope.data, data: data.data } as EnvelopeOf<C>
}
