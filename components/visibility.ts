/**
 * Whether elements are really visible to the user: each wholly inside the viewport and not covered,
 * clipped, transformed or faded by anything, including the host page drawing over our iframe
 * (IntersectionObserver v2). A covered panel must not accept a submit click (clickjacking), and
 * neither must one whose confirm text or totals are hidden while its button shows.
 * Where the browser cannot tell, the elements count as visible rather than blocking every user.
 */
export function trackVisibility(elements: readonly Element[], onChange: (visible: boolean) => void): () => void {
  if (!('isVisible' in IntersectionObserverEntry.prototype)) {
    onChange(true);
    return () => {};
  }
  // Hidden until the browser has looked at each one.
  const seen = new Map<Element, boolean>(elements.map((element) => [element, false]));
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries as (IntersectionObserverEntry & { isVisible?: boolean })[]) {
        seen.set(entry.target, entry.isIntersecting && entry.intersectionRatio >= 1 && entry.isVisible !== false);
      }
      onChange([...seen.values()].every(Boolean));
    },
    // trackVisibility and delay are IntersectionObserver v2 options, not yet in the DOM typings.
    { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  for (const element of elements) observer.observe(element);
  return () => observer.disconnect();
}
