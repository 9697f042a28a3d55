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
import { pulseSurveyManagePermission } from '@pulse/plugin-pulse-common';

/**
 * The portal's permission policy: everything is allowed except managing survey rounds, which is reserved for members
 * of the groups listed in `pulse.surveys.managers` (default: the platform team).
 */
export class PulsePermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config, userInfo: UserInfoService): PulsePermissionPolicy {
    const managers = config.getOptionalStringArray('pulse.surveys.managers') ?? [
      'group:default/platform',
    ];
    return new PulsePermissionPolicy(
      managers.map(ref => ref.toLocaleLowerCase('en-US')),
      userInfo,
    );
  }

  constructor(
    private readonly managerGroups: string[],
    private readonly userInfo: Pick<UserInfoService, 'getUserInfo'>,
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (request.permission.name !== pulseSurveyManagePermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(user.credentials);
    const owned = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
    return {
      result: owned.some(ref => this.managerGroups.includes(ref))
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
