import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../paths.ts';
import { capLength, escapeXml } from '../report/escape.ts';
import type { ClassReportModel } from './report-model.ts';

type PageModel = ClassReportModel & { script: string; scriptHash: string };
let compiled: HandlebarsTemplateDelegate<PageModel> | undefined;
let sortScript: { script: string; scriptHash: string } | undefined;

/** A private Handlebars: `{{esc x}}` (escapeXml, capped) is how every string reaches the page. */
function template(): HandlebarsTemplateDelegate<PageModel> {
  if (compiled === undefined) {
    const hb = Handlebars.create();
    hb.registerHelper('esc', (value: unknown, options: unknown) => {
      const max = typeof options === 'object' && options !== null && 'hash' in options ? Number((options as { hash: { max?: unknown } }).hash.max ?? 2000) : 2000;
      return new hb.SafeString(escapeXml(capLength(value === undefined || value === null ? '' : String(value), max)));
    });
    hb.registerHelper('rowY', (index: unknown) => new hb.SafeString(String(4 + 22 * Number(index))));
    hb.registerHelper('half', (value: unknown) => new hb.SafeString(String(Math.round(Number(value) / 2))));
    hb.registerHelper('num', (value: unknown) => new hb.SafeString(typeof value === 'number' && Number.isFinite(value) ? String(value) : '0'));
    compiled = hb.compile<PageModel>(readFileSync(join(TEMPLATES_DIR, 'gradebook', 'report.html.hbs'), 'utf8'), { strict: true });
  }
  return compiled;
}

/**
 * The page's one script (templates/gradebook/sort.js: sortable tables, opening a student's detail
 * from a link), ours and fixed: the Content-Security-Policy allows exactly it by its SHA-256, so
 * nothing else on the page (student text included) could ever run.
 */
export function reportScript(): { script: string; scriptHash: string } {
  if (sortScript === undefined) {
    const script = readFileSync(join(TEMPLATES_DIR, 'gradebook', 'sort.js'), 'utf8');
    if (/<\/script/i.test(script)) throw new Error('templates/gradebook/sort.js must not contain </script');
    sortScript = { script, scriptHash: `sha256-${createHash('sha256').update(script).digest('base64')}` };
  }
  return sortScript;
}

/** Pure: the self-contained HTML class report (inline CSS, SVG and one hashed script; no external fetch). */
export function renderClassReport(model: ClassReportModel): string {
  return template()({ ...model, ...reportScript() });
}
