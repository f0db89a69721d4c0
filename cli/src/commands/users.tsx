import { type Command, InvalidArgumentError } from 'commander'
import { type ApiClient, apiRoles, isApiRole, type Role, type User, type UserFilter } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { CliError } from '../errors.ts'
import { type Column, Details, Table } from '../output.tsx'
import { confirm, readNewSecret, readText } from '../prompt.tsx'
import { registerUnlock } from './users-unlock.tsx'

const userColumns: Column<User>[] = [
  { header: 'id', value: (u) => u.id },
  { header: 'email', value: (u) => u.email },
  { header: 'name', value: (u) => u.name },
  { header: 'roles', value: (u) => u.roles.join(',') },
  { header: 'created', value: (u) => u.createdAt },
]

export const userDetails = (user: User): [string, string][] => [
  ['id', user.id],
  ['email', user.email],
  ['name', user.name],
  ['roles', user.roles.join(', ') || '(none)'],
  ['created', user.createdAt],
  ['updated', user.updatedAt],
]

/** Checked before any request so a typo never reaches the server half-applied. */
const checkRoles = (given: string[]): Role[] => {
  const known = given.filter(isApiRole)
  const unknown = given.filter((role) => !isApiRole(role))
  if (unknown.length) {
    throw new CliError(
      'unknown_role',
      `unknown role${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (valid: ${apiRoles.join(', ')})`,
    )
  }
  return known
}

const positiveInt = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number')
  return n
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * The id that sorts immediately before `id` (`usr_…01` → `usr_…00`, `usr_…A0` → `usr_…9Z`), or
 * undefined for the smallest id. The list endpoint pages by `id > cursor` in id order, so a cursor
 * of this value with `limit=1` returns exactly that user when it exists: the API has no GET by id.
 */
export const idBefore = (id: string): string | undefined => {
  const match = /^([a-z]+_)([0-9A-HJKMNP-TV-Z]+)$/.exec(id)
  if (!match) return undefined
  const [, prefix, body] = match as unknown as [string, string, string]
  const chars = [...body]
  for (let i = chars.length - 1; i >= 0; i--) {
    const value = crockford.indexOf(chars[i] ?? '')
    if (value > 0) {
      chars[i] = crockford[value - 1] ?? '0'
      return prefix + chars.join('')
    }
    chars[i] = 'Z'
  }
  return undefined
}

/** Finds a user by id, or by exact email when the argument looks like one. */
export const resolveUser = async (api: ApiClient, idOrEmail: string): Promise<User> => {
  if (idOrEmail.includes('@')) {
    const wanted = idOrEmail.toLowerCase()
    // The search is a substring match on email and name, so keep only the exact address.
    const page = await api.listUsers({ q: idOrEmail, limit: 100 })
    const user = page.items.find((u) => u.email.toLowerCase() === wanted)
    if (!user) throw new CliError('user_not_found', `no user with email ${idOrEmail}`)
    return user
  }
  if (!/^usr_[0-9A-HJKMNP-TV-Z]+$/.test(idOrEmail)) {
    throw new CliError('usage_error', `${idOrEmail} is neither a user id (usr_…) nor an email`)
  }
  const page = await api.listUsers({ cursor: idBefore(idOrEmail), limit: 1 })
  const user = page.items[0]
  if (user?.id !== idOrEmail) throw new CliError('user_not_found', `no user with id ${idOrEmail}`)
  return user
}

type ListOptions = { limit?: number; role?: string; query?: string; cursor?: string; all?: boolean }
type CreateOptions = { email: string; name?: string; password?: string; role?: string[] }
type GrantOptions = { revoke?: boolean; yes?: boolean }

/** users list / create / grant: administration through the admin API. */
export const registerUsers = (program: Command, context: CommandContext): void => {
  const { action } = context
  const users = program.command('users').description('manage user accounts and roles (admin)')
  registerUnlock(users, context)

  action<ListOptions>(
    users
      .command('list')
      .description('list users in creation order')
      .option('--limit <n>', 'page size', positiveInt)
      .option('--role <role>', 'only users with this role')
      .option('--query <q>', 'search email and name')
      .option('--cursor <cursor>', 'continue from a previous page')
      .option('--all', 'follow every page'),
    async ({ opts, api, out }) => {
      const { limit, role, query, cursor, all } = opts
      const filter: UserFilter = {
        limit,
        role: role === undefined ? undefined : checkRoles([role])[0],
        q: query,
        cursor,
      }
      const fetchAll = async () => {
        let page = await api.listUsers(filter)
        const items = [...page.items]
        const seen = new Set<string>()
        // A cursor seen twice would loop forever; stop instead of trusting the server blindly.
        while (all && page.nextCursor && !seen.has(page.nextCursor)) {
          seen.add(page.nextCursor)
          page = await api.listUsers({ ...filter, cursor: page.nextCursor })
          items.push(...page.items)
        }
        return { items, nextCursor: all ? null : page.nextCursor }
      }
      const result = await out.during('Loading users', fetchAll)
      if (out.json) {
        out.printJson(result)
        return undefined
      }
      out.print(<Table columns={userColumns} rows={result.items} color={out.color} width={out.width} />)
      if (result.nextCursor) out.note(`more users: --cursor ${result.nextCursor} (or --all)`)
      return undefined
    },
  )

  action<CreateOptions>(
    users
      .command('create')
      .description('create a user')
      .requiredOption('--email <email>', 'email address')
      .option('--name <name>', 'display name (prompted on a terminal when omitted)')
      .option('--password <password>', 'password (prompted twice, or read from piped stdin, when omitted)')
      .option('--role <role>', 'role to grant, repeatable (default: customer)', collect),
    async ({ opts, api, out, deps }) => {
      const { email, password, role } = opts
      const chosen = checkRoles(role?.length ? role : ['customer'])
      const name =
        opts.name ?? (await readText(deps, 'Name:', '--name is required when stdin is not a terminal'))
      const secret = password ?? (await readNewSecret(deps, 'Password:'))
      const user = await api.createUser({ email, name, password: secret, roles: chosen })
      if (out.json) {
        out.printJson(user)
        return undefined
      }
      out.line(`Created user ${user.email}`)
      out.print(<Details entries={userDetails(user)} color={out.color} />)
      return undefined
    },
  )

  action<GrantOptions>(
    users
      .command('grant')
      .description('grant roles to a user, or take them away with --revoke')
      .argument('<user>', 'user id (usr_...) or email')
      .argument('<role...>', `one or more of: ${apiRoles.join(', ')}`)
      .option('--revoke', 'remove the roles instead of adding them')
      .option('--yes', 'grant admin without asking'),
    async ({ opts, args, api, out, url, deps }) => {
      const [target, given] = args as [string, string[]]
      const { revoke } = opts
      checkRoles(given)
      const user = await resolveUser(api, target)
      // admin can do everything, including granting itself to others: the one role asked about first.
      if (!revoke && given.includes('admin') && !user.roles.includes('admin')) {
        await confirm(deps, `Make ${user.email} an administrator of ${url}?`, opts.yes)
      }
      // The API replaces the whole role set, so the change is computed from what the user has now.
      const next = revoke
        ? user.roles.filter((r) => !given.includes(r))
        : [...user.roles, ...given.filter((r) => !user.roles.includes(r))]
      const updated = await api.setRoles(user.id, checkRoles(next))
      if (out.json) out.printJson(updated)
      else out.line(`Roles of ${updated.email}: ${updated.roles.join(', ') || '(none)'}`)
      return undefined
    },
  )
}
