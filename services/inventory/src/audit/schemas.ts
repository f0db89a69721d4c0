import { t } from '@myshop/http'

export const auditVerificationSchema = t.Object({
  service: t.String({ description: 'The service whose audit trail was checked' }),
  ok: t.Boolean({ description: 'True when every entry holds' }),
  entries: t.Integer({ minimum: 0, description: 'Entries checked and found intact' }),
  firstBroken: t.Optional(
    t.Object(
      {
        seq: t.Integer({ minimum: 1, description: 'The first entry that does not hold' }),
        reason: t.String(),
      },
      { description: 'Present when ok is false' },
    ),
  ),
})
