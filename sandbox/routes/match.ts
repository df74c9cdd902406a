/**
 * Matches path segments against a pattern such as `['claims', ':id', 'backfill']`: the `:` segments
 * are captured in order, the others must be equal. Null when the path does not match.
 */
export function matchPath(pattern: readonly string[], segments: readonly string[]): string[] | null {
  if (pattern.length !== segments.length) return null;
  const params: string[] = [];
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    if (part.startsWith(':')) params.push(segment);
    else if (part !== segment) return null;
  }
  return params;
}
