import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './pwa/register-sw';
import { requestPersistence } from './pwa/storage-persistence';
import { startRouter } from './state/router';
import './styles.css';

startRouter();
render(<App />, document.getElementById('app')!);
void registerServiceWorker();
void requestPersistence();
void import('./notifications/lifetime-client').then((m) => m.startLifetimeNotifications());
