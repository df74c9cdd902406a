import { importSovCsv, importYardiCsv } from '@/lib/import';
import type { ImportRequest, ImportReply } from './import-protocol';

/** Reads an imported file off the page's thread, telling the page how far it got. */
self.onmessage = ({ data: { kind, text, columns } }: MessageEvent<ImportRequest>) => {
  const onProgress = (fraction: number) => self.postMessage({ type: 'progress', fraction } satisfies ImportReply);
  const reply: ImportReply = kind === 'yardi' ? { type: 'yardi', result: importYardiCsv(text, { onProgress, columns }) } : { type: 'sov', result: importSovCsv(text, { onProgress, columns }) };
  self.postMessage(reply);
};
