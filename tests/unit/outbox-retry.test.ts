import { describe, expect, it } from 'vitest';
import { recipientErased, retryable } from '../../server/domain/outbox';
import { maskPhone } from '../../server/domain/phone';

describe('retrying failed notifications', () => {
  it('queues again every failed message whose number can still be reached', () => {
    const failed = [
      { id: 1, recipient: '+6281234567890' },
      { id: 2, recipient: maskPhone('+6281234567891') },
      { id: 3, recipient: '+6281234567892' },
    ];
    expect(retryable(failed).map((m) => m.id)).toEqual([1, 3]);
  });

  it('knows a number the retention job masked', () => {
    expect(recipientErased(maskPhone('+6281234567890'))).toBe(true);
    expect(recipientErased('+6281234567890')).toBe(false);
  });
});
