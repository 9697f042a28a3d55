export { EntityOncallHealthCard } from './OncallHealthCard';
export { OncallReadingCell } from './OncallReadingCell';
