/** A service may stop while a reserve of blanko remains (issue 15, item 6): kept for first prints and PRR. */
import { describe, expect, it } from 'vitest';
import { blankoEmpty, completionUsesBlanko } from '../../server/domain/blanko';

describe('blanko reserve', () => {
  const renewal = { needsBlanko: true, blankoReserve: 20 };
  const firstPrint = { needsBlanko: true, blankoReserve: 0 };
  it('stops a service at its reserve while others still take people until the stock is gone', () => {
    expect(blankoEmpty({ blankoStock: 21 }, renewal)).toBe(false);
    expect(blankoEmpty({ blankoStock: 20 }, renewal)).toBe(true);
    expect(blankoEmpty({ blankoStock: 20 }, firstPrint)).toBe(false);
    expect(blankoEmpty({ blankoStock: 1 }, firstPrint)).toBe(false);
    expect(blankoEmpty({ blankoStock: 0 }, firstPrint)).toBe(true);
  });
  it('never stops a service that needs no blanko, and a missing reserve is none', () => {
    expect(blankoEmpty({ blankoStock: 0 }, { needsBlanko: false, blankoReserve: 5 })).toBe(false);
    expect(blankoEmpty({ blankoStock: 1 }, { needsBlanko: true })).toBe(false);
    expect(completionUsesBlanko(renewal)).toBe(true);
  });
});
