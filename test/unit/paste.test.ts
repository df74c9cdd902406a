import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, isMoney, parseMoney } from '../../lib/money';
import { headingRole, planPaste, type PastePlan, type PasteTarget } from '../../lib/paste';
import { parseTsv } from '../../lib/tsv';

type LineSpec = [id: string, lineNumber: number, categoryCode: string | null, description: string];

/** The grid's rows for these lines: each claim code's header and lines, then the read-only others. */
function targetsOf(claimCodes: string[], lines: LineSpec[]): PasteTarget[] {
  const target = ([id, lineNumber, categoryCode, description]: LineSpec, editable: boolean): PasteTarget => ({
    id,
    editable,
    line: { lineNumber, categoryCode, description },
  });
  const rows: PasteTarget[] = [];
  for (const code of claimCodes) {
    rows.push({ id: `code:${code}`, editable: false, line: null });
    for (const line of lines.filter(([, , lineCode]) => lineCode === code)) rows.push(target(line, true));
  }
  const others = lines.filter(([, , code]) => code === null || !claimCodes.includes(code));
  if (others.length > 0) rows.push({ id: 'other-lines', editable: false, line: null });
  for (const line of others) rows.push(target(line, false));
  return rows;
}

// Code 03-300 has three lines, 09-900 one, 26-000 two; lines 5 and 8 are on codes the claim did not
// pay (read-only). "Blocking and backing" is the description of lines 3 and 7.
const targets = targetsOf(
  ['03-300', '09-900', '26-000'],
  [
    ['L1', 1, '03-300', 'Footings'],
    ['L2', 2, '03-300', 'Slabs, level 1'],
    ['L3', 3, '03-300', 'Blocking and backing'],
    ['L4', 4, '09-900', 'Painting'],
    ['L5', 5, null, 'General conditions'],
    ['L6', 6, '26-000', 'Electrical rough-in'],
    ['L7', 7, '26-000', 'Blocking and backing'],
    ['L8', 8, '22-000', 'Plumbing'],
  ],
);
const at = (id: string) => targets.findIndex((target) => target.id === id);

function applied(plan: PastePlan) {
  if (!plan.ok) throw new Error(`Expected the paste to be applied: ${plan.summary}`);
  return plan;
}

function refused(plan: PastePlan) {
  if (plan.ok) throw new Error(`Expected the paste to be refused: ${plan.summary}`);
  return plan;
}

describe('planPaste: one column, down from the focused row', () => {
  it("fills a code's lines, then carries on past the next code header into its lines", () => {
    const plan = applied(planPaste(targets, [['$1,000.00'], ['(12.50)'], ['7'], ['8']], at('L2')));
    expect(plan.patch).toEqual({ L2: '1000.00', L3: '-12.50', L4: '7.00', L6: '8.00' });
    expect(plan.placement).toEqual({ by: 'position' });
    expect(plan.summary).toBe('4 amounts placed on lines 2–4, 6'); // line 5 is not on the claim's codes
  });

  it('says which lines it went down, as runs in grid order', () => {
    expect(applied(planPaste(targets, [['1'], ['2'], ['3']], at('L3'))).summary).toBe('3 amounts placed on lines 3–4, 6');
    const shuffled = targetsOf(['A'], [3, 9, 1, 7, 5].map((number): LineSpec => [`S${number}`, number, 'A', `Line ${number}`]));
    expect(applied(planPaste(shuffled, [['1'], ['2'], ['3'], ['4'], ['5']], 1)).summary).toBe('5 amounts placed on 5 lines from line 3 to line 5');
  });

  it('starting on a code header begins on its first line', () => {
    expect(applied(planPaste(targets, [['1']], at('code:09-900'))).patch).toEqual({ L4: '1.00' });
    expect(applied(planPaste(targets, [['1']], at('code:03-300'))).summary).toBe('1 amount placed on line 1');
  });

  it('clears lines for blank cells, and says so', () => {
    const plan = applied(planPaste(targets, [['5'], [''], ['7']], at('L1')));
    expect(plan.patch).toEqual({ L1: '5.00', L2: '', L3: '7.00' });
    expect(plan.summary).toBe('2 amounts placed and 1 line cleared on lines 1–3');
  });

  it.each(['This claim', 'Amount', 'Amount ($)', 'This period', 'Work completed this period', 'Current'])('skips a header row "%s" and says so', (heading) => {
    const plan = applied(planPaste(targets, [[heading], ['10'], ['20']], at('L1')));
    expect(plan.patch).toEqual({ L1: '10.00', L2: '20.00' });
    expect(plan.headerSkipped).toBe(true);
    expect(plan.summary).toBe('2 amounts placed on lines 1–2; header skipped');
  });

  it('does not take a first row that is not a heading for a header: it is a value that is not an amount', () => {
    const plan = refused(planPaste(targets, [['twelve'], ['10'], ['20']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'NOT_AN_AMOUNT', row: 1, text: 'twelve', error: 'INVALID', lineNumber: 1 }]);
  });

  it('refuses a single column whose heading names another figure', () => {
    const plan = refused(planPaste(targets, [['Scheduled value'], ['10'], ['20']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'NO_AMOUNT_COLUMN' }]);
  });
});

describe('planPaste: all or nothing', () => {
  it('refuses a block that runs past the last editable line, changing nothing, and says by how many rows', () => {
    const plan = refused(planPaste(targets, [['10'], ['20'], ['30']], at('L7')));
    expect(plan.reasons).toEqual([{ reason: 'RAN_PAST_END', rows: 2, lastLineNumber: 7 }]);
    expect(plan.summary).toBe("Nothing pasted: 2 rows ran past line 7, the claim's last line.");
    expect(plan).not.toHaveProperty('patch');
  });

  it('refuses a block started on a read-only line after the last editable one', () => {
    expect(refused(planPaste(targets, [['10']], at('L8'))).reasons).toEqual([{ reason: 'RAN_PAST_END', rows: 1, lastLineNumber: 7 }]);
  });

  it('ignores blank rows at the end of the selection when they have nowhere to go', () => {
    expect(applied(planPaste(targets, [['10'], [''], ['']], at('L7'))).patch).toEqual({ L7: '10.00' });
  });

  it('refuses the whole paste when any cell is not an amount, naming each with its row and line', () => {
    const plan = refused(planPaste(targets, [['10'], ['abc'], ['1.234'], ['4']], at('L1')));
    expect(plan.reasons).toEqual([
      { reason: 'NOT_AN_AMOUNT', row: 2, text: 'abc', error: 'INVALID', lineNumber: 2 },
      { reason: 'NOT_AN_AMOUNT', row: 3, text: '1.234', error: 'PRECISION', lineNumber: 3 },
    ]);
    expect(plan.summary).toBe(
      'Nothing pasted: "abc" (row 2, for line 2) is not an amount; "1.234" (row 3, for line 3) has more than two decimals, and amounts are never rounded for you.',
    );
  });

  it('lists a few refused cells and counts the rest', () => {
    const plan = refused(planPaste(targets, [['a'], ['b'], ['c'], ['d'], ['e']], at('L1')));
    expect(plan.summary).toMatch(/"c" \(row 3, for line 3\) is not an amount; and 2 more cells that are not amounts\.$/);
  });

  it('refuses an empty clipboard', () => {
    expect(refused(planPaste(targets, [], 1)).reasons).toEqual([{ reason: 'EMPTY' }]);
  });
});

describe('planPaste: several columns, placed by key', () => {
  it('places shuffled line numbers on their own lines, whatever the focused row', () => {
    const plan = applied(planPaste(targets, [['7', '5.00'], ['1', '1.00'], ['4', '$4.00']], at('L6')));
    expect(plan.patch).toEqual({ L7: '5.00', L1: '1.00', L4: '4.00' });
    expect(plan.placement).toEqual({ by: 'key', keys: ['lineNumber'] });
    expect(plan.summary).toBe('3 amounts placed by line number');
  });

  it('never stores line numbers as dollars: a line, description and amount block goes by line number', () => {
    const block = [
      ['2', 'Slabs, level 1', '1,200.00'],
      ['1', 'Footings', '300.00'],
      ['6', 'Electrical rough-in', '(50.00)'],
    ];
    expect(applied(planPaste(targets, block, at('L1'))).patch).toEqual({ L2: '1200.00', L1: '300.00', L6: '-50.00' });
  });

  it('skips the header of a keyed block and says so', () => {
    const block = [
      ['Line', 'Description', 'This claim'],
      ['3', 'Blocking and backing', '10'],
      ['1', 'Footings', '20'],
    ];
    const plan = applied(planPaste(targets, block, at('L1')));
    expect(plan.patch).toEqual({ L3: '10.00', L1: '20.00' });
    expect(plan.summary).toBe('2 amounts placed by line number; header skipped');
  });

  it('places by description when no column holds line numbers', () => {
    const plan = applied(planPaste(targets, [['painting', '50'], ['  Footings ', '10']], at('L1')));
    expect(plan.patch).toEqual({ L4: '50.00', L1: '10.00' });
    expect(plan.summary).toBe('2 amounts placed by description');
  });

  it('matches a description or code whatever its case, spacing and character width, as exports write them', () => {
    const byDescription = applied(planPaste(targets, [['FOOTINGS', '10'], ['slabs,\t level   1', '20'], ['\uff30\uff41\uff49\uff4e\uff54\uff49\uff4e\uff47', '30']], at('L1')));
    expect(byDescription.patch).toEqual({ L1: '10.00', L2: '20.00', L4: '30.00' });
    const byCodeAndDescription = applied(planPaste(targets, [[' 26-000 ', 'BLOCKING  AND BACKING', '40']], at('L1')));
    expect(byCodeAndDescription.patch).toEqual({ L7: '40.00' });
  });

  it('refuses a description shared by two lines, naming them', () => {
    const plan = refused(planPaste(targets, [['Blocking and backing', '5'], ['Footings', '1']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'AMBIGUOUS_KEY', row: 1, key: 'Blocking and backing', lineNumbers: [3, 7] }]);
    expect(plan.summary).toBe('Nothing pasted: "Blocking and backing" (row 1) matches lines 3 and 7: paste with line numbers to tell them apart.');
  });

  it('tells a shared description apart by its category code when the block has both', () => {
    const block = [
      ['26-000', 'Blocking and backing', '6'],
      ['03-300', 'Blocking and backing', '5'],
    ];
    const plan = applied(planPaste(targets, block, at('L1')));
    expect(plan.patch).toEqual({ L7: '6.00', L3: '5.00' });
    expect(plan.summary).toBe('2 amounts placed by category code and description');
  });

  it('places by category code when the code has one line, and refuses a code with several', () => {
    expect(applied(planPaste(targets, [['09-900', '50.00'], ['Cost code only', '']], at('L1'))).patch).toEqual({ L4: '50.00' });
    const plan = refused(planPaste(targets, [['Cost code', 'This claim'], ['09-900', '50.00'], ['03-300', '20.00']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'AMBIGUOUS_KEY', row: 3, key: '03-300', lineNumbers: [1, 2, 3] }]);
  });

  it('lists the keys that match no line and places nothing', () => {
    const plan = refused(planPaste(targets, [['1', '10.00'], ['41', '5.00'], ['42', '6.00']], at('L1')));
    expect(plan.reasons).toEqual([
      { reason: 'UNKNOWN_KEY', row: 2, key: '41' },
      { reason: 'UNKNOWN_KEY', row: 3, key: '42' },
    ]);
    expect(plan.summary).toBe('Nothing pasted: 2 rows match no SOV line: "41" (row 2); "42" (row 3).');
  });

  it('quotes a hostile key so it cannot reorder or hide the message around it', () => {
    const plan = refused(planPaste(targets, [['Footings', '10.00'], ['Foot\u202eings\u200b', '5.00']], at('L1')));
    expect(plan.summary).toBe('Nothing pasted: 1 row matches no SOV line: "Foot\ufffdings\ufffd" (row 2).');
  });

  it('skips rows that name no line and have no amount (section headings of a G703)', () => {
    const plan = applied(planPaste(targets, [['Division 3 – Concrete', ''], ['Footings', '10'], ['Painting', '']], at('L1')));
    expect(plan.patch).toEqual({ L1: '10.00', L4: '' });
    expect(plan.summary).toBe("1 amount placed and 1 line cleared by description; 1 row with no amount for the claim's lines skipped");
  });

  it('refuses an amount for a line on a code the claim did not pay; a blank or zero one is skipped', () => {
    const plan = refused(planPaste(targets, [['5', '10.00'], ['1', '1.00']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'NOT_ON_CLAIM', row: 1, lineNumber: 5, amount: '10.00' }]);
    expect(plan.summary).toBe('Nothing pasted: line 5 (row 1) cannot take $10.00: only lines on the codes this claim paid take amounts.');
    expect(applied(planPaste(targets, [['5', '0.00'], ['8', ''], ['1', '1.00']], at('L1'))).patch).toEqual({ L1: '1.00' });
  });

  it('refuses two rows for one line, and an amount on a row that names no line', () => {
    expect(refused(planPaste(targets, [['1', '1.00'], ['2', '2.00'], ['1', '3.00']], at('L1'))).reasons).toEqual([{ reason: 'SAME_LINE', rows: [1, 3], lineNumber: 1 }]);
    expect(refused(planPaste(targets, [['1', '1.00'], ['', '2.00']], at('L1'))).reasons).toEqual([{ reason: 'NO_KEY', row: 2, text: '2.00' }]);
  });

  it('refuses cells of the amount column that are not amounts, with the line they were for', () => {
    const plan = refused(planPaste(targets, [['1', '1.00'], ['2', 'n/a'], ['3', '3.00']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'NOT_AN_AMOUNT', row: 2, text: 'n/a', error: 'INVALID', lineNumber: 2 }]);
  });

  it('ignores columns blank in every row', () => {
    expect(applied(planPaste(targets, [['1', '', '10.00'], ['2', '', '20.00']], at('L1'))).patch).toEqual({ L1: '10.00', L2: '20.00' });
  });
});

describe('planPaste: which column holds the amounts', () => {
  it('refuses two columns that could both be the amounts, naming them', () => {
    const plan = refused(planPaste(targets, [['100.00', '200.00'], ['300.00', '400.00']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'AMOUNT_COLUMNS', columns: [{ number: 1, heading: null }, { number: 2, heading: null }] }]);
    expect(plan.summary).toBe('Nothing pasted: columns 1 and 2 could each be the amounts: copy only one amount column (with its line numbers if you like).');
  });

  it('refuses two columns of whole numbers that could each be line numbers or amounts', () => {
    const plan = refused(planPaste(targets, [['1', '2'], ['2', '3']], at('L1')));
    expect(plan.reasons).toEqual([{ reason: 'KEY_COLUMNS', key: 'lineNumber', columns: [{ number: 1, heading: null }, { number: 2, heading: null }] }]);
  });

  it('lets headings say which whole-number column is the line and which the amount', () => {
    const plan = applied(planPaste(targets, [['Line', 'This claim'], ['1', '2'], ['2', '3']], at('L1')));
    expect(plan.patch).toEqual({ L1: '2.00', L2: '3.00' });
  });

  it('takes whole-dollar amounts beside line numbers when most of them are no line number', () => {
    expect(applied(planPaste(targets, [['1', '1200'], ['2', '35'], ['3', '7']], at('L1'))).patch).toEqual({ L1: '1200.00', L2: '35.00', L3: '7.00' });
  });

  it('picks the "this period" column of a G703 block by its heading, never scheduled value or balance', () => {
    const block = [
      ['Item No.', 'Description of Work', 'Scheduled Value', 'Work Completed: This Period', '% (G ÷ C)', 'Balance to Finish (C - G)'],
      ['4', 'Painting', '$600.00', '$150.00', '25.0%', '$450.00'],
      ['1', 'Footings', '$2,000.00', '$100.00', '30.0%', '$1,400.00'],
    ];
    const plan = applied(planPaste(targets, block, at('L1')));
    expect(plan.patch).toEqual({ L4: '150.00', L1: '100.00' });
    expect(plan.summary).toBe('2 amounts placed by line number; header skipped');
  });

  it('refuses two columns headed as the amounts', () => {
    const plan = refused(planPaste(targets, [['Line', 'Amount', 'This claim'], ['1', '1.00', '2.00']], at('L1')));
    expect(plan.reasons).toEqual([
      {
        reason: 'AMOUNT_COLUMNS',
        columns: [
          { number: 2, heading: 'Amount' },
          { number: 3, heading: 'This claim' },
        ],
      },
    ]);
    expect(plan.summary).toContain('columns 2 ("Amount") and 3 ("This claim") could each be the amounts');
  });
});

describe('planPaste from Excel TSV', () => {
  it('reads CRLF rows and quoted cells (a line break inside a description, an amount with a comma)', () => {
    const tsv = 'Line\tDescription\tThis claim\r\n3\t"Blocking and\r\nbacking"\t"$1,200.00"\r\n1\tFootings\t(12.50)\r\n';
    const plan = applied(planPaste(targets, parseTsv(tsv), at('L1')));
    expect(plan.patch).toEqual({ L3: '1200.00', L1: '-12.50' });
    expect(plan.summary).toBe('2 amounts placed by line number; header skipped');
  });

  it('matches a quoted description holding a comma and a line break', () => {
    const tsv = '"Slabs,\nlevel 1"\t"1,000.00"\r\nPainting\t5\r\n';
    expect(applied(planPaste(targets, parseTsv(tsv), at('L1'))).patch).toEqual({ L2: '1000.00', L4: '5.00' });
  });
});

describe('headingRole', () => {
  it.each([
    ['Line', 'lineNumber'],
    ['#', 'lineNumber'],
    ['Item No.', 'lineNumber'],
    ['Description of Work', 'description'],
    ['Cost code', 'categoryCode'],
    ['Category', 'categoryCode'],
    ['This claim', 'amount'],
    ['Amount', 'amount'],
    ['Work completed this period (E)', 'amount'],
    ['Scheduled value', 'otherFigure'],
    ['Claimed to date', 'otherFigure'],
    ['Total completed and stored to date', 'otherFigure'],
    ['% after', 'otherFigure'],
    ['Remaining balance', 'otherFigure'],
    ['twelve', null],
    ['Footings', null],
    ['', null],
  ] as const)('%j reads as %j', (text, role) => {
    expect(headingRole(text)).toBe(role);
  });
});

describe('planPaste properties', () => {
  // Forty editable lines over ten codes, numbered in a different order than the grid shows them,
  // and five read-only lines.
  const many = targetsOf(
    Array.from({ length: 10 }, (_, code) => `C${code}`),
    [
      ...Array.from({ length: 40 }, (_, index): LineSpec => [`S${index}`, ((index * 7) % 40) + 1, `C${index % 10}`, `Line ${index}`]),
      ...Array.from({ length: 5 }, (_, index): LineSpec => [`R${index}`, 41 + index, 'X', `Other ${index}`]),
    ],
  );
  const editable = many.filter((target) => target.editable);
  const cents = fc.integer({ min: -99_999_999, max: 99_999_999 });
  const dollars = (value: number) => (value / 100).toFixed(2);
  // How Excel may show an amount with its cents: plain, as currency (a credit in parentheses), as
  // currency with a minus sign.
  const shown = (value: number, style: number) => {
    const money = dollars(value);
    return style === 0 ? money : style === 1 || value >= 0 ? formatMoney(money) : `-${formatMoney(dollars(-value))}`;
  };

  it('puts each amount of a shuffled (line number, amount) block on its own line', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(editable, { minLength: 1 }), fc.array(fc.tuple(cents, fc.nat(2)), { minLength: 40, maxLength: 40 }), fc.boolean(), (lines, amounts, header) => {
        const rows = lines.map((target, index) => [String(target.line!.lineNumber), shown(...amounts[index]!)]);
        const plan = applied(planPaste(many, header ? [['Line', 'Amount'], ...rows] : rows, 0));
        expect(plan.placement).toEqual({ by: 'key', keys: ['lineNumber'] });
        expect(plan.patch).toEqual(Object.fromEntries(lines.map((target, index) => [target.id, dollars(amounts[index]![0])])));
      }),
    );
  });

  it('never puts an amount on another line, whatever the amounts look like: it places them right or refuses', () => {
    const text = fc.oneof(
      cents.map(dollars),
      fc.integer({ min: 0, max: 60 }).map(String),
      fc.constantFrom('', 'n/a', '$12', '1.234'),
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(editable, { minLength: 1 }), fc.array(text, { minLength: 40, maxLength: 40 }), (lines, amounts) => {
        const plan = planPaste(many, lines.map((target, index) => [String(target.line!.lineNumber), amounts[index]!]), 0);
        if (!plan.ok) return;
        lines.forEach((target, index) => {
          const parsed = parseMoney(amounts[index]!);
          expect(plan.patch[target.id]).toBe(parsed.ok ? parsed.value : '');
        });
        expect(Object.keys(plan.patch).length).toBe(lines.length);
      }),
    );
  });

  it('never throws on arbitrary text, and applies only amounts on editable lines', () => {
    const editableIds = new Set(editable.map((target) => target.id));
    const cell = fc.oneof(fc.string(), fc.constantFrom('Line', 'This claim', 'Description', '03-300', 'Line 3', '7', '12.00', '(1.00)'));
    const block = fc.oneof(
      fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 12 }),
      fc.string().map(parseTsv),
    );
    fc.assert(
      fc.property(block, fc.integer({ min: -1, max: many.length + 1 }), (cells, start) => {
        const plan = planPaste(many, cells, start);
        expect(plan.summary.length).toBeGreaterThan(0);
        if (!plan.ok) return;
        for (const [id, value] of Object.entries(plan.patch)) {
          expect(editableIds.has(id)).toBe(true);
          expect(value === '' || isMoney(value)).toBe(true);
        }
      }),
    );
  });
});
