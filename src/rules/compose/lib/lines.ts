/** Test-case helper: YAML written as one argument per line (each line gets `\n`). */
export function yaml(...lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('')
}
