import { describe, expect, test } from 'bun:test'
import { render } from 'ink-testing-library'
import { type Column, StatusList, Table } from '../src/output.tsx'

type Row = { sku: string; name: string; qty: number }

const columns: Column<Row>[] = [
  { header: 'sku', value: (r) => r.sku },
  { header: 'name', value: (r) => r.name },
  { header: 'qty', value: (r) => String(r.qty) },
]

describe('Table', () => {
  test('aligns every column to its widest cell under an upper-case header', () => {
    const { lastFrame } = render(
      <Table
        columns={columns}
        rows={[
          { sku: 'TSHIRT-RED-M', name: 'Tee', qty: 3 },
          { sku: 'MUG', name: 'Enamel mug', qty: 120 },
        ]}
        color={false}
      />,
    )
    expect(lastFrame()).toBe(
      ['SKU           NAME        QTY', 'TSHIRT-RED-M  Tee         3', 'MUG           Enamel mug  120'].join(
        '\n',
      ),
    )
  })

  test('cuts the widest columns with an ellipsis until a row fits the width, and never when piped', () => {
    const rows = [
      { sku: 'TSHIRT-RED-M', name: 'A name far too long for a narrow terminal', qty: 3 },
      { sku: 'MUG', name: 'Enamel mug\nwith a line break', qty: 120 },
    ]
    const { lastFrame } = render(<Table columns={columns} rows={rows} color={false} width={30} />)
    expect(lastFrame()).toBe(
      [
        'SKU          NAME          QTY',
        'TSHIRT-RED…  A name far …  3',
        'MUG          Enamel mug …  120',
      ].join('\n'),
    )
    const piped = render(<Table columns={columns} rows={rows} color={false} />).lastFrame()
    expect(piped).toContain('A name far too long for a narrow terminal')
    // A line break in a cell would split its row in two.
    expect(piped).toContain('Enamel mug with a line break')
  })

  test('says (none) for an empty list', () => {
    const { lastFrame } = render(<Table columns={columns} rows={[]} color={false} />)
    expect(lastFrame()).toBe('SKU  NAME  QTY\n(none)')
  })
})

describe('StatusList', () => {
  test('shows each status with its detail', () => {
    const { lastFrame } = render(
      <StatusList
        items={[
          { name: 'gateway', status: 'degraded' },
          { name: 'user', status: 'down', detail: 'timeout' },
        ]}
        color={false}
      />,
    )
    expect(lastFrame()).toMatch(/gateway\s+degraded/)
    expect(lastFrame()).toMatch(/user\s+down\s+timeout/)
  })
})
