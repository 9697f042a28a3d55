import {
  AuditorService,
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
import { PulseCatalog } from './catalog/PulseCatalog';
import { PulseConfig } from './config/readPulseConfig';

/** Everything the domain routers and jobs may use; plugin.ts builds it once from coreServices. */
export interface PulseContext {
  store: PulseStore;
  pulseAuth: PulseAuth;
  auth: AuthService;
  /** The raw root config, for the scheduler's per-job overrides; everything Pulse reads is in `pulseConfig`. */
  config: RootConfigService;
  /** The `pulse` section, validated once at start. */
  pulseConfig: PulseConfig;
  logger: LoggerService;
  /** The catalog with its short-lived read cache; reach it through `pulseCatalog` where you can. */
  catalog: CatalogService;
  /** The one catalog view: ownership, groups, owned components. */
  pulseCatalog: PulseCatalog;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  urlReader: UrlReaderService;
  userInfo: UserInfoService;
  /** Records every write: who, what, when, outcome. */
  auditor: AuditorService;
  /** Backstage notifications, for telling owning groups about error-budget freezes and page alerts. */
  notifications: NotificationService;
}
