import { applyBackfill } from '../../lib/backfill';
import { formatMoney } from '../../lib/money';
import { percent } from '../format';
import { html } from '../html';
import type { State } from '../model';
import { findSov } from '../views';
import { layout } from './layout';

/** `/contracts`: the project's commitments, each linking to its Contract Room. */
export function contractsPage(state: State): string {
  const body = html`
<div class="page-head">
  <div>
    <p class="eyebrow">Commitments</p>
    <h1>Contracts</h1>
    <p class="sub">Subcontracts of this project and how much of each has been claimed.</p>
  </div>
</div>
<section class="card">
  <table class="data" id="contracts">
    <thead><tr>
      <th scope="col">Contract</th><th scope="col">Vendor</th><th scope="col">Title</th><th scope="col" class="num">SOV lines</th>
      <th scope="col" class="num">Scheduled value</th><th scope="col" class="num">Claimed to date</th><th scope="col" class="num">% complete</th>
    </tr></thead>
    <tbody>${state.contracts.map((contract) => {
      const sov = findSov(state, contract.id) ?? { contractId: contract.id, lines: [] };
      const { totals } = applyBackfill(sov, {});
      return html`
      <tr data-contract-id="${contract.id}">
        <td><a href="/contracts/${encodeURIComponent(contract.id)}">${contract.number}</a></td>
        <td>${contract.vendorName}</td>
        <td>${contract.title}</td>
        <td class="num">${sov.lines.length}</td>
        <td class="num">${formatMoney(totals.scheduledValue)}</td>
        <td class="num">${formatMoney(totals.claimedToDate)}</td>
        <td class="num">${percent(totals.percentComplete)}</td>
      </tr>`;
    })}
    </tbody>
  </table>
</section>`;
  return layout(state, { title: 'Contracts', section: 'contracts', body });
}
