import { createApiRef } from '@backstage/core-plugin-api';
import { PulseHealth } from '@pulse/plugin-pulse-common';

/** Reads the Pulse backend. Components render only what this returns. */
export interface PulseApi {
  getHealth(): Promise<PulseHealth>;
}

export const pulseApiRef = createApiRef<PulseApi>({ id: 'plugin.pulse.api' });
