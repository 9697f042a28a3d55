import { createPermission } from '@backstage/plugin-permission-common';

/** Creating and closing developer-survey rounds. */
export const pulseSurveyManagePermission = createPermission({
  name: 'pulse.survey.manage',
  attributes: { action: 'update' },
});

export const pulsePermissions = [pulseSurveyManagePermission];
