import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import { GateDecisionRecord } from '@pulse/plugin-pulse-common';
import useAsync from 'react-use/esm/useAsync';
import { DecisionsEntity, pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { StatusChip } from '../StatusChip';
import { GATE_DECISION_TONE } from './format';

const exceptionText = (decision: GateDecisionRecord) => {
  const requested = decision.exception
    ? ` · exception '${decision.exception.requested}' ${decision.exception.used ? 'used' : 'not used'}`
    : '';
  const granted = decision.releaseException
    ? ` · one-release exception granted by ${decision.releaseException.grantedBy} used: ${decision.releaseException.reason}`
    : '';
  return requested + granted;
};

/** The entity's latest release-gate checks: when, what was decided and why, and who asked. */
export const GateDecisionLog = ({ entity, limit = 5 }: { entity: DecisionsEntity; limit?: number }) => {
  const api = useApi(pulseDecisionsApiRef);
  const { value, loading, error } = useAsync(() => api.getGateDecisions(entity, { limit }), [api, entity, limit]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel title="Could not load gate decisions" error={error} />;
  return (
    <Box data-testid="gate-decision-log">
      <Typography variant="subtitle1">Recent gate decisions</Typography>
      {!value || value.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No release has asked the gate yet. Run `pulse gate {'<entity-ref>'}` in CI (or POST to the release-gate
          endpoint) and each decision appears here with who asked.
        </Typography>
      ) : (
        value.items.map(decision => (
          <Box key={decision.id} marginY={1}>
            {/* A div, not a p: the chip renders a div, which may not sit inside a paragraph. */}
            <Typography variant="body2" component="div">
              <StatusChip tone={GATE_DECISION_TONE[decision.decision]} label={decision.decision} /> {new Date(decision.decidedAt).toLocaleString()} ·{' '}
              {decision.state} · {decision.caller}
              {exceptionText(decision)}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {decision.reasons[0]}
            </Typography>
          </Box>
        ))
      )}
    </Box>
  );
};
