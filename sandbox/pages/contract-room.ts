import { applyBackfill } from '../../lib/backfill';
import type { Sov } from '../../lib/schemas';
import { formatMoney } from '../../lib/money';
import { percent, usDate } from '../format';
import { html } from '../html';
import type { Contract, State } from '../model';
import { hostClaim } from '../views';
import { layout } from './layout';

/**
 * `/contracts/<id>`: the Contract Room view of a commitment, where vendors see what has been claimed
 * per SOV line (`data-sov-line-id` on each row), the contract totals and the Yardi claims against it.
 */
export function contractRoomPage(state: State, contract: Contract, sov: Sov): string {
  // Applying nothing gives each line's percent complete and balance to finish, and the totals.
  const { lines, totals } = applyBackfill(sov, {});
  const coded = sov.lines.some((line) => line.categoryCode !== null);
  const claims = state.claims.filter((claim) => claim.contractId === contract.id).map((claim) => hostClaim(state, claim));
  const body = html`
<nav class="crumbs" aria-label="Breadcrumb"><a href="/contracts">Contracts</a> / ${contract.number}</nav>
<div class="page-head">
  <div>
    <p class="eyebrow">Contract Room · Commitment</p>
    <h1>${contract.number} · ${contract.title}</h1>
    <p class="sub">${contract.vendorName}</p>
  </div>
</div>
<section class="stats" aria-label="Contract totals">
  <div class="stat"><span>Scheduled value</span><strong id="total-scheduled">${formatMoney(totals.scheduledValue)}</strong></div>
  <div class="stat"><span>Claimed to date</span><strong id="total-claimed">${formatMoney(totals.claimedToDate)}</strong></div>
  <div class="stat"><span>Percent complete</span><strong id="total-percent">${percent(totals.percentComplete)}</strong></div>
  <div class="stat"><span>Balance to finish</span><strong id="total-balance">${formatMoney(totals.balanceToFinish)}</strong></div>
</section>
<section class="card">
  <h2>Schedule of values</h2>
  ${coded ? null : html`<p class="notice">This SOV has no category codes, so no Yardi claim can be backfilled to it.</p>`}
  <table class="data" id="sov">
    <thead><tr>
      <th scope="col">Line #</th><th scope="col">Category code</th><th scope="col">Description</th>
      <th scope="col" class="num">Scheduled value</th><th scope="col" class="num">Claimed to date</th>
      <th scope="col" class="num">% complete</th><th scope="col" class="num">Balance to finish</th>
    </tr></thead>
    <tbody>${lines.map(
      (line) => html`
      <tr data-sov-line-id="${line.id}">
        <td>${line.lineNumber}</td>
        <td>${line.categoryCode ?? html`<span class="muted">—</span>`}</td>
        <td>${line.description}</td>
        <td class="num">${formatMoney(line.scheduledValue)}</td>
        <td class="num">${formatMoney(line.claimedToDate)}</td>
        <td class="num"><progress max="100" value="${line.percentComplete}"></progress>${percent(line.percentComplete)}</td>
        <td class="num">${formatMoney(line.balanceToFinish)}</td>
      </tr>`,
    )}
    </tbody>
    <tfoot><tr>
      <th scope="row" colspan="3">Contract totals</th>
      <td class="num">${formatMoney(totals.scheduledValue)}</td>
      <td class="num">${formatMoney(totals.claimedToDate)}</td>
      <td class="num">${percent(totals.percentComplete)}</td>
      <td class="num">${formatMoney(totals.balanceToFinish)}</td>
    </tr></tfoot>
  </table>
</section>
<section class="card">
  <h2>Progress claims paid in Yardi</h2>
  <table class="data" id="claims">
    <thead><tr><th scope="col">Invoice #</th><th scope="col">Invoice date</th><th scope="col" class="num">Amount</th><th scope="col">Status</th></tr></thead>
    <tbody>${claims.map(
      (claim) => html`
      <tr data-claim-id="${claim.id}">
        <td>${claim.invoiceNumber}</td>
        <td>${usDate(claim.invoiceDate)}</td>
        <td class="num${claim.total.startsWith('-') ? ' neg' : ''}">${formatMoney(claim.total)}</td>
        <td><span class="badge ${claim.backfilled ? 'badge-synced' : 'badge-unlinked'}">${claim.status}</span></td>
      </tr>`,
    )}
    </tbody>
  </table>
</section>`;
  return layout(state, { title: `${contract.number} · Contract Room`, section: 'contracts', body });
}
