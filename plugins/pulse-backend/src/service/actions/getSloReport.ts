import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PulseContext } from '../context';
import { PulseServices } from '../services';
import { ENTITY_REF_DESCRIPTION, visibleEntityRef } from './visibleEntity';

/** `pulse:get-slo-report`: every SLO of an entity over its current window, as the SLO card shows it. */
export function registerGetSloReport(registry: ActionsRegistryService, ctx: PulseContext, { gate }: Pick<PulseServices, 'gate'>) {
  registry.register({
    name: 'get-slo-report',
    title: 'Get the Pulse SLO report of an entity',
    description:
      "Every SLO of an entity over its current window: each objective's target, SLI, error budget left (0 to 1), " +
      '1-hour burn rate and the alert that would fire (page, ticket or none). No SLOs gives an empty list.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          evaluatedAt: z.string(),
          slos: z.array(
            z.object({
              name: z.string(),
              displayName: z.string().optional(),
              window: z.object({ start: z.string(), end: z.string(), duration: z.string(), isRolling: z.boolean() }),
              objectives: z.array(
                z.object({
                  displayName: z.string(),
                  target: z.number(),
                  sli: z.number().nullable(),
                  met: z.boolean().nullable(),
                  errorBudgetRemaining: z.number().nullable().describe('Share of the error budget left, 0 to 1'),
                  burnRate1h: z.number().nullable(),
                  alert: z.enum(['page', 'ticket', 'none']),
                }),
              ),
            }),
          ),
        }),
    },
    examples: [{ title: 'The SLOs of checkout', input: { entityRef: 'component:default/checkout' } }],
    action: async ({ input, credentials }) => {
      const entityRef = await visibleEntityRef(ctx, input.entityRef, credentials);
      // The card's view: the report and a gate preview on it; only the report is answered, nothing is written.
      const report = await gate.view(entityRef, Date.now());
      return {
        output: {
          entityRef: report.entityRef,
          evaluatedAt: report.evaluatedAt,
          slos: report.slos.map(slo => ({
            name: slo.name,
            ...(slo.displayName ? { displayName: slo.displayName } : {}),
            window: slo.window,
            objectives: slo.objectives.map(o => ({
              displayName: o.displayName,
              target: o.target,
              sli: o.sli,
              met: o.met,
              errorBudgetRemaining: o.errorBudget.remainingFraction,
              burnRate1h: o.burnRates['1h'],
              alert: o.alert,
            })),
          })),
        },
      };
    },
  });
}
