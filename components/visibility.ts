/**
 * Whether an element is really visible to the user: not covered, clipped, transformed or faded by
 * anything, including the host page drawing over our iframe (IntersectionObserver v2). A covered
 * panel must not accept a submit click (RELIABILITY S7, clickjacking). Where the browser cannot tell,
 * the element counts as visible rather than blocking every user.
 */
export function trackVisibility(element: Element, onChange: (visible: boolean) => void): () => void {
  if (!('isVisible' in IntersectionObserverEntry.prototype)) {
    onChange(true);
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      if (entry) onChange(entry.isVisible !== false);
    },
    // trackVisibility and delay are IntersectionObserver v2 options, not yet in the DOM typings.
    { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(element);
  return () => observer.disconnect();
}
