/**
 * The 64-bit FNV-1a hash of a text's UTF-16 code units, as 16 hex digits: a short, stable name for
 * content (not a secret, not collision-proof against someone trying).
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
