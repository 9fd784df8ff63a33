/**
 * Notifications, the module's front door: the person's inbox (`/me/notifications…`). Modules emit
 * events through the platform outbox (platform/outbox.ts) in their own write batches; this module
 * turns them into inbox entries (docs/notifications.md).
 */
export { processEvents } from './inbox';
export { ownNotificationRoutes } from './routes';
