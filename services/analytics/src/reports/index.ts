import { cohortsSpec } from './cohorts.ts'
import { funnelSpec } from './funnel.ts'
import { inventorySpec } from './inventory.ts'
import { productsSpec } from './products.ts'
import type { ReportSpec } from './routes.ts'
import { salesSpec } from './sales.ts'
import { searchSpec } from './search.ts'

/** Every report the service answers, in the order the API documents them. */
export const reportSpecs: readonly ReportSpec[] = [
  salesSpec,
  productsSpec,
  funnelSpec,
  cohortsSpec,
  searchSpec,
  inventorySpec,
]
