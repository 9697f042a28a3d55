import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useApiHolder } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { DoraTeamRow, OutcomeSummary } from '@pulse/plugin-pulse-common';
import useAsync from 'react-use/esm/useAsync';
import { pulseOutcomesApiRef } from '../../api/OutcomesApi';
import { CsvExportButton } from '../CsvExportButton';
import { DoraSparkline } from '../EntityDoraCard';
import { OncallReadingCell } from '../OncallHealthCard';
import { teamPagePath } from '../TeamCards/teamLinks';
import { DORA_CSV_COLUMNS, doraCsvCells } from './doraCsv';
import { doraSummaryColumns } from './doraSummaryColumns';
import { OutcomesCell } from './OutcomesCell';

/** material-table keys rows by `id`; without one React warns about keys. */
type Row = DoraTeamRow & { id: string };

const teamName = (row: DoraTeamRow) => row.title ?? parseEntityRef(row.groupRef).name;

/** Share of a team's outcomes on track, for sorting; teams without outcomes last. */
const onTrackShare = (summary?: OutcomeSummary) => (summary && summary.total > 0 ? summary.onTrack / summary.total : -1);

const columnsOf = (days: number, outcomes: Map<string, OutcomeSummary>): TableColumn<Row>[] => [
  {
    title: 'Team',
    customSort: (a, b) => teamName(a).localeCompare(teamName(b)),
    // Every team link in Pulse leads to the team's Group page (its Pulse cards), carrying the window.
    render: row => <Link to={teamPagePath(row.groupRef, days)}>{teamName(row)}</Link>,
  },
  { title: 'Components', field: 'entityCount' },
  ...doraSummaryColumns<Row>(),
  {
    title: 'Deployments per week',
    sorting: false,
    render: row => <DoraSparkline weekly={row.weekly} field="deployments" label="Deployments" />,
  },
  { title: 'On-call (28 days)', sorting: false, render: row => <OncallReadingCell entityRef={row.groupRef} /> },
  {
    title: 'Outcomes',
    customSort: (a, b) => onTrackShare(outcomes.get(a.groupRef)) - onTrackShare(outcomes.get(b.groupRef)),
    render: row => <OutcomesCell summary={outcomes.get(row.groupRef)} />,
  },
];

/**
 * Each team's outcome summary from one request; an app without the outcomes API (or a failed request) leaves the
 * column empty rather than failing the table.
 */
function useOutcomeSummaries(): Map<string, OutcomeSummary> {
  const outcomesApi = useApiHolder().get(pulseOutcomesApiRef);
  const { value } = useAsync(async () => {
    if (!outcomesApi) return new Map<string, OutcomeSummary>();
    const { teams } = await outcomesApi.getTeamSummaries().catch(() => ({ teams: [] }));
    return new Map(teams.map(({ groupRef, ...summary }) => [groupRef, summary]));
  }, [outcomesApi]);
  return value ?? new Map();
}

const CSV_HEADER = ['team', 'group_ref', 'components', ...DORA_CSV_COLUMNS] as const;

/** The teams in the order the API ranks them (best tier first); every column but the charts sorts; CSV export. */
export const DoraTeamTable = (props: { teams: DoraTeamRow[]; title: string; days: number }) => {
  const outcomes = useOutcomeSummaries();
  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <CsvExportButton
          fileName={`pulse-dora-teams-${props.days}d.csv`}
          header={CSV_HEADER}
          rows={() =>
            props.teams.map(team => ({
              team: teamName(team),
              group_ref: team.groupRef,
              components: team.entityCount,
              ...doraCsvCells(team),
            }))
          }
          data-testid="pulse-dora-teams-csv"
        />
      </Box>
      <Table<Row>
        title={props.title}
        options={{ paging: false, search: false, sorting: true, draggable: false }}
        columns={columnsOf(props.days, outcomes)}
        data={props.teams.map(team => ({ ...team, id: team.groupRef }))}
      />
    </>
  );
};
