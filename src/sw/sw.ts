/// <reference lib="webworker" />
/**
 * The service worker entry: listeners only (DESIGN §7 "thin SW"); logic lives in modules
 * beside this file, each with tests.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope;

// Every build asset, so the app starts and works with the network cut after the first visit.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
