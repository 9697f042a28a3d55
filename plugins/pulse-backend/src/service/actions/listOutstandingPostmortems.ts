import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PulseContext } from '../context';
import { PulseServices } from '../services';
import { ENTITY_REF_DESCRIPTION, visibleEntityRef } from './visibleEntity';

/** `pulse:list-outstanding-postmortems`: incidents of an entity whose required postmortem is not linked yet. */
export function registerListOutstandingPostmortems(
  registry: ActionsRegistryService,
  ctx: PulseContext,
  { access, reviews }: Pick<PulseServices, 'access' | 'reviews'>,
) {
  registry.register({
    name: 'list-outstanding-postmortems',
    title: 'List the outstanding Pulse postmortems of an entity',
    description:
      'Incidents of an entity that need a postmortem (by the error-budget policy) and have none linked yet, with ' +
      'the share of error budget each spent, and whether the caller may link them (the entity owners may).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          canEdit: z.boolean().describe('Whether the caller may link postmortems and write learnings'),
          items: z.array(
            z.object({
              id: z.string(),
              description: z.string().optional(),
              createdAt: z.string(),
              resolvedAt: z.string().optional(),
              durationMinutes: z.number(),
              budgetShare: z.number().nullable().describe('The largest share of any objective budget it spent'),
            }),
          ),
        }),
    },
    examples: [{ title: 'What postmortems does checkout owe?', input: { entityRef: 'component:default/checkout' } }],
    action: async ({ input, credentials }) => {
      const entityRef = await visibleEntityRef(ctx, input.entityRef, credentials);
      const [outstanding, editable] = await Promise.all([
        reviews.outstanding(entityRef, Date.now()),
        access.postmortemEditableAmong(credentials, [entityRef]),
      ]);
      return {
        output: {
          entityRef: outstanding.entityRef,
          canEdit: editable.has(entityRef),
          items: outstanding.items.map(i => ({
            id: i.id,
            ...(i.description ? { description: i.description } : {}),
            createdAt: i.createdAt,
            ...(i.resolvedAt ? { resolvedAt: i.resolvedAt } : {}),
            durationMinutes: i.durationMinutes,
            budgetShare: i.budgetShare,
          })),
        },
      };
    },
  });
}
