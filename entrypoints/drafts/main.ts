import { mount } from 'svelte';
import { backfillDatabase } from '@/lib/storage/database';
import { DraftStore } from '@/lib/storage/draft-store';
import '@/components/theme.css';
import DraftsPage from './DraftsPage.svelte';

mount(DraftsPage, { target: document.getElementById('app')!, props: { drafts: new DraftStore(backfillDatabase()) } });
