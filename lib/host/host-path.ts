/**
 * A path on the host built from fixed parts and ids that come from outside (a page's row, a host's
 * reply): each id becomes one percent-encoded segment. `.` and `..` are refused, since URL parsing
 * resolves them (also when written `%2e`): a row naming its claim `..` would otherwise send our
 * request to another address on the host. An empty id is refused too: it would name the collection;
 * and one with a lone surrogate, which has no encoding.
 */
export function hostPath(parts: TemplateStringsArray, ...ids: string[]): string {
  return parts.reduce((path, part, index) => {
    if (index === 0) return part;
    const id = ids[index - 1]!;
    if (id === '' || id === '.' || id === '..' || !id.isWellFormed()) throw new UnsafePathError(id);
    return path + encodeURIComponent(id) + part;
  }, '');
}

/** An id that cannot be put into a host address; nothing was sent. */
export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';

  constructor(readonly id: string) {
    super(`"${id}" cannot name a claim or contract on the host: it would point at another address. Nothing was sent.`);
  }
}
