import { createPermission } from '@backstage/plugin-permission-common';

/** Creating and closing developer-survey rounds. */
export const pulseSurveyManagePermission = createPermission({
  name: 'pulse.survey.manage',
  attributes: { action: 'update' },
});

/** Changing any entity's error-budget policy; an entity's owners may always change their own. */
export const pulsePolicyManagePermission = createPermission({
  name: 'pulse.policy.manage',
  attributes: { action: 'update' },
});

export const pulsePermissions = [pulseSurveyManagePermission, pulsePolicyManagePermission];
