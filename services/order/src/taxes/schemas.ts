import { t } from '@myshop/http'
import { countrySchema } from '../shipping/schemas.ts'
import { maxTaxRate } from './model.ts'

export const taxCountryParams = t.Object({ country: countrySchema })

const rate = t.Integer({
  minimum: 0,
  maximum: maxTaxRate,
  description: 'Basis points: 1900 is 19%, applied on top of subtotal plus shipping',
  examples: [1900],
})

export const taxRateInputSchema = t.Object({ rate }, { additionalProperties: false })

export const taxRateSchema = t.Object({
  country: t.String(),
  rate,
  updatedAt: t.String({ format: 'date-time' }),
})

export const taxRateListSchema = t.Object({ items: t.Array(taxRateSchema) })
