import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  pulseDeliveriesReadPermission,
  pulseDeliveriesRetryPermission,
  pulsePolicyManagePermission,
  pulseSloManagePermission,
  pulseSurveyManagePermission,
} from '@pulse/plugin-pulse-common';

const DEFAULT_MANAGERS = ['group:default/platform'];
const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The portal's permission policy: everything is allowed except Pulse's management permissions, each reserved for
 * members of the groups configured for it: `pulse.survey.manage` for `pulse.surveys.managers`, `pulse.policy.manage`
 * for `pulse.policy.managers`, `pulse.slo.manage` for `pulse.slo.managers`, `pulse.deliveries.read` and
 * `pulse.deliveries.retry` for `pulse.deliveries.readers` (all default to the platform team).
 */
export class PulsePermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config, userInfo: UserInfoService): PulsePermissionPolicy {
    const managersAt = (key: string) =>
      (config.getOptionalStringArray(key) ?? DEFAULT_MANAGERS).map(lower);
    return new PulsePermissionPolicy(
      {
        [pulseSurveyManagePermission.name]: managersAt('pulse.surveys.managers'),
        [pulsePolicyManagePermission.name]: managersAt('pulse.policy.managers'),
        [pulseSloManagePermission.name]: managersAt('pulse.slo.managers'),
        [pulseDeliveriesReadPermission.name]: managersAt('pulse.deliveries.readers'),
        [pulseDeliveriesRetryPermission.name]: managersAt('pulse.deliveries.readers'),
      },
      userInfo,
    );
  }

  constructor(
    /** Permission name -> the lower-cased group refs whose members hold it. */
    private readonly managerGroups: Record<string, string[]>,
    private readonly userInfo: Pick<UserInfoService, 'getUserInfo'>,
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const managers = this.managerGroups[request.permission.name];
    if (!managers) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(user.credentials);
    return {
      result: ownershipEntityRefs.some(ref => managers.includes(lower(ref)))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
}

/** Installs {@link PulsePermissionPolicy} as the permission backend's policy. */
export const pulsePermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'pulse-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        policy.setPolicy(PulsePermissionPolicy.fromConfig(config, userInfo));
      },
    });
  },
});
