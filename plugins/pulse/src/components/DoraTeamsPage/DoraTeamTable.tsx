import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { DoraTeamRow } from '@pulse/plugin-pulse-common';
import { CsvExportButton } from '../CsvExportButton';
import { DoraSparkline } from '../EntityDoraCard';
import { OncallReadingCell } from '../OncallHealthCard';
import { teamPagePath } from '../TeamCards/teamLinks';
import { DORA_CSV_COLUMNS, doraCsvCells } from './doraCsv';
import { doraSummaryColumns } from './doraSummaryColumns';

/** material-table keys rows by `id`; without one React warns about keys. */
type Row = DoraTeamRow & { id: string };

const teamName = (row: DoraTeamRow) => row.title ?? parseEntityRef(row.groupRef).name;

const columnsOf = (days: number): TableColumn<Row>[] => [
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
];

const CSV_HEADER = ['team', 'group_ref', 'components', ...DORA_CSV_COLUMNS] as const;

/** The teams in the order the API ranks them (best tier first); every column but the charts sorts; CSV export. */
export const DoraTeamTable = (props: { teams: DoraTeamRow[]; title: string; days: number }) => (
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
      columns={columnsOf(props.days)}
      data={props.teams.map(team => ({ ...team, id: team.groupRef }))}
    />
  </>
);
