import { mount } from 'svelte';
import { backfillDatabase } from '@/lib/storage/database';
import { DraftStore } from '@/lib/storage/draft-store';
import { LocalSource } from '@/lib/storage/local-source';
import { SeenRows } from '@/lib/storage/seen-rows';
import { BackfillHistory } from '@/lib/storage/backfill-history';
import { BackupStore } from '@/lib/storage/backup-store';
import { Quarantine } from '@/lib/storage/quarantine';
import '@/components/theme.css';
import './workbench.css';
import WorkbenchPage from './WorkbenchPage.svelte';

const db = backfillDatabase();
mount(WorkbenchPage, {
  target: document.getElementById('app')!,
  props: {
    db,
    drafts: new DraftStore(db),
    source: new LocalSource(db),
    seenRows: new SeenRows(db),
    backfillHistory: new BackfillHistory(db),
    backups: new BackupStore(db, new Quarantine(db)),
  },
});
