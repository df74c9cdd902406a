import { mount } from 'svelte';
import { backfillDatabase } from '../panel/db';
import { DraftStore } from '../panel/draft-store';
import '../panel/panel.css';
import DraftsPage from './DraftsPage.svelte';

mount(DraftsPage, { target: document.getElementById('app')!, props: { drafts: new DraftStore(backfillDatabase()) } });
