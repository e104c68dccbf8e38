// Prints how Lighthouse's simulated (Lantern) LCP of one audit is made: the optimistic and the
// pessimistic estimate (the reported LCP is their mean under the mobile preset) and, for each, the
// requests and main-thread tasks it holds with their simulated start and end in milliseconds.
// A request is in an estimate when it ended before the LCP observed in the unthrottled trace, so
// what the page loads beside its largest photo shows here. Low-priority images are left out of the
// optimistic one.
//
//   lighthouse URL --save-assets --output=json --output-path=/tmp/a.json ...   (as loadtest/lighthouse/run does;
//   LH_KEEP=folder keeps its reports and traces)
//   node loadtest/lighthouse/lantern.mjs /tmp/a-0.trace.json /tmp/a-0.devtoolslog.json URL [desktop]
//
// Uses the Lighthouse that loadtest/lighthouse/run installed (LH_CACHE, as there).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { pathToFileURL } from 'node:url';

const [tracePath, logPath, url, formFactor = 'mobile'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node lantern.mjs TRACE.json DEVTOOLSLOG.json URL [mobile|desktop]');
  process.exit(2);
}
const cache = process.env.LH_CACHE ?? `${process.env.XDG_CACHE_HOME ?? `${homedir()}/.cache`}/starkiller-lighthouse`;
const lighthouse = pathToFileURL(`${cache}/npm/node_modules/lighthouse/`);
const { LanternLargestContentfulPaint } = await import(new URL('core/computed/metrics/lantern-largest-contentful-paint.js', lighthouse));
const constants = await import(new URL('core/config/constants.js', lighthouse));

const settings = {
  ...constants.defaultSettings,
  throttlingMethod: 'simulate',
  formFactor,
  throttling: formFactor === 'desktop' ? constants.throttling.desktopDense4G : constants.throttling.mobileSlow4G,
};
const data = {
  trace: JSON.parse(readFileSync(tracePath, 'utf8')),
  devtoolsLog: JSON.parse(readFileSync(logPath, 'utf8')),
  gatherContext: { gatherMode: 'navigation' },
  settings,
  URL: { requestedUrl: url, mainDocumentUrl: url, finalDisplayedUrl: url },
  simulator: null,
};
const lcp = await LanternLargestContentfulPaint.request(data, { settings, computedCache: new Map() });
const ms = (value) => String(Math.round(value)).padStart(5);
console.log(`LCP ${Math.round(lcp.timing)} ms: optimistic ${Math.round(lcp.optimisticEstimate.timeInMs)}, pessimistic ${Math.round(lcp.pessimisticEstimate.timeInMs)}`);

function describe(node) {
  if (node.type === 'network') {
    const request = node.request;
    const connection = request.connectionReused ? 'reused connection' : 'new connection';
    return `${request.url.length > 70 ? '…' + request.url.slice(-69) : request.url}  ${request.priority}, ${request.transferSize} B, ${connection}`;
  }
  const scripts = [...node.getEvaluateScriptURLs()].map((script) => script.split('/').pop());
  return `main thread ${Math.round(node.duration / 1000)} ms (unthrottled)${scripts.length ? ', runs ' + scripts.join(', ') : ''}${node.didPerformLayout() ? ', layout' : ''}`;
}

for (const [name, estimate] of [['optimistic', lcp.optimisticEstimate], ['pessimistic', lcp.pessimisticEstimate]]) {
  console.log(`\n${name} (${Math.round(estimate.timeInMs)} ms): start, end, what`);
  const rows = [...estimate.nodeTimings.entries()]
    .filter(([node]) => !(node.type === 'network' && node.request.url.startsWith('data:')))
    .sort((a, b) => a[1].startTime - b[1].startTime);
  for (const [node, timing] of rows) {
    console.log(`${ms(timing.startTime)} ${ms(timing.endTime)}  ${describe(node)}`);
  }
}
