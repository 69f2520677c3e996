/**
 * Browser entry point of the static dashboard (bundled with d3 into `app.js`). It reads the data
 * embedded in the page and renders the overview; later pages plug in next to it.
 */
import { select } from 'd3';
import { createTooltip } from './charts/tooltip.js';
import { renderEmptyState } from './components/empty-state.js';
import { readEmbeddedData } from './data-source.js';
import { renderOverviewPage } from './pages/overview.js';

function start(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('the page has no #app element');
  select(root).selectAll(':scope > noscript').remove();
  try {
    const data = readEmbeddedData(document);
    renderOverviewPage(root, data, createTooltip(document.body));
  } catch (error) {
    renderEmptyState(root, 'This dashboard could not be shown', error instanceof Error ? error.message : String(error));
    throw error;
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
