export { IncidentReviewPage, IncidentReview } from './IncidentReviewPage';
