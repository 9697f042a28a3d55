import { createBackend } from '@backstage/backend-defaults';
import { pulseRootHealthServiceFactory } from '@pulse/plugin-pulse-backend';
import { pulsePermissionPolicyModule } from './permissions/pulsePermissionPolicy';

const backend = createBackend();

// Readiness (/.backstage/health/v1/readiness) also waits for Pulse's store: docs/ecosystem.md.
backend.add(pulseRootHealthServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(pulsePermissionPolicyModule);

backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@pulse/plugin-pulse-backend'));
backend.add(import('@pulse/plugin-pulse-backend-module-prometheus'));
backend.add(import('@pulse/plugin-pulse-backend-module-github'));
backend.add(import('@pulse/plugin-pulse-backend-module-pagerduty'));

// Pulse facts in Tech Insights scorecards, and Pulse's actions for assistants over MCP: docs/ecosystem.md.
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(import('@pulse/plugin-pulse-backend-module-tech-insights'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
