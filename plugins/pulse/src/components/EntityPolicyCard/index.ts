export { EntityErrorBudgetPolicyCard } from './EntityErrorBudgetPolicyCard';
