import { funnelSpec } from './funnel.ts'
import type { ReportSpec } from './routes.ts'
import { searchSpec } from './search.ts'

/** Every report the service answers, in the order the API documents them. */
export const reportSpecs: readonly ReportSpec[] = [funnelSpec, searchSpec]
