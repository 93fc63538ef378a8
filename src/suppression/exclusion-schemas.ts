import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { maxEntriesPerRequest } from './exclusions.ts';

/** Request and response shapes of the exclusion-list routes; they also feed /api/openapi.json. */
export const Exclusion = z
  .object({
    pattern: z
      .string()
      .openapi({ description: 'Lower case: an address, or a bare domain', example: 'acme.com' }),
    kind: z.enum(['address', 'domain']).openapi({ description: 'A domain also covers its subdomains' }),
    createdAt: z.string().openapi({ description: 'When it was added' }),
  })
  .openapi('Exclusion');

export const ExclusionList = z.object({ items: z.array(Exclusion) }).openapi('ExclusionList');

export const AddExclusionsBody = z
  .object({
    entries: z
      .array(oneLine())
      .min(1)
      .max(maxEntriesPerRequest)
      .openapi({
        description:
          'Addresses (`ceo@acme.com`) or domains (`acme.com` or `@acme.com`), any case. One bad entry refuses the request with 400 naming it (`entries[3]`), and nothing is added.',
        example: ['ceo@acme.com', 'globex.com'],
      }),
  })
  .strict()
  .openapi('AddExclusions');

export const AddedExclusions = z
  .object({
    added: z.array(Exclusion).openapi({ description: 'Entries new to the list' }),
    alreadyExcluded: z.array(z.string()).openapi({ description: 'Entries that were on it already' }),
    matchingLeads: z.number().int().openapi({
      description:
        'Active leads of this assistant matching an added entry: they get no further email, and their timeline says why',
    }),
  })
  .openapi('AddedExclusions');

export const ExclusionParams = z.object({
  id: idParam(),
  pattern: oneLine().openapi({
    param: { name: 'pattern', in: 'path' },
    description: 'The entry, e.g. acme.com or ceo@acme.com',
  }),
});

export const AssistantIdParam = z.object({ id: idParam() });
