import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { Button } from '@material-ui/core';
import { IncidentReviewResponse } from '@pulse/plugin-pulse-common';
import { StatusChip } from '../StatusChip';
import { percentText } from '../EntityDecisions';
import { LearningsText } from '../PostmortemDialog';

/** An incident of the review, with whether the caller may edit its follow-up. */
export type ReviewRow = IncidentReviewResponse['incidents'][number];

const entityLink = (entityRef: string) => {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{name}</Link>;
};

const columnsOf = (onEdit: (incident: ReviewRow) => void): TableColumn<ReviewRow>[] => [
  { title: 'Incident', render: row => `${row.id}${row.description ? `: ${row.description}` : ''}` },
  { title: 'Service', render: row => entityLink(row.entityRef) },
  { title: 'Started', render: row => new Date(row.createdAt).toLocaleString() },
  { title: 'Duration', render: row => `${row.durationMinutes} min${row.resolvedAt ? '' : ' (open)'}` },
  {
    title: 'Budget spent',
    render: row =>
      row.budgetSpent.length === 0
        ? 'no SLO data'
        : row.budgetSpent.map(s => `${s.slo} / ${s.objective}: ${percentText(s.share)}`).join('; '),
  },
  {
    title: 'Caused by',
    render: row =>
      row.deployment ? `${row.deployment.id}${row.deployment.linked === 'attributed' ? ' (by time)' : ''}` : '–',
  },
  {
    title: 'Postmortem',
    render: row => {
      if (row.postmortemUrl) return <Link to={row.postmortemUrl}>done</Link>;
      return row.postmortemStatus === 'outstanding' ? (
        <StatusChip tone="bad" label="outstanding" />
      ) : (
        'not required'
      );
    },
  },
  { title: 'Learnings', render: row => <LearningsText learnings={row.learnings} /> },
  {
    title: 'Follow-up',
    render: row =>
      row.canEdit ? (
        <Button size="small" variant="outlined" onClick={() => onEdit(row)}>
          Edit
        </Button>
      ) : null,
  },
];

/** The month's incidents, oldest first; "Edit" (for those the caller may edit) opens the postmortem dialog. */
export const IncidentReviewTable = ({ incidents, onEdit }: { incidents: ReviewRow[]; onEdit: (incident: ReviewRow) => void }) => (
  <Table<ReviewRow>
    title="Incidents"
    options={{ paging: false, search: false, sorting: false }}
    columns={columnsOf(onEdit)}
    data={incidents}
  />
);
