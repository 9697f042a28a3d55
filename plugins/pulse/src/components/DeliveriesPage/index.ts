export { DeliveriesPage, Deliveries } from './DeliveriesPage';
