import { ErrorBudgetPolicyState } from './policy';

/** What the owning group is told about, once per transition. */
export type PolicyTransitionNotice = 'freeze-entered' | 'page-alert-started';

/** The last observed policy state of an entity. */
export interface PolicyObservation {
  state: ErrorBudgetPolicyState;
  /** Whether any objective's page alert fires. */
  pageAlert: boolean;
}

/** A never-observed entity counts as normal without alerts, so a first observation in freeze is a transition. */
export const INITIAL_POLICY_OBSERVATION: PolicyObservation = { state: 'normal', pageAlert: false };

/** The notices a change from `previous` to `next` calls for: entering freeze, and a page alert starting. */
export function policyTransitionNotices(previous: PolicyObservation, next: PolicyObservation): PolicyTransitionNotice[] {
  const notices: PolicyTransitionNotice[] = [];
  if (next.state === 'freeze' && previous.state !== 'freeze') notices.push('freeze-entered');
  if (next.pageAlert && !previous.pageAlert) notices.push('page-alert-started');
  return notices;
}
