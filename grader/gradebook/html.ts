import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../paths.ts';
import { capLength, escapeXml } from '../report/escape.ts';
import type { ClassReportModel } from './report-model.ts';

let compiled: HandlebarsTemplateDelegate<ClassReportModel> | undefined;

/** A private Handlebars: `{{esc x}}` (escapeXml, capped) is how every string reaches the page. */
function template(): HandlebarsTemplateDelegate<ClassReportModel> {
  if (compiled === undefined) {
    const hb = Handlebars.create();
    hb.registerHelper('esc', (value: unknown, options: unknown) => {
      const max = typeof options === 'object' && options !== null && 'hash' in options ? Number((options as { hash: { max?: unknown } }).hash.max ?? 2000) : 2000;
      return new hb.SafeString(escapeXml(capLength(value === undefined || value === null ? '' : String(value), max)));
    });
    hb.registerHelper('rowY', (index: unknown) => new hb.SafeString(String(4 + 22 * Number(index))));
    hb.registerHelper('half', (value: unknown) => new hb.SafeString(String(Math.round(Number(value) / 2))));
    hb.registerHelper('num', (value: unknown) => new hb.SafeString(typeof value === 'number' && Number.isFinite(value) ? String(value) : '0'));
    compiled = hb.compile<ClassReportModel>(readFileSync(join(TEMPLATES_DIR, 'gradebook', 'report.html.hbs'), 'utf8'), { strict: true });
  }
  return compiled;
}

/** Pure: the self-contained HTML class report (inline CSS and SVG, no script, no external fetch). */
export function renderClassReport(model: ClassReportModel): string {
  return template()(model);
}
