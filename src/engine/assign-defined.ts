/**
 * Copies the defined values of `optional` onto `base`. Absent facts stay absent instead of becoming
 * explicit `undefined` keys, so records compare, serialise and store cleanly.
 */
export function assignDefined<T extends object>(base: T, optional: Partial<T>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(base, { [key]: value });
  }
  return base;
}
