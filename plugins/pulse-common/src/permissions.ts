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

/** Defining, changing and deleting any entity's SLOs; an entity's owners may always change their own. */
export const pulseSloManagePermission = createPermission({
  name: 'pulse.slo.manage',
  attributes: { action: 'update' },
});

/** Seeing what webhooks and CDEvents senders delivered, and what became of it (the deliveries page). */
export const pulseDeliveriesReadPermission = createPermission({
  name: 'pulse.deliveries.read',
  attributes: { action: 'read' },
});

/** Queuing a stored delivery again (the redeliver button): it replays what arrived, it adds nothing new. */
export const pulseDeliveriesRetryPermission = createPermission({
  name: 'pulse.deliveries.retry',
  attributes: { action: 'update' },
});

export const pulsePermissions = [
  pulseSurveyManagePermission,
  pulsePolicyManagePermission,
  pulseSloManagePermission,
  pulseDeliveriesReadPermission,
  pulseDeliveriesRetryPermission,
];
