// Node has no IndexedDB: fake-indexeddb provides it, as a page or service worker would.
import 'fake-indexeddb/auto';
import 'reflect-metadata';
