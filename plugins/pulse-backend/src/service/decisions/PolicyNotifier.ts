import { parseEntityRef } from '@backstage/catalog-model';
import { PolicyTransitionNotice } from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';

const TOPIC = 'pulse-error-budget';

/** Where the entity's page is in the catalog. */
function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind}/${name}`;
}

/** Tells an owning group, through Backstage notifications, that one of its entities froze or started paging. */
export class PolicyNotifier {
  constructor(private readonly ctx: Pick<PulseContext, 'notifications' | 'logger'>) {}

  async notify(options: {
    entityRef: string;
    ownerRef: string | undefined;
    notice: PolicyTransitionNotice;
    reasons: string[];
  }): Promise<void> {
    const { entityRef, ownerRef, notice, reasons } = options;
    if (!ownerRef) {
      this.ctx.logger.warn(`Pulse: ${entityRef} ${notice}, but it has no owning group to notify`);
      return;
    }
    const { name } = parseEntityRef(entityRef);
    const freeze = notice === 'freeze-entered';
    try {
      await this.ctx.notifications.send({
        recipients: { type: 'entity', entityRef: ownerRef },
        payload: {
          title: freeze ? `${name} entered an error-budget freeze` : `${name}: page-level burn alert started`,
          description: reasons.slice(0, 5).join('\n'),
          link: entityLink(entityRef),
          severity: freeze ? 'high' : 'critical',
          topic: TOPIC,
          scope: `pulse:${notice}:${entityRef}`,
        },
      });
    } catch (error) {
      // The transition is recorded either way; a lost notice must not fail a gate check.
      this.ctx.logger.error(`Pulse: could not notify ${ownerRef} that ${entityRef} ${notice}: ${error}`);
    }
  }
}
