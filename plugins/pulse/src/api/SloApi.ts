import { createApiRef } from '@backstage/core-plugin-api';
import { PulseHttpClient } from './PulseHttpClient';

/** Reads and writes the slo part of the Pulse API. Components render only what this returns. */
export interface SloApi {}

export const pulseSloApiRef = createApiRef<SloApi>({ id: 'plugin.pulse.slo' });

/** The HTTP client of {@link SloApi}. */
export class SloClient extends PulseHttpClient implements SloApi {}
