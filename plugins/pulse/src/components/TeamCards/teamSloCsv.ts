import { TeamSloService } from '@pulse/plugin-pulse-common';

export const TEAM_SLO_CSV_COLUMNS = ['service', 'entity_ref', 'worst_status', 'budget_remaining_percent', 'gate_decision', 'objectives'] as const;

/** One service of the team's SLO table as CSV cells: budget in percent, as the table shows it. */
export function teamSloCsvRow(row: TeamSloService) {
  return {
    service: row.title ?? row.entityRef.split('/').pop() ?? row.entityRef,
    entity_ref: row.entityRef,
    worst_status: row.worstStatus ?? 'no SLO',
    budget_remaining_percent: row.budgetRemaining === null ? null : row.budgetRemaining * 100,
    gate_decision: row.decision,
    objectives: row.objectives,
  };
}
