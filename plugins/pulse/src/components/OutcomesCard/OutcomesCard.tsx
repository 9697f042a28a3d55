import { EmptyState, InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { pulseOutcomesApiRef } from '../../api/OutcomesApi';
import { OutcomeChart } from './OutcomeChart';
import { OutcomeProgress } from './OutcomeProgress';

/**
 * "Outcomes" of an entity (on a Component's overview, only when it has outcomes) or a team (on a Group's page): each
 * outcome's progress from baseline to target, and its key result and customer signal per week over the deployments.
 */
export const EntityOutcomesCard = () => {
  const { entity } = useEntity();
  const outcomesApi = useApi(pulseOutcomesApiRef);
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const { value, loading, error } = useAsync(() => outcomesApi.getOutcomes(entity), [outcomesApi, entity]);

  if (!isGroup && value?.outcomes.length === 0) return null;

  const content = () => {
    if (loading) return <Progress />;
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value) return null;
    if (value.outcomes.length === 0) {
      return (
        <EmptyState
          missing="data"
          title="No outcomes defined"
          description="Keep an Outcome document beside the catalog file (pulse.dev/outcomes) or PUT it to /api/pulse/outcomes. See docs/outcomes.md."
        />
      );
    }
    return (
      <>
        <Typography variant="h6" component="p" data-testid="outcomes-summary">
          {value.summary.sentence}
        </Typography>
        {value.outcomes.map(outcome => (
          <Box key={`${outcome.ownerRef} ${outcome.id}`} mt={2}>
            <OutcomeProgress outcome={outcome} />
            <OutcomeChart outcome={outcome} weeks={value.weeks} />
          </Box>
        ))}
      </>
    );
  };

  return (
    <Box data-testid="outcomes-card" height="100%">
      <InfoCard title="Outcomes" subheader="Key results and what customers feel, beside the deployments of the same weeks">
        {content()}
      </InfoCard>
    </Box>
  );
};
