import { t } from 'elysia'

const idPattern = '^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$'
const productIdParam = t.String({ pattern: '^prd_[0-9A-HJKMNP-TV-Z]{26}$', description: 'A product id' })
const imageIdParam = t.String({ pattern: '^img_[0-9A-HJKMNP-TV-Z]{26}$', description: 'An image id' })

export const productImageSchema = t.Object({
  id: t.String({ pattern: idPattern }),
  contentType: t.String(),
  width: t.Integer(),
  height: t.Integer(),
  position: t.Integer(),
  urls: t.Object({ original: t.String(), medium: t.String(), thumbnail: t.String() }),
})

export const productParamsSchema = t.Object({ id: productIdParam })

export const imageParamsSchema = t.Object({ id: productIdParam, imageId: imageIdParam })

export const presignBodySchema = t.Object(
  { contentType: t.String({ maxLength: 100 }), size: t.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)

export const presignedUploadSchema = t.Object({
  uploadUrl: t.String(),
  key: t.String(),
  expiresIn: t.Integer(),
  headers: t.Object({ 'content-type': t.String() }),
  confirmUrl: t.String(),
})

export const confirmBodySchema = t.Object(
  { key: t.String({ maxLength: 200 }) },
  { additionalProperties: false },
)
