/// <reference lib="webworker" />
/**
 * The service worker entry: listeners only (ARCHITECTURE §7 "thin SW"); logic lives in modules
 * beside this file, each with tests.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { isRunLifetimeActionsMessage, isSkipWaitingMessage, LIFETIME_SYNC_TAG } from '../shared/lifetime-messages';
import type { PeriodicSyncEvent } from './periodic-sync-event';
import {
  answerLifetimeRequest,
  onLifetimeNotificationClick,
  runLifetimeActionsInWorker,
  type WorkerScope,
} from './worker-lifetime';

declare const self: ServiceWorkerGlobalScope;

// Every build asset, so the app starts and works with the network cut after the first visit.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const scope: WorkerScope = { registration: self.registration, clients: self.clients, origin: self.location.origin };

self.addEventListener('message', (event) => {
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting();
  else if (isRunLifetimeActionsMessage(event.data)) {
    // The answer goes back on the port the page sent (MessageChannel), so callers can await it.
    event.waitUntil(answerLifetimeRequest(scope, event.ports[0]));
  }
});

// Chromium fires this about once a day (minInterval) for an installed app with engagement.
self.addEventListener('periodicsync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as unknown as PeriodicSyncEvent;
  if (sync.tag === LIFETIME_SYNC_TAG) sync.waitUntil(runLifetimeActionsInWorker(scope));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(onLifetimeNotificationClick(scope, event.action, event.notification.data));
});
