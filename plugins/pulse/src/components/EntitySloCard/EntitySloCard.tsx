import {
  CodeSnippet,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Divider, Typography } from '@material-ui/core';
import { PULSE_OPENSLO_ANNOTATION, SloReport } from '@pulse/plugin-pulse-common';
import useAsync from 'react-use/esm/useAsync';
import { entityPath } from '../../api/PulseHttpClient';
import { pulseSloApiRef } from '../../api/SloApi';
import { GateDecisionLog, OutstandingPostmortems } from '../EntityDecisions';
import { ReleaseGateBanner } from './ReleaseGateBanner';
import { SloCompositeLine } from './SloCompositeLine';
import { SloObjectivePanel } from './SloObjectivePanel';

const TITLE = 'SLOs and error budget';

const annotationExample = `metadata:
  annotations:
    ${PULSE_OPENSLO_ANNOTATION}: ./slos/checkout.yaml`;

/** Tells owners the two ways to define an SLO. */
const NoSlos = ({ path }: { path: string }) => (
  <EmptyState
    missing="data"
    title="No SLOs defined yet"
    description={`Point the ${PULSE_OPENSLO_ANNOTATION} annotation at an OpenSLO v1 file (a URL, or a path relative to this entity's catalog file), or PUT an OpenSLO document to the Pulse API; then post SLI samples to /api/pulse/slo/samples.`}
    action={
      <Box maxWidth={640}>
        <CodeSnippet language="yaml" text={annotationExample} />
        <CodeSnippet
          language="bash"
          text={`curl -X PUT -H 'Content-Type: application/yaml' --data-binary @slo.yaml \\\n  "$BACKSTAGE/api/pulse/slo${path}/slos/<name>"`}
        />
      </Box>
    }
  />
);

/** How the window reads: "rolling 28d" or "calendar 1M (Europe/Berlin)", with what was counted. */
const windowText = (slo: SloReport) =>
  `${slo.window.isRolling ? 'rolling' : 'calendar'} ${slo.window.duration}${
    slo.window.isRolling ? '' : ` (${slo.window.timeZone})`
  }, ${slo.window.start.slice(0, 10)} to ${slo.window.end.slice(0, 10)} · ${slo.budgetingMethod}`;

/** Per SLO: objective, achieved SLI, budget remaining, burn rate, alerts, burndown, and the release gate. */
export const EntitySloCard = () => {
  const { entity } = useEntity();
  const api = useApi(pulseSloApiRef);
  const { value: report, loading, error } = useAsync(async () => api.getEntitySlos(entity), [api, entity]);

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !report) {
    return <ResponseErrorPanel title="Could not load SLOs" error={error ?? new Error('No answer from Pulse')} />;
  }

  return (
    <InfoCard title={TITLE} subheader={`Evaluated ${new Date(report.evaluatedAt).toLocaleString()}`}>
      {report.slos.length === 0 ? (
        <NoSlos path={entityPath(entity)} />
      ) : (
        <>
          <ReleaseGateBanner gate={report.releaseGate} />
          {report.slos.map((slo, i) => (
            <Box key={slo.name} data-testid={`slo-${slo.name}`}>
              {i > 0 && <Divider style={{ margin: '16px 0' }} />}
              <Typography variant="h6">{slo.displayName ?? slo.name}</Typography>
              {slo.description && (
                <Typography variant="body2">{slo.description}</Typography>
              )}
              <Typography variant="caption" color="textSecondary">
                {windowText(slo)}
              </Typography>
              {slo.composite && <SloCompositeLine composite={slo.composite} />}
              {slo.objectives.map(objective => (
                <SloObjectivePanel key={objective.displayName} objective={objective} />
              ))}
            </Box>
          ))}
          <Divider style={{ margin: '16px 0' }} />
          <OutstandingPostmortems entity={entity} />
          <Divider style={{ margin: '16px 0' }} />
          <GateDecisionLog entity={entity} />
        </>
      )}
    </InfoCard>
  );
};
