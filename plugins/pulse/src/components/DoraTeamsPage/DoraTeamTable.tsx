import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { DoraTeamRow } from '@pulse/plugin-pulse-common';
import { DoraSparkline } from '../EntityDoraCard';
import { OncallReadingCell } from '../OncallHealthCard';
import { doraSummaryColumns } from './doraSummaryColumns';

const columns: TableColumn<DoraTeamRow>[] = [
  {
    title: 'Team',
    field: 'groupRef',
    render: row => {
      const { namespace, name } = parseEntityRef(row.groupRef);
      return <Link to={`groups/${namespace}/${name}`}>{row.title ?? name}</Link>;
    },
  },
  { title: 'Components', field: 'entityCount' },
  ...doraSummaryColumns<DoraTeamRow>(),
  {
    title: 'Deployments per week',
    render: row => <DoraSparkline weekly={row.weekly} field="deployments" label="Deployments" />,
  },
  { title: 'On-call (28 days)', render: row => <OncallReadingCell entityRef={row.groupRef} /> },
];

/** The teams in the order the API ranks them (best tier first). */
export const DoraTeamTable = (props: { teams: DoraTeamRow[]; title: string }) => (
  <Table<DoraTeamRow>
    title={props.title}
    options={{ paging: false, search: false, sorting: false }}
    columns={columns}
    data={props.teams}
  />
);
