import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import { ConfigReader } from '@backstage/config';
import {
  pulseDeliveriesReadPermission,
  pulseDeliveriesRetryPermission,
  pulsePolicyManagePermission,
  pulseSurveyManagePermission,
} from '@pulse/plugin-pulse-common';
import { PulsePermissionPolicy } from './pulsePermissionPolicy';

/** A policy whose user-info lookup answers the given ownership refs. */
const policyFor = (ownershipEntityRefs: string[]) =>
  new PulsePermissionPolicy(
    {
      [pulseSurveyManagePermission.name]: ['group:default/platform'],
      [pulsePolicyManagePermission.name]: ['group:default/sre'],
    },
    {
      getUserInfo: async () => ({ userEntityRef: 'user:default/x', ownershipEntityRefs }),
    },
  );

const user = { credentials: mockCredentials.user('user:default/x'), info: {} as any };

describe('PulsePermissionPolicy', () => {
  it('lets members of a manager group manage survey rounds', async () => {
    const policy = policyFor(['user:default/ada', 'group:default/Platform']);
    const decision = await policy.handle({ permission: pulseSurveyManagePermission }, user);
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('refuses survey management to everyone else, and to calls without a user', async () => {
    const policy = policyFor(['user:default/hana', 'group:default/payments']);
    expect((await policy.handle({ permission: pulseSurveyManagePermission }, user)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle({ permission: pulseSurveyManagePermission })).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('gives each management permission to its own groups', async () => {
    const sre = policyFor(['user:default/x', 'group:default/sre']);
    expect((await sre.handle({ permission: pulsePolicyManagePermission }, user)).result).toBe(AuthorizeResult.ALLOW);
    expect((await sre.handle({ permission: pulseSurveyManagePermission }, user)).result).toBe(AuthorizeResult.DENY);
  });

  it('gives the deliveries page and its redeliver button to the platform team by default, else to pulse.deliveries.readers', async () => {
    const userInfo = (ownershipEntityRefs: string[]) => ({
      getUserInfo: async () => ({ userEntityRef: 'user:default/x', ownershipEntityRefs }),
    });
    const decide = async (config: object, groups: string[]) => {
      const policy = PulsePermissionPolicy.fromConfig(new ConfigReader(config), userInfo(['user:default/x', ...groups]) as any);
      return Promise.all(
        [pulseDeliveriesReadPermission, pulseDeliveriesRetryPermission].map(async permission =>
          (await policy.handle({ permission }, user)).result,
        ),
      );
    };
    const { ALLOW, DENY } = AuthorizeResult;
    expect(await decide({}, ['group:default/platform'])).toEqual([ALLOW, ALLOW]);
    expect(await decide({}, ['group:default/payments'])).toEqual([DENY, DENY]);
    const integrators = { pulse: { deliveries: { readers: ['group:default/integrations'] } } };
    expect(await decide(integrators, ['group:default/integrations'])).toEqual([ALLOW, ALLOW]);
    expect(await decide(integrators, ['group:default/platform'])).toEqual([DENY, DENY]);
  });

  it('allows every other permission', async () => {
    const other = createPermission({ name: 'catalog.entity.read', attributes: { action: 'read' } });
    expect((await policyFor([]).handle({ permission: other })).result).toBe(AuthorizeResult.ALLOW);
  });
});
