import openapiTS, { astToString } from 'openapi-typescript'

const header = `// The MyShop API's types, generated from the gateway's /openapi.json by \`bun run generate:client\`. Do not edit:
// regenerate after an API change (a test fails while this file is out of date).
`

/** The TypeScript types of an OpenAPI document (paths, components, operations), as `src/schema.ts` holds them. */
export const clientTypes = async (document: object): Promise<string> =>
  header +
  astToString(await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0]))
