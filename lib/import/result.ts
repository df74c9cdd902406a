import type { ImportProgress } from './csv-records';
import type { HeaderMatch } from './header';

/** A data row that was not imported, and why, in a sentence a person can act on. */
export interface ImportRefusal {
  /** 1-based line of the file where the row starts; the header is row 1. */
  row: number;
  reason: string;
}

/** A file that cannot be imported at all: its header row names too few of the needed columns. */
export interface ImportFailure<F extends string> {
  ok: false;
  error: string;
  header: HeaderMatch<F>;
}

/** How an import reads a file: who hears its progress, and columns the user chose for some fields. */
export interface ImportOptions<F extends string> {
  onProgress?: ImportProgress;
  /** The 0-based column of a field whose header name was not recognised (the column-mapping step). */
  columns?: Partial<Record<F, number>>;
}
