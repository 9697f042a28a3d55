import { BackstageCredentials, BackstagePrincipalTypes } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import {
  pulsePolicyManagePermission,
  pulseSloManagePermission,
  pulseSurveyManagePermission,
} from '@pulse/plugin-pulse-common';
import { Request } from 'express';
import { PulseContext } from '../context';
import { isListedWriter } from '../config/writers';

type Caller = BackstageCredentials<BackstagePrincipalTypes['user' | 'service']>;

/**
 * Who may change what, per action and per owner. Writes that loosen a release gate or rewrite history belong to the
 * entity's owners (see PulseCatalog for the ownership rule) or to holders of a management permission; a service
 * principal passes only when its subject is listed for that kind of write in config, never by being a service.
 */
export class WriteAccess {
  constructor(private readonly ctx: Pick<PulseContext, 'pulseAuth' | 'auth' | 'permissions' | 'userInfo' | 'pulseCatalog' | 'pulseConfig'>) {}

  /** Define, change or delete an entity's SLO: owners, `pulse.slo.manage`, or `pulse.slo.writers`. */
  async sloWriter(req: Request, entityRef: string): Promise<Caller> {
    const credentials = await this.ctx.pulseAuth.reader(req);
    if (this.ctx.auth.isPrincipal(credentials, 'service')) {
      if (isListedWriter(this.ctx.pulseConfig.writers.slo, credentials.principal.subject)) return credentials;
      throw new NotAllowedError(
        `The service '${credentials.principal.subject}' is not listed under pulse.slo.writers and may not change the SLOs of ${entityRef}`,
      );
    }
    await this.assertOwnerOrHolder(credentials as BackstageCredentials<BackstagePrincipalTypes['user']>, entityRef, pulseSloManagePermission, 'change the SLOs of');
    return credentials;
  }

  /**
   * Define, change or delete an outcome of an entity or a team: the SLO writer rule (owners, `pulse.slo.manage`,
   * services under `pulse.slo.writers`). A team's outcomes belong to its members (its ref is among their ownership refs).
   */
  async outcomeWriter(req: Request, ownerRef: string): Promise<Caller> {
    if (!ownerRef.startsWith('group:')) return this.sloWriter(req, ownerRef);
    const credentials = await this.ctx.pulseAuth.reader(req);
    if (this.ctx.auth.isPrincipal(credentials, 'service')) {
      if (isListedWriter(this.ctx.pulseConfig.writers.slo, credentials.principal.subject)) return credentials;
      throw new NotAllowedError(
        `The service '${credentials.principal.subject}' is not listed under pulse.slo.writers and may not change the outcomes of ${ownerRef}`,
      );
    }
    const [decision] = await this.ctx.permissions.authorize([{ permission: pulseSloManagePermission }], { credentials });
    if (decision.result === AuthorizeResult.ALLOW) return credentials;
    const { ownershipEntityRefs } = await this.ctx.userInfo.getUserInfo(credentials);
    if (ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')).includes(ownerRef)) return credentials;
    throw new NotAllowedError(
      `Only members of ${ownerRef} or holders of ${pulseSloManagePermission.name} may change the outcomes of ${ownerRef}`,
    );
  }

  /**
   * Push outcome values: services listed under `pulse.slo.writers` only (the metrics they feed decide whether a team
   * reads as on track); users never, whoever they are.
   */
  async outcomeValueWriter(req: Request): Promise<Caller> {
    const credentials = await this.ctx.pulseAuth.ingester(req);
    if (isListedWriter(this.ctx.pulseConfig.writers.slo, credentials.principal.subject)) return credentials;
    throw new NotAllowedError(
      `The service '${credentials.principal.subject}' is not listed under pulse.slo.writers and may not push outcome values`,
    );
  }

  /** Change an entity's error-budget policy: signed-in owners or `pulse.policy.manage` holders. */
  async policyEditor(req: Request, entityRef: string): Promise<Caller> {
    const credentials = await this.ctx.pulseAuth.user(req);
    await this.assertOwnerOrHolder(credentials, entityRef, pulsePolicyManagePermission, 'change the error-budget policy of');
    return credentials;
  }

  /**
   * Whether the caller may change the entity's policy and grant its exceptions: the rule of {@link policyEditor}
   * without throwing, for the `canEdit` a read answers with (services never may).
   */
  async mayEditPolicy(credentials: BackstageCredentials, entityRef: string): Promise<boolean> {
    if (!this.ctx.auth.isPrincipal(credentials, 'user')) return false;
    return this.isOwnerOrHolder(credentials, entityRef, pulsePolicyManagePermission);
  }

  /**
   * Whether a gate check by this caller may use up one of the entity's one-release exceptions: a service (CI runs
   * `pulse gate` with a service token) or a user who may edit the policy, i.e. who could have granted one. Anyone
   * else's check is still recorded, without using a grant: a stranger must not spend the release the owners allowed.
   */
  async mayUseReleaseException(credentials: BackstageCredentials, entityRef: string): Promise<boolean> {
    if (this.ctx.auth.isPrincipal(credentials, 'service')) return true;
    return this.mayEditPolicy(credentials, entityRef);
  }

  /**
   * Link or unlink a postmortem of an incident of an entity, or write its learnings: signed-in owners or
   * `pulse.policy.manage` holders.
   */
  async postmortemLinker(req: Request, entityRef: string): Promise<Caller> {
    const credentials = await this.ctx.pulseAuth.user(req);
    await this.assertOwnerOrHolder(credentials, entityRef, pulsePolicyManagePermission, 'link postmortems or write learnings of');
    return credentials;
  }

  /**
   * Of these entities, those whose incidents the caller may follow up: the rule of {@link postmortemLinker} without
   * throwing, for the `canEdit` of a list. One permission check and one batched catalog read for the whole list, never
   * one per incident; services never may.
   */
  async postmortemEditableAmong(credentials: BackstageCredentials, entityRefs: string[]): Promise<Set<string>> {
    if (!this.ctx.auth.isPrincipal(credentials, 'user') || entityRefs.length === 0) return new Set();
    const [decision] = await this.ctx.permissions.authorize([{ permission: pulsePolicyManagePermission }], { credentials });
    if (decision.result === AuthorizeResult.ALLOW) return new Set(entityRefs);
    const { ownershipEntityRefs } = await this.ctx.userInfo.getUserInfo(credentials);
    return this.ctx.pulseCatalog.ownedAmong(entityRefs, ownershipEntityRefs);
  }

  /**
   * Manage survey templates and rounds: users holding `pulse.survey.manage`, or services listed under
   * `pulse.surveys.writers`. Every other service gets 403 (Backstage's permission client allows every service, so the
   * principal type is checked first).
   */
  async surveyManager(req: Request): Promise<Caller> {
    const credentials = await this.ctx.pulseAuth.reader(req);
    if (this.ctx.auth.isPrincipal(credentials, 'service')) {
      if (isListedWriter(this.ctx.pulseConfig.writers.surveys, credentials.principal.subject)) return credentials;
      throw new NotAllowedError(
        `The service '${credentials.principal.subject}' is not listed under pulse.surveys.writers and may not manage surveys`,
      );
    }
    const [decision] = await this.ctx.permissions.authorize([{ permission: pulseSurveyManagePermission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Managing surveys needs the ${pulseSurveyManagePermission.name} permission`);
    }
    return credentials;
  }

  /** The one ownership rule: the permission, else membership of a group that owns the entity. */
  private async isOwnerOrHolder(
    credentials: BackstageCredentials<BackstagePrincipalTypes['user']>,
    entityRef: string,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.ctx.permissions.authorize([{ permission }], { credentials });
    if (decision.result === AuthorizeResult.ALLOW) return true;
    const { ownershipEntityRefs } = await this.ctx.userInfo.getUserInfo(credentials);
    return this.ctx.pulseCatalog.isOwnedBy(entityRef, ownershipEntityRefs);
  }

  private async assertOwnerOrHolder(
    credentials: BackstageCredentials<BackstagePrincipalTypes['user']>,
    entityRef: string,
    permission: BasicPermission,
    action: string,
  ): Promise<void> {
    if (await this.isOwnerOrHolder(credentials, entityRef, permission)) return;
    // Named as the caller's catalog shows them: the owners of an entity hidden from the caller stay unnamed.
    const owners = await this.ctx.pulseCatalog.owningGroupsOf(entityRef, credentials);
    const who = owners.length > 0 ? `members of ${owners.join(', ')}` : `the owners of ${entityRef}`;
    throw new NotAllowedError(`Only ${who} or holders of ${permission.name} may ${action} ${entityRef}`);
  }
}
