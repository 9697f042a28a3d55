export { EntityDoraCard } from './EntityDoraCard';
export { DoraMetricList } from './DoraMetricList';
export { DoraSparkline } from './DoraSparkline';
export { DoraTierChip } from './DoraTierChip';
export { DORA_WINDOW_DAYS, DoraWindowPicker } from './DoraWindowPicker';
export { formatDoraValue } from './formatDora';
