// Turns the Lighthouse JSON reports listed in runs.tsv (page, preset, file; several runs of each)
// into the table and the list of failing audits in docs/lighthouse.md, between its markers; the
// notes around them stay.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [runsFile, doc, date, command] = process.argv.slice(2);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const BEGIN = '<!-- lighthouse:begin (written by loadtest/lighthouse/run) -->';
const END = '<!-- lighthouse:end -->';

// The runs of each page and preset, in the order they were made.
const groups = new Map();
for (const line of readFileSync(runsFile, 'utf8').trim().split('\n')) {
  const [page, preset, file] = line.split('\t');
  const key = `${page}\t${preset}`;
  if (!groups.has(key)) groups.set(key, { page, preset, reports: [] });
  groups.get(key).reports.push(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
}

const performance = (report) => report.categories.performance?.score ?? 0;
const lcpOf = (report) => report.audits['largest-contentful-paint']?.numericValue;
const seconds = (ms) => (ms == null ? '–' : (ms / 1000).toFixed(1) + ' s');

// The median run by performance score (the slower LCP first among equal scores), as Lighthouse CI
// reports one run of several.
function median(reports) {
  const sorted = [...reports].sort((a, b) => performance(a) - performance(b) || (lcpOf(b) ?? 0) - (lcpOf(a) ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const rows = [];
const failing = [];
for (const { page, preset, reports } of groups.values()) {
  const done = reports.filter(Boolean);
  if (done.length === 0) {
    rows.push(`| \`${page}\` | ${preset} | failed | | | | | |`);
    continue;
  }
  const report = median(done);
  const score = (id) => {
    const value = report.categories[id]?.score;
    return value == null ? '–' : String(Math.round(value * 100));
  };
  const each = reports
    .map((run) => (run ? `${Math.round(performance(run) * 100)} / ${seconds(lcpOf(run))}` : 'failed'))
    .join(', ');
  rows.push(`| \`${page}\` | ${preset} | ${CATEGORIES.map(score).join(' | ')} | ${seconds(lcpOf(report))} | ${each} |`);
  for (const id of CATEGORIES) {
    for (const ref of report.categories[id]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      // Only audits that count: weighted ones (performance metrics) or pass/fail checks.
      const counts = ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode);
      if (counts && audit.score !== null && audit.score < 1 && (ref.weight > 0 || id !== 'performance')) {
        const value = audit.displayValue ? ` (${audit.displayValue.replace(/\|/g, '/')})` : '';
        failing.push(`| \`${page}\` | ${preset} | ${id} | \`${audit.id}\`: ${audit.title.replace(/\|/g, '/')}${value} | ${Math.round(audit.score * 100)} |`);
      }
    }
  }
}

const section = [
  BEGIN,
  `Run ${date}: \`${command}\``,
  '',
  'Scores and LCP of the median run of each page and preset; the last column gives every run\'s',
  'performance score and LCP, in the order they ran (the first audit of a page meets its first render).',
  '',
  '| page | preset | performance | accessibility | best practices | SEO | LCP | runs (performance / LCP) |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Audits of the median runs that scored below 1 (the reasons are in the notes below):',
  '',
  ...(failing.length ? ['| page | preset | category | audit | score |', '|---|---|---|---|---|', ...failing] : ['None.']),
  END,
].join('\n');

const current = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Lighthouse\n\n${BEGIN}\n${END}\n`;
const start = current.indexOf(BEGIN);
const end = current.indexOf(END);
const next = (start >= 0 && end > start)
  ? current.slice(0, start) + section + current.slice(end + END.length)
  : `${current.trimEnd()}\n\n${section}\n`;
writeFileSync(doc, next);
