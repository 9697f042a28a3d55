export { DoraTeamsPage } from './DoraTeamsPage';
