import { importSovCsv, importYardiCsv } from '@/lib/import';
import type { ImportRequest, ImportReply } from './import-protocol';

/** Reads an imported file off the page's thread, telling the page how far it got. */
self.onmessage = ({ data }: MessageEvent<ImportRequest>) => {
  const progress = (fraction: number) => self.postMessage({ type: 'progress', fraction } satisfies ImportReply);
  const reply: ImportReply =
    data.kind === 'yardi' ? { type: 'yardi', result: importYardiCsv(data.text, progress) } : { type: 'sov', result: importSovCsv(data.text, progress) };
  self.postMessage(reply);
};
