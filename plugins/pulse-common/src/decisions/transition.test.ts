import { INITIAL_POLICY_OBSERVATION, policyTransitionNotices } from './transition';

describe('policyTransitionNotices', () => {
  it('notifies on entering freeze, and not while staying frozen or leaving', () => {
    expect(policyTransitionNotices(INITIAL_POLICY_OBSERVATION, { state: 'freeze', pageAlert: false })).toEqual([
      'freeze-entered',
    ]);
    expect(policyTransitionNotices({ state: 'caution', pageAlert: false }, { state: 'freeze', pageAlert: false })).toEqual([
      'freeze-entered',
    ]);
    expect(policyTransitionNotices({ state: 'freeze', pageAlert: false }, { state: 'freeze', pageAlert: false })).toEqual([]);
    expect(policyTransitionNotices({ state: 'freeze', pageAlert: true }, { state: 'normal', pageAlert: false })).toEqual([]);
  });

  it('notifies when a page alert starts, with the freeze it brings', () => {
    expect(policyTransitionNotices({ state: 'normal', pageAlert: false }, { state: 'freeze', pageAlert: true })).toEqual([
      'freeze-entered',
      'page-alert-started',
    ]);
    expect(policyTransitionNotices({ state: 'freeze', pageAlert: false }, { state: 'freeze', pageAlert: true })).toEqual([
      'page-alert-started',
    ]);
    expect(policyTransitionNotices({ state: 'freeze', pageAlert: true }, { state: 'freeze', pageAlert: true })).toEqual([]);
  });
});
