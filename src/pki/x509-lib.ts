/**
 * The one door to @peculiar/x509: tsyringe (its DI container) needs a Reflect metadata
 * polyfill loaded before it, in the page, the service worker and Node alike. ESM evaluates
 * imports in order, so importing 'reflect-metadata' first here is enough.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export { x509 };
