import type { ReportSpec } from './routes.ts'

/** Every report the service answers, in the order the API documents them. */
export const reportSpecs: readonly ReportSpec[] = []
