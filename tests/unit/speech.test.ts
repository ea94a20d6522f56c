import { describe, expect, it } from 'vitest';
import { announcement, numberToWords, speakLabel } from '../../shared/speech';

describe('Indonesian number words', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [7, 'tujuh'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [1111, 'seribu seratus sebelas'],
    [2000, 'dua ribu'],
    [2026, 'dua ribu dua puluh enam'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [1_000_000_000, 'satu miliar'],
    [3_000_000_000_000, 'tiga triliun'],
    [-5, 'minus lima'],
  ])('%d is read "%s"', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('refuses what it cannot read', () => {
    expect(() => numberToWords(1.5)).toThrow(RangeError);
    expect(() => numberToWords(1e15)).toThrow(RangeError);
  });
});

describe('reading labels and announcing calls', () => {
  it('reads the number part of a ticket as a number and the letters as themselves', () => {
    expect(speakLabel('A007')).toBe('A tujuh');
    expect(speakLabel('B120')).toBe('B seratus dua puluh');
    expect(speakLabel('AB011')).toBe('A B sebelas');
    expect(speakLabel('C000')).toBe('C nol');
  });

  it('announces a call the way the lobby hears it', () => {
    expect(announcement('A007', '2')).toBe('Nomor antrian A tujuh, silakan menuju loket dua');
    expect(announcement('C100', '3')).toBe('Nomor antrian C seratus, silakan menuju loket tiga');
    expect(announcement('B011', '12')).toBe('Nomor antrian B sebelas, silakan menuju loket dua belas');
  });

  it('does not say "loket" twice and reads mixed counter names', () => {
    expect(announcement('A001', 'Loket 4')).toBe('Nomor antrian A satu, silakan menuju loket empat');
    expect(announcement('A001', '2B')).toBe('Nomor antrian A satu, silakan menuju loket dua B');
    expect(announcement('A001', 'Prioritas')).toBe('Nomor antrian A satu, silakan menuju loket Prioritas');
  });

  it('says so when a ticket is called again', () => {
    expect(announcement('A007', '2', { recall: true })).toBe('Panggilan ulang. Nomor antrian A tujuh, silakan menuju loket dua');
  });
});
