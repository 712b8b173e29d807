/** Two-sided 95% quantiles t(0.975, df) of Student's t distribution for df = 1..30. */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
  2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
  2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];
const Z975 = 1.959963985;

/**
 * t(0.975, df): exact to six decimals from the table up to 30 degrees of freedom, beyond that the
 * Cornish-Fisher expansion around the normal quantile (error below 1e-5 there).
 */
export function studentT975(degreesOfFreedom: number): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new RangeError(`degrees of freedom must be a whole number >= 1, got ${degreesOfFreedom}`);
  }
  if (degreesOfFreedom <= T975.length) return T975[degreesOfFreedom - 1];
  const z = Z975;
  const n = degreesOfFreedom;
  return (
    z +
    (z ** 3 + z) / (4 * n) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * n ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * n ** 3)
  );
}

/** Half-width of the 95% confidence interval of the mean of `values` (0 for fewer than two). */
export function ci95HalfWidth(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return (studentT975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
}
