import type { SovImport, YardiImport } from '@/lib/import';

/** What the workbench asks its import worker (our own code, in the extension's origin). */
export interface ImportRequest {
  kind: 'yardi' | 'sov';
  text: string;
  /** Columns the user chose for fields the header did not name (the column-mapping step). */
  columns: Record<string, number>;
}

export type ImportReply = { type: 'progress'; fraction: number } | { type: 'yardi'; result: YardiImport } | { type: 'sov'; result: SovImport };

/** Reads a file in the import worker; `onProgress` hears how far, from 0 to 1. */
export function readInWorker<K extends ImportRequest['kind']>(
  kind: K,
  text: string,
  columns: Record<string, number>,
  onProgress: (fraction: number) => void,
): Promise<K extends 'yardi' ? YardiImport : SovImport> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
      if (data.type === 'progress') return onProgress(data.fraction);
      worker.terminate();
      resolve(data.result as K extends 'yardi' ? YardiImport : SovImport);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The file could not be read.'));
    };
    worker.postMessage({ kind, text, columns } satisfies ImportRequest);
  });
}
