import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PulseContext } from '../context';
import { PulseServices } from '../services';
import { registerGetDoraScorecard } from './getDoraScorecard';
import { registerGetReleaseGate } from './getReleaseGate';
import { registerGetSloReport } from './getSloReport';
import { registerListOutstandingPostmortems } from './listOutstandingPostmortems';

/**
 * Pulse's read-only actions in the Backstage actions registry (`pulse:<name>`), which the MCP actions backend offers
 * to assistants. Each answers with the caller's credentials and writes nothing.
 */
export function registerPulseActions(registry: ActionsRegistryService, ctx: PulseContext, services: PulseServices): void {
  registerGetReleaseGate(registry, ctx, services);
  registerGetSloReport(registry, ctx, services);
  registerGetDoraScorecard(registry, ctx, services);
  registerListOutstandingPostmortems(registry, ctx, services);
}
