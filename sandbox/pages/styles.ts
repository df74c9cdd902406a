/** The sandbox's look: a finance web app (top bar, page header, cards, dense numeric tables). */
export const CSS = `
:root { --ink: #1d2733; --muted: #5b6875; --line: #dde3e9; --bg: #f3f5f8; --brand: #0d2b45; --accent: #0b5cad;
  --ok: #1d7a46; --ok-bg: #e3f4ea; --warn: #9a5b00; --warn-bg: #fff3dc; --neg: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.topbar { display: flex; align-items: center; gap: 24px; padding: 0 24px; height: 52px; background: var(--brand); color: #fff; }
.brand { display: flex; align-items: center; gap: 8px; color: #fff; font-weight: 600; }
.brand:hover { text-decoration: none; }
.logo { display: grid; place-items: center; width: 28px; height: 28px; border-radius: 6px; background: #f47e20; font-size: 12px; }
.env { padding: 1px 6px; border-radius: 4px; background: rgba(255,255,255,.15); font-size: 11px; font-weight: 500; text-transform: uppercase; letter-spacing: .04em; }
.project { display: flex; flex-direction: column; line-height: 1.2; font-size: 13px; }
.project-label { color: #a9bccd; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.topnav { margin-left: auto; display: flex; gap: 4px; }
.topnav a { color: #d5e2ee; padding: 6px 10px; border-radius: 4px; }
.topnav a[aria-current="page"], .topnav a:hover { background: rgba(255,255,255,.12); color: #fff; text-decoration: none; }
.page { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
.crumbs { font-size: 13px; color: var(--muted); margin-bottom: 8px; }
.page-head { display: flex; align-items: flex-end; justify-content: space-between; gap: 16px; margin-bottom: 16px; }
.eyebrow { margin: 0; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .06em; }
h1 { margin: 2px 0 4px; font-size: 22px; }
h2 { margin: 0 0 12px; font-size: 16px; }
.sub { margin: 0; color: var(--muted); }
.switch { display: flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; background: #fff; }
.switch a { padding: 6px 12px; color: var(--ink); }
.switch a[aria-current="page"] { background: var(--accent); color: #fff; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 1px 2px rgba(16,24,40,.05); padding: 16px; margin-bottom: 16px; }
.toolbar { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; margin-bottom: 12px; }
.toolbar label { display: flex; align-items: center; gap: 6px; color: var(--muted); }
.toolbar select { font: inherit; padding: 5px 8px; border: 1px solid #c3cbd3; border-radius: 4px; background: #fff; color: var(--ink); min-width: 260px; }
.spacer { flex: 1; }
.count { color: var(--muted); font-size: 13px; }
.button { font: inherit; padding: 6px 14px; border: 1px solid #c3cbd3; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
.button:hover { background: #eef1f4; }
.problem { margin: 0 0 12px; padding: 8px 12px; border-radius: 4px; background: #fdecea; color: var(--neg); }
.empty { margin: 16px 0 4px; color: var(--muted); text-align: center; }
.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 16px; }
.stat { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.stat span { display: block; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.stat strong { font-size: 20px; font-variant-numeric: tabular-nums; }
.notice { margin: 0 0 12px; padding: 8px 12px; border-radius: 4px; background: var(--warn-bg); color: var(--warn); }
table.data { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 8px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
table.data thead th { position: sticky; top: 0; background: #f8fafb; color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
table.data tbody tr:hover { background: #f6f9fc; }
table.data tfoot th, table.data tfoot td { font-weight: 600; border-top: 2px solid var(--line); border-bottom: 0; }
.num { text-align: right !important; white-space: nowrap; }
.neg { color: var(--neg); }
.open { font-weight: 600; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; white-space: nowrap; }
.badge-synced { background: var(--ok-bg); color: var(--ok); }
.badge-unlinked { background: var(--warn-bg); color: var(--warn); }
.grid { font-variant-numeric: tabular-nums; }
.grid-row { display: grid; grid-template-columns: 1.1fr 1fr 1.1fr 1.1fr 2fr 1.1fr 1fr 1.6fr; border-bottom: 1px solid var(--line); }
.grid-row .cell { padding: 8px 10px; overflow-wrap: anywhere; }
.grid-head .cell { background: #f8fafb; color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; white-space: pre-wrap; }
.grid [data-rows] .grid-row:hover { background: #f6f9fc; }
progress { width: 60px; height: 8px; margin-right: 6px; vertical-align: middle; }
`;
