import { z } from '@hono/zod-openapi';

export const InboundSecretStatus = z
  .object({
    set: z
      .boolean()
      .openapi({ description: 'Whether the org has an inbound secret (it is never shown again)' }),
    setAt: z.iso.datetime().nullable(),
  })
  .openapi('InboundSecretStatus');

export const RotatedInboundSecret = z
  .object({
    inboundSecret: z.string().openapi({
      description:
        'The new secret for the X-Nurture-Inbound-Secret header, shown this once; the old one no longer works',
    }),
    setAt: z.iso.datetime(),
  })
  .openapi('RotatedInboundSecret');
