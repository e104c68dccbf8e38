// Turns the Lighthouse JSON reports listed in runs.tsv (page, preset, file) into the table and the
// list of failing audits in docs/lighthouse.md, between its markers; the notes around them stay.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [runsFile, doc, date, command] = process.argv.slice(2);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const BEGIN = '<!-- lighthouse:begin (written by loadtest/lighthouse/run) -->';
const END = '<!-- lighthouse:end -->';

const rows = [];
const failing = [];
for (const line of readFileSync(runsFile, 'utf8').trim().split('\n')) {
  const [page, preset, file] = line.split('\t');
  if (!existsSync(file)) {
    rows.push(`| \`${page}\` | ${preset} | failed | | | | |`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const score = (id) => {
    const value = report.categories[id]?.score;
    return value == null ? '–' : String(Math.round(value * 100));
  };
  const lcp = report.audits['largest-contentful-paint']?.numericValue;
  rows.push(`| \`${page}\` | ${preset} | ${CATEGORIES.map(score).join(' | ')} | ${lcp == null ? '–' : (lcp / 1000).toFixed(1) + ' s'} |`);
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
  '| page | preset | performance | accessibility | best practices | SEO | LCP |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Audits that scored below 1 (the reasons are in the notes below):',
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
