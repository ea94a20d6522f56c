import { describe, expect, it } from 'vitest';
import { checkCanCall, checkStatusChange } from '../../server/domain/counter';
import { refusalOf } from './refusal';

describe('calling the next ticket at a counter', () => {
  it('is allowed at an open counter with no ticket, or whose ticket is finished', () => {
    expect(refusalOf(() => checkCanCall({ status: 'open' }, undefined))).toBeNull();
    expect(refusalOf(() => checkCanCall({ status: 'open' }, { status: 'done', number: 'A001' }))).toBeNull();
    expect(refusalOf(() => checkCanCall({ status: 'open' }, { status: 'no_show', number: 'A001' }))).toBeNull();
  });

  it('is refused at a paused or closed counter, before anything else', () => {
    expect(refusalOf(() => checkCanCall({ status: 'paused' }, { status: 'serving', number: 'A001' }))?.code).toBe('COUNTER_NOT_OPEN');
    expect(refusalOf(() => checkCanCall({ status: 'closed' }, undefined))?.code).toBe('COUNTER_NOT_OPEN');
  });

  it('is refused while the counter still has a called or served ticket, naming it', () => {
    expect(refusalOf(() => checkCanCall({ status: 'open' }, { status: 'called', number: 'B004' }))).toEqual({
      code: 'COUNTER_BUSY', params: { number: 'B004' }, fields: {},
    });
    expect(refusalOf(() => checkCanCall({ status: 'open' }, { status: 'serving', number: 'B004' }))?.code).toBe('COUNTER_BUSY');
  });
});

describe('changing a counter status', () => {
  it('refuses closing while a ticket is at the counter', () => {
    expect(refusalOf(() => checkStatusChange('closed', { status: 'serving', number: 'C002' }))).toMatchObject({ code: 'COUNTER_BUSY', params: { number: 'C002' } });
    expect(refusalOf(() => checkStatusChange('closed', { status: 'done', number: 'C002' }))).toBeNull();
  });

  it('always allows opening and pausing', () => {
    expect(refusalOf(() => checkStatusChange('paused', { status: 'serving', number: 'C002' }))).toBeNull();
    expect(refusalOf(() => checkStatusChange('open', { status: 'called', number: 'C002' }))).toBeNull();
  });
});
