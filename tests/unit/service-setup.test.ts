import { describe, expect, it } from 'vitest';
import { checkCounterRemovable, counterServiceOrder } from '../../server/domain/counterSetup';
import { checkCodeFree, checkRetire, orderServices, retiredCode, serviceIdsOf, shownCode } from '../../server/domain/serviceSetup';
import { refusalOf } from './refusal';

const services = [
  { id: 1, code: 'A' },
  { id: 2, code: 'B' },
  { id: 3, code: 'C' },
];

describe('service letters', () => {
  it('are free unless an active service holds them: a retired service gives its letter up', () => {
    expect(refusalOf(() => checkCodeFree(undefined))).toBeNull();
    expect(refusalOf(() => checkCodeFree({ active: false }))).toBeNull();
    expect(refusalOf(() => checkCodeFree({ active: true }))?.fields).toEqual({ code: { key: 'taken' } });
  });

  it('of a retired service that gave its letter up read "?" in reports', () => {
    expect(retiredCode(7)).toBe('~7');
    expect(shownCode(retiredCode(7))).toBe('?');
    expect(shownCode('B')).toBe('B');
  });
});

describe('ordering services', () => {
  it('puts the named services first, in that order, and keeps the others after them', () => {
    expect(orderServices(services, ['C', 'A']).map((s) => s.code)).toEqual(['C', 'A', 'B']);
  });

  it('refuses an unknown code', () => {
    expect(refusalOf(() => orderServices(services, ['C', 'Q']))?.fields).toEqual({ codes: { key: 'unknown_service' } });
  });
});

describe('naming services by code', () => {
  it('gives their ids in the order named, and refuses an unknown code', () => {
    expect(serviceIdsOf(services, ['B', 'A'])).toEqual([2, 1]);
    expect(refusalOf(() => serviceIdsOf(services, ['A', 'Q']))?.fields).toEqual({ services: { key: 'unknown_service' } });
  });
});

describe('retiring a service', () => {
  it('is refused while it has active bookings from today on, saying how many', () => {
    expect(refusalOf(() => checkRetire(0))).toBeNull();
    expect(refusalOf(() => checkRetire(4))?.fields).toEqual({ code: { key: 'has_future_bookings', params: { count: 4 } } });
  });
});

describe('counters', () => {
  it('serve each service once, in the order first given', () => {
    expect(counterServiceOrder([3, 1, 3, 2])).toEqual([
      { serviceId: 3, position: 0 },
      { serviceId: 1, position: 1 },
      { serviceId: 2, position: 2 },
    ]);
  });

  it('cannot be removed while their ticket is called or being served', () => {
    expect(refusalOf(() => checkCounterRemovable({ status: 'called' }))?.fields).toEqual({ counter: { key: 'counter_has_ticket' } });
    expect(refusalOf(() => checkCounterRemovable({ status: 'serving' }))?.fields).toEqual({ counter: { key: 'counter_has_ticket' } });
    expect(refusalOf(() => checkCounterRemovable({ status: 'done' }))).toBeNull();
    expect(refusalOf(() => checkCounterRemovable(undefined))).toBeNull();
  });
});
