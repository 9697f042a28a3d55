export { EntityOncallHealthCard } from './OncallHealthCard';
