/** A user as the API shows it: never the password hash. */
export interface User {
  id: string
  email: string
  name: string
  roles: string[]
  createdAt: string
  updatedAt: string
}

export interface UserWithSecret extends User {
  passwordHash: string
}

export interface NewUser {
  id: string
  email: string
  name: string
  passwordHash: string
  roles: string[]
}

export interface UserFilter {
  q?: string
  role?: string
  cursor?: string
  limit: number
}
