import { createApiRef } from '@backstage/core-plugin-api';
import { PulseHttpClient } from './PulseHttpClient';

/** Reads and writes the dora part of the Pulse API. Components render only what this returns. */
export interface DoraApi {}

export const pulseDoraApiRef = createApiRef<DoraApi>({ id: 'plugin.pulse.dora' });

/** The HTTP client of {@link DoraApi}. */
export class DoraClient extends PulseHttpClient implements DoraApi {}
