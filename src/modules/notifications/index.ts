/**
 * Notifications, the module's front door: the person's inbox (`/me/notifications…`) and the
 * scheduled run's part (events to inbox entries, then e-mail). Modules emit events through the
 * platform outbox (platform/outbox.ts) in their own write batches (docs/notifications.md).
 */
export { deliveryRoutes } from './admin-routes';
export { processEvents } from './inbox';
export { sendDue } from './mail';
export { unsubscribeRoutes } from './public-routes';
export { ownNotificationRoutes } from './routes';
export { runNotifications } from './scheduled';
