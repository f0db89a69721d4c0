import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { UserDeps } from '../deps.ts'
import { type Addressing, clientContext } from '../http.ts'
import {
  newUserBody,
  profileChangesBody,
  rolesBody,
  userIdParam,
  userListQuery,
  userListSchema,
  userSchema,
} from './schemas.ts'
import { createAccount, getUser, listUsers, setRoles, updateProfile } from './service.ts'

export const userRoutes = (deps: UserDeps, addressing: Addressing) =>
  new Elysia({ prefix: '/api/v1/users', tags: ['users'] })
    .use(authGuard(deps.verifier))
    .get('/me', async ({ principal }) => getUser(deps, principal.userId), {
      auth: 'profile:read',
      response: { 200: userSchema, ...errorResponses(401, 404) },
      detail: { operationId: 'getCurrentUser', summary: 'The signed-in user' },
    })
    .patch(
      '/me',
      async ({ principal, body, request }) =>
        updateProfile(deps, principal, body, clientContext(request, addressing)),
      {
        auth: 'profile:write',
        body: profileChangesBody,
        response: { 200: userSchema, ...errorResponses(400, 401, 422, 429) },
        detail: {
          operationId: 'updateCurrentUser',
          summary: 'Update the signed-in user; a password change ends the other sessions',
        },
      },
    )
    .get(
      '/',
      async ({ query }) =>
        listUsers(deps, {
          limit: query.limit ?? 20,
          ...(query.cursor !== undefined && { cursor: query.cursor }),
          ...(query.q !== undefined && { q: query.q }),
          ...(query.role !== undefined && { role: query.role }),
        }),
      {
        auth: 'users:read',
        query: userListQuery,
        response: { 200: userListSchema, ...errorResponses(400, 401, 403, 422) },
        detail: { operationId: 'listUsers', summary: 'List users (admin)' },
      },
    )
    .post(
      '/',
      async ({ body, request, set }) => {
        const user = await createAccount(
          deps,
          { ...body, roles: body.roles ?? ['customer'] },
          clientContext(request, addressing),
        )
        set.status = 201
        set.headers.location = `/api/v1/users/${user.id}`
        return user
      },
      {
        auth: 'users:write',
        body: newUserBody,
        response: { 201: userSchema, ...errorResponses(400, 401, 403, 409, 422) },
        detail: { operationId: 'createUser', summary: 'Create a user with roles (admin)' },
      },
    )
    .get('/:id', async ({ params }) => getUser(deps, params.id), {
      auth: 'users:read',
      params: userIdParam,
      response: { 200: userSchema, ...errorResponses(401, 403, 404, 422) },
      detail: { operationId: 'getUser', summary: 'One user by id (admin, support)' },
    })
    .put(
      '/:id/roles',
      async ({ principal, params, body, request }) =>
        setRoles(deps, principal, params.id, body.roles, clientContext(request, addressing)),
      {
        auth: 'roles:write',
        params: userIdParam,
        body: rolesBody,
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        detail: {
          operationId: 'setUserRoles',
          summary: "Replace a user's roles (admin); removing a role ends their sessions",
        },
      },
    )
