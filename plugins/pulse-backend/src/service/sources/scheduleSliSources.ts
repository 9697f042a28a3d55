import { PulseSliSource } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../context';
import { scheduleGlobalTask } from '../scheduleGlobalJob';
import { fillFromSliSource } from './fillFromSliSource';

/** One scheduled task per installed SLI source, scope global so that several replicas never fetch twice. */
export async function scheduleSliSources(ctx: PulseContext, sources: Iterable<PulseSliSource>): Promise<void> {
  for (const source of sources) {
    const id = `pulse-sli-source-${source.type.toLocaleLowerCase('en-US')}`;
    await scheduleGlobalTask(ctx, id, source.schedule, async () => {
      const result = await fillFromSliSource(ctx.store, source, ctx.logger, Date.now());
      return `${result.samples} sample(s) for ${result.slos} SLO(s), ${result.failed} failed`;
    });
  }
}
