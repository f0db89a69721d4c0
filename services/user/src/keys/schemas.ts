import { t } from 'elysia'

export const jwkSchema = t.Object({
  kty: t.String({ examples: ['EC'] }),
  crv: t.String({ examples: ['P-256'] }),
  x: t.String({ examples: ['f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU'] }),
  y: t.String({ examples: ['x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0'] }),
  kid: t.String({ examples: ['01JD8X5ZQ4V3N6M2K7P9R1T0W5'] }),
  alg: t.String({ examples: ['ES256'] }),
  use: t.Literal('sig'),
})

export const jwksSchema = t.Object({ keys: t.Array(jwkSchema) })
