import { t } from '@myshop/http'
import type { TProperties, TSchema } from '@sinclair/typebox'
import { groupings } from './model.ts'

const dateOrInstant = (description: string) =>
  t.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
    maxLength: 40,
    description,
  })

/** What every report takes; each adds its own filters. */
export const windowQuery = {
  from: dateOrInstant('Start: a date (its whole day, UTC) or an instant; inclusive'),
  to: dateOrInstant('End: a date (inclusive of its whole day, UTC) or an instant (exclusive)'),
  groupBy: t.Optional(
    t.Union(
      groupings.map((g) => t.Literal(g)),
      { description: 'Time bucket (UTC)' },
    ),
  ),
  currency: t.Optional(t.String({ pattern: '^[A-Z]{3}$', description: 'Only figures in this currency' })),
  format: t.Optional(
    t.Union([t.Literal('json'), t.Literal('csv')], {
      description: 'Answer as JSON (the default) or CSV; `Accept: text/csv` asks for CSV too',
    }),
  ),
}

/** A report's query: the window, the format and the report's own filters. */
export const reportQuery = <F extends TProperties>(filters: F) => t.Object({ ...windowQuery, ...filters })

const columnSchema = t.Object({
  key: t.String(),
  label: t.String(),
  kind: t.Union([
    t.Literal('text'),
    t.Literal('integer'),
    t.Literal('number'),
    t.Literal('money'),
    t.Literal('ratio'),
    t.Literal('time'),
  ]),
})

/** A report as JSON: what it covers, its columns, and its rows. Money is in minor units of the row's currency. */
export const reportSchema = <R extends TSchema>(row: R) =>
  t.Object({
    report: t.String(),
    from: t.String({ format: 'date-time' }),
    to: t.String({ format: 'date-time' }),
    groupBy: t.String(),
    currency: t.Union([t.String(), t.Null()]),
    columns: t.Array(columnSchema),
    rows: t.Array(row),
  })
