/** Splits a comma-separated environment value into trimmed, non-empty entries ("a, b,,c" → ["a", "b", "c"]). */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
