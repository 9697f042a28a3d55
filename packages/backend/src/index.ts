import { createBackend } from '@backstage/backend-defaults';
import { pulsePermissionPolicyModule } from './permissions/pulsePermissionPolicy';

const backend = createBackend();

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

backend.start();
