import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './pwa/register-sw';
import { requestPersistence } from './pwa/storage-persistence';
import { startRouter } from './state/router';
import { startInstallPrompt } from './pwa/install-prompt';
import { startLaunchQueue } from './pwa/launch-queue';
import { startNetworkStatus } from './pwa/network-status';
import { startLockControl } from './access/lock-control';
import { startIdleLock } from './access/idle-lock';
import './styles.css';

startRouter();
startNetworkStatus();
startLockControl();
startIdleLock();
// Before the first render: Chromium may fire beforeinstallprompt / launch files early.
startInstallPrompt();
startLaunchQueue();
const root = document.getElementById('app');
if (root) render(<App />, root);
void registerServiceWorker();
void requestPersistence();
void import('./notifications/lifetime-client').then((m) => m.startLifetimeNotifications());
