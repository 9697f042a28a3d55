import { parseEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { DORA_OVERALL_TIER_RULE, DoraEntityRow } from '@pulse/plugin-pulse-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { useLocation, useParams } from 'react-router-dom';
import { pulseDoraApiRef } from '../../api/DoraApi';
import { DoraMetricList, DoraTierChip } from '../EntityDoraCard';
import { DoraCoverageNote } from '../EntityDoraCard/DoraCoverageNote';
import { CsvExportButton } from '../CsvExportButton';
import { teamPagePath } from '../TeamCards/teamLinks';
import { DORA_CSV_COLUMNS, doraCsvCells } from './doraCsv';
import { doraSummaryColumns } from './doraSummaryColumns';

/** material-table keys rows by `id`; without one React warns about keys. */
type Row = DoraEntityRow & { id: string };

const componentName = (row: DoraEntityRow) => row.title ?? parseEntityRef(row.entityRef).name;

const CSV_HEADER = ['component', 'entity_ref', ...DORA_CSV_COLUMNS] as const;

const entityColumns: TableColumn<Row>[] = [
  {
    title: 'Component',
    customSort: (a, b) => componentName(a).localeCompare(componentName(b)),
    render: row => {
      const { kind, namespace, name } = parseEntityRef(row.entityRef);
      return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{componentName(row)}</Link>;
    },
  },
  { title: 'Deployments', field: 'deployments' },
  ...doraSummaryColumns<Row>(),
];

/** One team: its pooled metrics (with child teams) and a row per component it owns. */
export const DoraTeamPage = (props: { days: number }) => {
  const { namespace = 'default', name = '' } = useParams();
  const doraApi = useApi(pulseDoraApiRef);
  const { value, loading, error } = useAsync(
    () => doraApi.getGroupScorecard({ namespace, name }, { days: props.days }),
    [doraApi, namespace, name, props.days],
  );

  const location = useLocation();
  // Back to the ranking with the same window: this page is <ranking>/groups/:namespace/:name.
  const ranking = location.pathname.replace(/\/groups\/[^/]+\/[^/]+\/?$/, '');
  const allTeams = <Link to={`${ranking}${location.search}`}>← All teams</Link>;
  const teamPage = <Link to={teamPagePath(`group:${namespace}/${name}`, props.days)}>Team page</Link>;

  if (loading) return <Progress />;
  // The client throws the server's ResponseError, which keeps the status: 404 is a team the catalog does not know.
  if ((error as { statusCode?: number } | undefined)?.statusCode === 404) {
    return (
      <EmptyState
        missing="info"
        title={`No team ${namespace}/${name} in the catalog`}
        description="The link may be old or the group was renamed. Pick a team from the list."
        action={allTeams}
      />
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.entities.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={`${value?.title ?? name} owns no components`}
        description="Set spec.owner of the team's components to this group to see their delivery here."
        action={allTeams}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" style={{ gap: 16 }}>
          {allTeams}
          {teamPage}
        </Box>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={`${value.title ?? name}: overall`} subheader={`${value.deployments} production deployments`}>
          <DoraTierChip tier={value.tier} explanation={DORA_OVERALL_TIER_RULE} />
          <DoraCoverageNote coverage={value.coverage} />
          <DoraMetricList metrics={value.metrics} weekly={value.weekly} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <CsvExportButton
            fileName={`pulse-dora-${name}-${props.days}d.csv`}
            header={CSV_HEADER}
            rows={() =>
              value.entities.map(row => ({ component: componentName(row), entity_ref: row.entityRef, ...doraCsvCells(row) }))
            }
            data-testid="pulse-dora-team-components-csv"
          />
        </Box>
        <Table<Row>
          title="Components"
          options={{ paging: false, search: false, sorting: true, draggable: false }}
          columns={entityColumns}
          data={value.entities.map(row => ({ ...row, id: row.entityRef }))}
        />
      </Grid>
    </Grid>
  );
};
