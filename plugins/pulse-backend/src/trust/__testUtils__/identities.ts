import { BackstageCredentials, coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * Who belongs where, as the identity resolver would say it: bob is in payments (which owns checkout), ada in search
 * (a stranger to checkout), pia in platform (which holds the management permissions).
 */
export const OWNERSHIP: Record<string, string[]> = {
  'user:default/bob': ['user:default/bob', 'group:default/payments'],
  'user:default/ada': ['user:default/ada', 'group:default/search'],
  'user:default/pia': ['user:default/pia', 'group:default/platform'],
};

/** The identity resolver answering from {@link OWNERSHIP}. */
export const ownershipUserInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    getUserInfo: async (credentials: BackstageCredentials) => {
      const userEntityRef = (credentials.principal as { userEntityRef: string }).userEntityRef;
      return { userEntityRef, ownershipEntityRefs: OWNERSHIP[userEntityRef] ?? [userEntityRef] };
    },
  }),
});

/**
 * The portal's rules as a permission service: every management permission for pia (platform) alone, and services
 * allowed everything, as Backstage's permission client does. (The real policy is packages/backend's
 * PulsePermissionPolicy; here the rule is spelled out so that the tests can fail on their own.)
 */
export const platformOnlyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const decide = (credentials: BackstageCredentials) => {
      if ((credentials.principal as { type?: string } | undefined)?.type === 'service') return AuthorizeResult.ALLOW;
      const user = (credentials.principal as { userEntityRef?: string }).userEntityRef;
      return user === 'user:default/pia' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
    };
    const answer = async (requests: unknown[], { credentials }: { credentials: BackstageCredentials }) =>
      requests.map(() => ({ result: decide(credentials) }));
    return { authorize: answer, authorizeConditional: answer } as any;
  },
});
