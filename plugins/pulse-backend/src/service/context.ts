import {
  AuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { PulseAuth } from './auth';

/** Everything the domain routers and jobs may use; plugin.ts builds it once from coreServices. */
export interface PulseContext {
  store: PulseStore;
  pulseAuth: PulseAuth;
  auth: AuthService;
  config: RootConfigService;
  logger: LoggerService;
  catalog: CatalogService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  urlReader: UrlReaderService;
  userInfo: UserInfoService;
  /** Backstage notifications, for telling owning groups about error-budget freezes and page alerts. */
  notifications: NotificationService;
}
