import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia } from 'elysia'
import type { InventoryDeps } from '../deps.ts'
import {
  idempotencyHeaders,
  reservationInputSchema,
  reservationParams,
  reservationSchema,
  restockInputSchema,
} from './schemas.ts'
import {
  commitReservation,
  getReservation,
  releaseReservation,
  reserve,
  restockReservation,
} from './service.ts'

export const reservationRoutes = (deps: InventoryDeps) =>
  new Elysia({ prefix: '/api/v1/reservations', tags: ['reservations'] })
    .use(authGuard(deps.verifier))
    .post(
      '/',
      async ({ body, headers, principal, request, set }) => {
        const { reservation, replayed } = await reserve(
          deps,
          body,
          headers['idempotency-key'],
          principal.userId,
          eventContext(request),
        )
        set.status = 201
        set.headers.location = `/api/v1/reservations/${reservation.id}`
        if (replayed) set.headers['idempotent-replayed'] = 'true'
        return reservation
      },
      {
        auth: 'inventory:reserve',
        headers: idempotencyHeaders,
        body: reservationInputSchema,
        response: { 201: reservationSchema, ...errorResponses(401, 403, 409, 422) },
        detail: {
          operationId: 'reserveStock',
          summary:
            'Hold stock for every line or none (409 insufficient_stock names each short SKU); the same Idempotency-Key answers the same reservation',
        },
      },
    )
    .get('/:id', ({ params }) => getReservation(deps, params.id), {
      auth: 'inventory:reserve',
      params: reservationParams,
      response: { 200: reservationSchema, ...errorResponses(401, 403, 404, 422) },
      detail: { operationId: 'getReservation', summary: 'One reservation' },
    })
    .post(
      '/:id/commit',
      ({ params, principal, request }) =>
        commitReservation(deps, params.id, principal.userId, eventContext(request)),
      {
        auth: 'inventory:reserve',
        params: reservationParams,
        response: { 200: reservationSchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: {
          operationId: 'commitReservation',
          summary: 'Take the held stock out for good (the order was paid); again changes nothing',
        },
      },
    )
    .post(
      '/:id/release',
      ({ params, principal, request }) =>
        releaseReservation(deps, params.id, principal.userId, eventContext(request)),
      {
        auth: 'inventory:reserve',
        params: reservationParams,
        response: { 200: reservationSchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: {
          operationId: 'releaseReservation',
          summary: 'Give the held stock back; again changes nothing',
        },
      },
    )
    .post(
      '/:id/restocks',
      async ({ params, body, headers, principal, request, set }) => {
        const reservation = await restockReservation(
          deps,
          params.id,
          body ?? {},
          headers['idempotency-key'],
          principal.userId,
          eventContext(request),
        )
        set.status = 201
        return reservation
      },
      {
        auth: 'inventory:reserve',
        params: reservationParams,
        headers: idempotencyHeaders,
        body: restockInputSchema,
        response: { 201: reservationSchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: {
          operationId: 'restockReservation',
          summary:
            'Put units of a committed reservation back on hand (returned goods), never more than it took (409); the same Idempotency-Key puts nothing back twice',
        },
      },
    )
