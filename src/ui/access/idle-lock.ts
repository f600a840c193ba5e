import { createStore } from 'zustand/vanilla';
import { accessStore, lockVault } from './lock-control';

/**
 * Auto-lock after idle time (Settings; 15 minutes unless changed). Only the number of minutes is
 * remembered (localStorage); activity is any key, click, touch or wheel in this page. The check
 * compares clock times rather than trusting one long timer, since a background tab's timers are
 * throttled: the first check after the page wakes locks it if the time is up.
 */

const STORAGE_KEY = 'certkeep.autoLockMinutes';
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
/** The choices Settings offers, in minutes. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240] as const;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

function storage(): Storage | undefined {
  return (globalThis as { localStorage?: Storage }).localStorage;
}

function rememberedMinutes(): number {
  try {
    const n = Number(storage()?.getItem(STORAGE_KEY));
    return (AUTO_LOCK_CHOICES as readonly number[]).includes(n) ? n : DEFAULT_AUTO_LOCK_MINUTES;
  } catch {
    return DEFAULT_AUTO_LOCK_MINUTES;
  }
}

export const autoLockStore = createStore<{ minutes: number }>(() => ({ minutes: rememberedMinutes() }));

export function setAutoLockMinutes(minutes: number): void {
  autoLockStore.setState({ minutes });
  try {
    storage()?.setItem(STORAGE_KEY, String(minutes));
  } catch {
    /* kept for this page only */
  }
}

/** Whether `idleMs` of inactivity reaches the auto-lock time. */
export function idleTimeUp(idleMs: number, minutes: number): boolean {
  return idleMs >= minutes * 60_000;
}

/** Starts watching for activity; returns the stop function. */
export function startIdleLock(): () => void {
  let lastActivity = Date.now();
  const touch = () => {
    lastActivity = Date.now();
  };
  for (const type of ACTIVITY_EVENTS) addEventListener(type, touch, { capture: true, passive: true });
  // An unlock counts as activity: the clock starts when the vault opens.
  const unsubscribe = accessStore.subscribe((s, before) => {
    if (s.state?.unlocked && !before.state?.unlocked) touch();
  });
  const timer = setInterval(() => {
    const state = accessStore.getState().state;
    if (!state?.protected || !state.unlocked) return;
    if (idleTimeUp(Date.now() - lastActivity, autoLockStore.getState().minutes)) void lockVault('idle');
  }, CHECK_EVERY_MS);
  return () => {
    clearInterval(timer);
    unsubscribe();
    for (const type of ACTIVITY_EVENTS) removeEventListener(type, touch, { capture: true });
  };
}
