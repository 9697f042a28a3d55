import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { DoraMetric } from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';
import { doraWindowOf } from '../dora/schemas';
import { PulseServices } from '../services';
import { ENTITY_REF_DESCRIPTION, visibleEntityRef } from './visibleEntity';

const DAY_MS = 86_400_000;
const metricOf = ({ value, unit, tier, sampleSize }: DoraMetric) => ({ value, unit, tier, sampleSize });

/** `pulse:get-dora-scorecard`: the entity's five DORA metrics and overall tier over the last `days` days. */
export function registerGetDoraScorecard(
  registry: ActionsRegistryService,
  ctx: PulseContext,
  { scorecards }: Pick<PulseServices, 'scorecards'>,
) {
  registry.register({
    name: 'get-dora-scorecard',
    title: 'Get the Pulse DORA scorecard of an entity',
    description:
      'Deployment frequency, lead time for changes, change failure rate, failed deployment recovery time and rework ' +
      'rate of an entity, each with its tier, and the overall tier (elite, high, medium, low; null with too little data).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
          days: z.number().int().min(1).max(365).optional().describe('The window, ending now (default 90 days)'),
        }),
      output: z => {
        const tier = z.enum(['elite', 'high', 'medium', 'low']).nullable();
        const metric = z.object({ value: z.number().nullable(), unit: z.string(), tier, sampleSize: z.number() });
        return z.object({
          entityRef: z.string(),
          window: z.object({ from: z.string(), to: z.string(), days: z.number() }),
          tier,
          insufficientData: z.boolean(),
          deployments: z.number(),
          metrics: z.object({
            deploymentFrequency: metric,
            leadTimeForChanges: metric,
            changeFailureRate: metric,
            failedDeploymentRecoveryTime: metric,
            reworkRate: metric,
          }),
        });
      },
    },
    examples: [{ title: "Checkout's last 30 days", input: { entityRef: 'component:default/checkout', days: 30 } }],
    action: async ({ input, credentials }) => {
      const entityRef = await visibleEntityRef(ctx, input.entityRef, credentials);
      const nowMs = Date.now();
      const { timeZone } = ctx.pulseConfig.dora;
      const window = input.days ? { from: nowMs - input.days * DAY_MS, to: nowMs } : doraWindowOf({}, nowMs, timeZone);
      const card = await scorecards.entity(entityRef, window);
      const { metrics } = card;
      return {
        output: {
          entityRef: card.entityRef,
          window: card.window,
          tier: card.tier,
          insufficientData: card.insufficientData,
          deployments: card.deployments,
          metrics: {
            deploymentFrequency: metricOf(metrics.deploymentFrequency),
            leadTimeForChanges: metricOf(metrics.leadTimeForChanges),
            changeFailureRate: metricOf(metrics.changeFailureRate),
            failedDeploymentRecoveryTime: metricOf(metrics.failedDeploymentRecoveryTime),
            reworkRate: metricOf(metrics.reworkRate),
          },
        },
      };
    },
  });
}
