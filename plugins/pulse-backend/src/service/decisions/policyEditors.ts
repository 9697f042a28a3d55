import { BackstageCredentials, BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { pulsePolicyManagePermission } from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';
import { EntityOwners } from './EntityOwners';

/**
 * Who may change an entity's error-budget policy: members of its owning group, and whoever holds
 * `pulse.policy.manage` (a platform team). Everyone else gets 403, since a looser policy unfreezes releases.
 */
export async function assertMayEditPolicy(
  ctx: Pick<PulseContext, 'permissions' | 'userInfo'>,
  owners: EntityOwners,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
  entityRef: string,
): Promise<void> {
  const [decision] = await ctx.permissions.authorize([{ permission: pulsePolicyManagePermission }], { credentials });
  if (decision.result === AuthorizeResult.ALLOW) {
    return;
  }
  const owner = await owners.ownerOf(entityRef);
  const { ownershipEntityRefs } = await ctx.userInfo.getUserInfo(credentials);
  if (owner && ownershipEntityRefs.some(ref => ref.toLocaleLowerCase('en-US') === owner)) {
    return;
  }
  throw new NotAllowedError(
    `Only members of ${owner ?? "the entity's owning group"} or holders of ${pulsePolicyManagePermission.name} may change the error-budget policy of ${entityRef}`,
  );
}
