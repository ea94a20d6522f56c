/**
 * The change bus: commands publish what they committed, the live layer listens. In one process it
 * is a plain in-memory fan-out; several processes would carry the same `Change`s over Redis or
 * PostgreSQL NOTIFY behind this same interface.
 */
import type { Change } from './change';

export type ChangeListener = (change: Change) => void;

export type ChangeBus = {
  publish(change: Change): void;
  subscribe(listener: ChangeListener): () => void;
};

export const createLocalBus = (): ChangeBus => {
  const listeners = new Set<ChangeListener>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
