import { createRouteRef } from '@backstage/core-plugin-api';

/** The Pulse team and org pages. */
export const rootRouteRef = createRouteRef({ id: 'pulse' });
