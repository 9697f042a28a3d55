export { EntityOutcomesCard } from './OutcomesCard';
