// The test hooks the fixture pages (test/e2e/fixtures/*.html) put on `window.page`.
export {};

declare global {
  interface Window {
    page: {
      /** Throws the rows away and builds them again from the page's data. */
      render(): void;
      setProcore(id: string, procore: string): void;
      add(claim: Record<string, string>): void;
      remove(id: string): void;
      /** Rewrites one cell's text in place, keeping the row element. */
      editCell(id: string, column: number, text: string): void;
      /** rapid.html: stops re-rendering, leaving R-3 matched or not. */
      stop(r3Matched: boolean): void;
      rowClicks: number;
      renders: number;
      errors: number;
    };
  }
}
