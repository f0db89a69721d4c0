import { type Output, Table } from './output.tsx'

/** A line of an imported file that was refused, and why: each error names its field (a JSON pointer) or none. */
export type LineFailure = { line: number; sku: string; errors: { path: string; message: string }[] }

type FailureLine = { line: number; sku: string; path: string; message: string }

/** Refused lines as every import lists them: one row per error, by line, SKU and field. */
export const printLineFailures = (out: Output, failed: readonly LineFailure[]) => {
  const rows: FailureLine[] = failed.flatMap((f) =>
    (f.errors.length ? f.errors : [{ path: '', message: 'rejected' }]).map((e) => ({
      line: f.line,
      sku: f.sku,
      path: e.path,
      message: e.message,
    })),
  )
  out.print(
    <Table
      columns={[
        { header: 'line', value: (r: FailureLine) => String(r.line) },
        { header: 'sku', value: (r: FailureLine) => r.sku || '-' },
        { header: 'field', value: (r: FailureLine) => r.path.replace(/^\//, '') || '-' },
        { header: 'error', value: (r: FailureLine) => r.message },
      ]}
      rows={rows}
      color={out.color}
      width={out.width}
    />,
  )
}
