/**
 * Bundled into a page by `bench-grid-features.ts`: the panel's grid (`allocationGridOptions`) with
 * its features taken away one step at a time, each step timed from `createGrid` to the first rows
 * drawn (what `backfill:grid-render` times in the panel).
 */
import { AllCommunityModule, createGrid, themeQuartz, type ColDef, type GridApi, type GridOptions, type Module } from 'ag-grid-community';
import { ALLOCATION_GRID_MODULES, allocationGridOptions, type GridRow } from '../components/allocation-grid-setup';
import { AmountEditor } from '../components/amount-editor';

interface GridSetup {
  options: GridOptions<GridRow>;
  modules: Module[];
}

type Strip = (setup: GridSetup) => void;

const eachColumn = (change: (column: ColDef<GridRow>) => void): Strip => ({ options }) => (options.columnDefs as ColDef<GridRow>[]).forEach(change);

/** What each step takes away, on top of the steps before it: the last leaves a grid as bare as the bench's. */
const STEPS: [string, Strip][] = [
  ['tooltips', eachColumn((column) => {
    delete column.tooltip;
    delete column.tooltipValueGetter;
  })],
  ['cell renderers (description, this claim)', eachColumn((column) => delete column.cellRenderer)],
  ['value formatters and class rules', (setup) => {
    eachColumn((column) => {
      delete column.valueFormatter;
      delete column.cellClassRules;
    })(setup);
    delete setup.options.getRowClass;
  }],
  ['columns pinned right, totals row pinned below', (setup) => {
    eachColumn((column) => delete column.pinned)(setup);
    delete setup.options.pinnedBottomRowData;
  }],
  ['full-width code header rows', ({ options }) => {
    delete options.isFullWidthRow;
    delete options.fullWidthCellRenderer;
  }],
  ['our theme, DOM order, no column virtualisation', ({ options }) => {
    options.theme = themeQuartz;
    delete options.ensureDomOrder;
    delete options.suppressColumnVirtualisation;
  }],
  ['value getters (fields read as the bare grid does)', eachColumn((column) => {
    delete column.valueGetter;
    column.field = column.colId as ColDef<GridRow>['field'];
  })],
  ['the 300 code rows (lines only)', ({ options }) => {
    options.rowData = options.rowData!.filter((row) => row.kind === 'line');
  }],
  ['our module list (AllCommunityModule, as the bare grid)', (setup) => {
    setup.modules = [AllCommunityModule];
  }],
];

interface BenchInput {
  rows: GridRow[];
  totalRow: GridRow;
}

/** The grid after the first `steps` steps. */
function setupAfter({ rows, totalRow }: BenchInput, steps: number, onFirstRender: () => void): GridSetup {
  // The same row objects every time, as the bare grid's: a destroyed grid lets go of them.
  const options = allocationGridOptions({ rows, totalRow, dark: false, onLineFocused: () => {}, onFirstRender }, true);
  const setup = { options, modules: ALLOCATION_GRID_MODULES };
  STEPS.slice(0, steps).forEach(([, strip]) => strip(setup));
  return setup;
}

let input: BenchInput | undefined;

/**
 * One render with the first `steps` steps taken away, in ms, of the rows given to `load`. `atOnce`
 * draws every cell before returning (no animation frames): times then hold no waits for a frame, and
 * one step compares with the next to the millisecond.
 */
function render(steps: number, atOnce: boolean): Promise<number> {
  const container = document.getElementById('grid')!;
  return new Promise((done) => {
    let started = 0;
    const { options, modules } = setupAfter(input!, steps, () => {
      const took = performance.now() - started;
      // Torn down after the frame, as the panel's grid stays: the next render starts from an empty page.
      requestAnimationFrame(() => setTimeout(() => {
        api.destroy();
        done(took);
      }));
    });
    options.suppressAnimationFrame = atOnce;
    (window as unknown as { gc?: () => void }).gc?.();
    started = performance.now();
    const api = createGrid(container, options, { modules });
  });
}

let editing: { api: GridApi<GridRow>; editor: AmountEditor } | undefined;

/** Made as a typed amount leaves the panel's editor, where the panel's `backfill:edit` starts: the bench times the frame after it. */
const EDIT_MARK = 'grid-bench:edit';

export interface TypedEdit {
  /** The Enter that committed it scrolled the grid (the focus was on the last row in view). */
  scrolled: boolean;
}
const edits: TypedEdit[] = [];

/**
 * Shows the grid after the first `steps` steps, drawn as the panel draws it, for the bench to type
 * amounts into (it reads `edits`) with the panel's editor. Nothing is stored and the grid shows no
 * change, so this is the grid's own part of an edit, without the draft model's.
 */
function openForEdits(steps: number): Promise<void> {
  editing?.editor.destroy();
  editing?.api.destroy();
  edits.length = 0;
  return new Promise((done) => {
    const scroller = () => document.querySelector('.ag-grid-viewport')?.scrollTop ?? 0;
    const onCommit = () => {
      performance.mark(EDIT_MARK);
      const before = scroller(); // read before the Enter moves the focus on (nothing is dirty yet)
      requestAnimationFrame(() => setTimeout(() => edits.push({ scrolled: scroller() !== before })));
    };
    const { options, modules } = setupAfter(input!, steps, done);
    const container = document.getElementById('grid')!;
    const api = createGrid(container, options, { modules });
    editing = { api, editor: new AmountEditor(container, api, { onCommit }) };
  });
}

Object.assign(window, {
  gridBench: {
    steps: ['the panel’s grid', ...STEPS.map(([name]) => `less ${name}`)],
    load: (rows: BenchInput) => void (input = rows),
    render,
    openForEdits,
    edits,
    editMark: EDIT_MARK,
  },
});
