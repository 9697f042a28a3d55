import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Divider } from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { GateDecisionLog } from '../EntityDecisions';
import { ExceptionForm } from './ExceptionForm';
import { OverrideForm } from './OverrideForm';
import { PolicyStateSummary } from './PolicyStateSummary';
import { ReleaseExceptionList } from './ReleaseExceptionList';

const TITLE = 'Error budget policy';

/**
 * The entity's error-budget state and why, its override and one-release exceptions, and the gate decision log. Who
 * may change them is the API's answer (`canEdit`): editors get the forms, everyone else the state only.
 */
export const EntityErrorBudgetPolicyCard = () => {
  const { entity } = useEntity();
  const api = useApi(pulseDecisionsApiRef);
  // Bumped after each write, so the card reads again what the API now says.
  const [version, setVersion] = useState(0);
  const { value, loading, error } = useAsync(async () => {
    const [policy, gate, exceptions] = await Promise.all([
      api.getPolicy(entity),
      api.getReleaseGate(entity),
      api.getReleaseExceptions(entity),
    ]);
    return { policy, gate, exceptions };
  }, [api, entity, version]);
  const reload = () => setVersion(v => v + 1);

  if (loading && !value) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return <ResponseErrorPanel title="Could not load the error budget policy" error={error ?? new Error('No answer')} />;
  }
  const { policy, gate, exceptions } = value;
  return (
    <InfoCard title={TITLE}>
      <Box data-testid="error-budget-policy-card">
        <PolicyStateSummary gate={gate} policy={policy} />
        <ReleaseExceptionList
          items={exceptions.items}
          onRevoke={policy.canEdit ? id => api.revokeReleaseException(entity, id).then(reload) : undefined}
        />
        {policy.canEdit && (
          <>
            <Divider style={{ margin: '16px 0' }} />
            <OverrideForm
              hasOverride={policy.override !== null}
              onSave={input => api.putPolicy(entity, input).then(reload)}
              onRemove={() => api.deletePolicy(entity).then(reload)}
            />
            <ExceptionForm onGrant={input => api.grantReleaseException(entity, input).then(reload)} />
          </>
        )}
        <Divider style={{ margin: '16px 0' }} />
        <GateDecisionLog entity={entity} limit={10} key={version} />
      </Box>
    </InfoCard>
  );
};
