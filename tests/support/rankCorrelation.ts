/** Spearman's rank correlation of two rankings of 1…n without ties (the waiting room's draw tests). */
export const spearman = (a: number[], b: number[]): number => {
  const n = a.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (a[i]! - b[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
};
