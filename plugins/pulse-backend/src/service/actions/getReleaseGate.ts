import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PulseContext } from '../context';
import { PulseServices } from '../services';
import { ENTITY_REF_DESCRIPTION, visibleEntityRef } from './visibleEntity';

/**
 * `pulse:get-release-gate`: may this entity release now? A PREVIEW, like `GET .../release-gate`: nothing is recorded
 * and no one-release exception is used up (a CI check, which records, stays `POST .../release-gate` / `pulse gate`).
 */
export function registerGetReleaseGate(registry: ActionsRegistryService, ctx: PulseContext, { gate }: Pick<PulseServices, 'gate'>) {
  registry.register({
    name: 'get-release-gate',
    title: 'Preview the Pulse release gate',
    description:
      'Whether an entity may release now under its error-budget policy: allow, warn or block, the policy state ' +
      '(normal, caution, freeze) and the reasons. A preview: nothing is recorded and no exception is used up.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
          reason: z
            .string()
            .max(200)
            .optional()
            .describe('An exception reason the release would claim, e.g. incident-fix; checked against the policy'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          evaluatedAt: z.string(),
          decision: z.enum(['allow', 'warn', 'block']),
          state: z.enum(['normal', 'caution', 'freeze']),
          reasons: z.array(z.string()),
          releaseException: z
            .object({ grantedBy: z.string(), reason: z.string(), expiresAt: z.string() })
            .nullable()
            .describe('The one-release exception a recorded check would use up now; null when none applies'),
        }),
    },
    examples: [{ title: 'May checkout release now?', input: { entityRef: 'component:default/checkout' } }],
    action: async ({ input, credentials }) => {
      const entityRef = await visibleEntityRef(ctx, input.entityRef, credentials);
      const answer = await gate.evaluate(entityRef, { reason: input.reason, nowMs: Date.now() });
      const { releaseException } = answer;
      return {
        output: {
          entityRef: answer.entityRef,
          evaluatedAt: answer.evaluatedAt,
          decision: answer.decision,
          state: answer.state,
          reasons: answer.reasons,
          releaseException: releaseException && {
            grantedBy: releaseException.grantedBy,
            reason: releaseException.reason,
            expiresAt: releaseException.expiresAt,
          },
        },
      };
    },
  });
}
