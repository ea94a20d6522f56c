/**
 * The change bus: commands publish what they committed, the live layer listens. In one process it
 * is a plain in-memory fan-out; several processes carry the same `Change`s over Redis pub/sub
 * behind this same interface (events/redisBus.ts).
 */
import type { Change } from './change';

export type ChangeListener = (change: Change) => void;

export type ChangeBus = {
  publish(change: Change): void;
  subscribe(listener: ChangeListener): () => void;
  /** A bus across processes calls `listener` when changes may have been missed (its connection was lost). */
  onGap?(listener: () => void): void;
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
