import { Box, Typography } from '@material-ui/core';
import { EntityPolicyResponse, PolicyReleaseGateResponse } from '@pulse/plugin-pulse-common';
import { StatusChip } from '../StatusChip';
import { localTime } from './format';

const STATE_TONE = { normal: 'good', caution: 'warning', freeze: 'bad' } as const;

/** The entity's state with the gate's reasons, and its override: who set it, why, until when. */
export const PolicyStateSummary = ({ gate, policy }: { gate: PolicyReleaseGateResponse; policy: EntityPolicyResponse }) => {
  const override = policy.override;
  return (
    <Box marginBottom={2}>
      <Typography variant="body1" component="div">
        State:{' '}
        <StatusChip data-testid="policy-state" tone={STATE_TONE[gate.state]} label={gate.state} /> · release
        gate: {gate.decision}
      </Typography>
      <Box component="ul" marginY={1} paddingLeft={3}>
        {gate.reasons.slice(0, 4).map(reason => (
          <Typography component="li" variant="body2" key={reason}>
            {reason}
          </Typography>
        ))}
      </Box>
      {override && (
        <Typography variant="body2" data-testid="policy-override">
          Override{override.state ? ` (${override.state})` : ' (thresholds)'} set by {override.updatedBy}
          {override.expiresAt ? ` until ${localTime(override.expiresAt)}` : ''}
          {override.reason ? `: ${override.reason}` : ''}
          {override.active ? '' : ' (expired, no longer applied)'}
        </Typography>
      )}
    </Box>
  );
};
