import { parseEntityRef } from '@backstage/catalog-model';
import { EmptyState, Link, Progress, ResponseErrorPanel, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { SloStatus, TeamSloService } from '@pulse/plugin-pulse-common';
import useAsync from 'react-use/esm/useAsync';
import { pulseSloApiRef } from '../../api/SloApi';
import { CsvExportButton } from '../CsvExportButton';
import { GATE_DECISION_TONE, percentText } from '../EntityDecisions';
import { SLO_STATUS_TONE } from '../EntitySloCard/format';
import { StatusChip } from '../StatusChip';
import { isNotFound } from './teamLinks';
import { TEAM_SLO_CSV_COLUMNS, teamSloCsvRow } from './teamSloCsv';
import { useGroupEntity } from './useGroupEntity';

/** material-table keys rows by `id`; without one React warns about keys. */
type Row = TeamSloService & { id: string };

const STATUS_ORDER: Array<SloStatus | null> = ['BREACHED', 'WARNING', 'INSUFFICIENT_DATA', 'OK', null];
const DECISION_ORDER = ['block', 'warn', 'allow'];

const nameOf = (row: TeamSloService) => row.title ?? parseEntityRef(row.entityRef).name;

const columns: TableColumn<Row>[] = [
  {
    title: 'Service',
    customSort: (a, b) => nameOf(a).localeCompare(nameOf(b)),
    render: row => {
      const { kind, namespace, name } = parseEntityRef(row.entityRef);
      return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{nameOf(row)}</Link>;
    },
  },
  {
    title: 'Worst objective',
    customSort: (a, b) => STATUS_ORDER.indexOf(a.worstStatus) - STATUS_ORDER.indexOf(b.worstStatus),
    render: row =>
      row.worstStatus ? <StatusChip tone={SLO_STATUS_TONE[row.worstStatus]} label={row.worstStatus} /> : 'no SLO',
  },
  {
    title: 'Budget left',
    customSort: (a, b) => (a.budgetRemaining ?? Infinity) - (b.budgetRemaining ?? Infinity),
    render: row => percentText(row.budgetRemaining),
  },
  {
    title: 'Release gate',
    customSort: (a, b) => DECISION_ORDER.indexOf(a.decision) - DECISION_ORDER.indexOf(b.decision),
    render: row => <StatusChip tone={GATE_DECISION_TONE[row.decision]} label={row.decision} />,
  },
];

/** The SLO state of every service the team owns, from one request: worst objective, budget left and the gate. */
export const EntityTeamSloCard = () => {
  const group = useGroupEntity();
  const sloApi = useApi(pulseSloApiRef);
  const { value, loading, error } = useAsync(() => sloApi.getTeamSloStates(group), [sloApi, group.namespace, group.name]);

  const content = () => {
    if (loading) return <Progress />;
    if (isNotFound(error)) {
      return <EmptyState missing="info" title="Pulse does not know this team" description="The catalog has no such group, or you may not see it." />;
    }
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value || value.services.length === 0) {
      return (
        <EmptyState
          missing="data"
          title={`${group.title} owns no components`}
          description="Set spec.owner of the team's components to this group to see their SLOs here."
        />
      );
    }
    const services = value.services;
    return (
      <>
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <CsvExportButton
            fileName={`pulse-slos-${group.name}.csv`}
            header={TEAM_SLO_CSV_COLUMNS}
            rows={() => services.map(teamSloCsvRow)}
            data-testid="pulse-team-slo-csv"
          />
        </Box>
        <Table<Row>
          title="Service level objectives"
          options={{ paging: false, search: false, sorting: true, draggable: false }}
          columns={columns}
          data={services.map(row => ({ ...row, id: row.entityRef }))}
        />
      </>
    );
  };

  return <Box data-testid="pulse-team-slo-card">{content()}</Box>;
};
