/**
 * Renders dlgrade's GitHub Actions workflows from the handlebars templates in
 * templates/workflows/. Pure apart from reading the (installed, trusted) template files:
 * same name and context, same text. The instructor tooling (`dlgrade assign`) writes the
 * result into assignment repositories at WORKFLOW_TARGETS[name].
 *
 * Every interpolation in a template goes through one of two helpers (a test enforces it):
 * - `{{yaml value}}`: a double-quoted YAML scalar (JSON escaping plus YAML's non-printables);
 *   refuses any value that contains `${{`, so no value can become a GitHub expression.
 * - `{{pin actions.x}}`: a `uses:` value, `owner/name@<40-hex> # vX.Y.Z`.
 * GitHub expressions in the templates are written `$\{{ … }}` (handlebars' inline escape).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { DlgradeError } from '../errors.ts';
import { TEMPLATES_DIR } from '../paths.ts';
import { ciView, regradeView, studentView, type WorkflowContexts, type WorkflowName, type WorkflowViews } from './context.ts';

export type { WorkflowContexts, WorkflowName } from './context.ts';

export const WORKFLOW_TEMPLATES_DIR = join(TEMPLATES_DIR, 'workflows');

/** The template of each workflow, relative to WORKFLOW_TEMPLATES_DIR. */
export const WORKFLOW_TEMPLATE_FILES: Readonly<Record<WorkflowName, string>> = {
  student: 'student.yml.hbs',
  regrade: 'regrade.yml.hbs',
  ci: 'ci.yml.hbs',
};

/** Where each rendered workflow goes, relative to the root of the repository it is written into. */
export const WORKFLOW_TARGETS: Readonly<Record<WorkflowName, string>> = {
  student: '.github/workflows/dlgrade.yml',
  regrade: '.github/workflows/dlgrade-regrade.yml',
  ci: '.github/workflows/ci.yml',
};

const VIEWS: { readonly [N in WorkflowName]: (context: unknown) => WorkflowViews[N] } = {
  student: studentView,
  regrade: regradeView,
  ci: ciView,
};

/** Characters YAML does not allow raw in a scalar (or that confuse readers) and JSON leaves as they are; lone surrogates JSON already escapes. */
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\u007f-\u0084\u0086-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A double-quoted YAML scalar that holds exactly `value`, or an error if the value could not stay inert. */
export function yamlQuote(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') {
    throw new DlgradeError({
      code: 'E_INTERNAL',
      message: `workflow template: {{yaml}} got ${typeof value}, expected a string, a number or a boolean`,
      fix: 'pass a precomputed scalar from the view-model (grader/workflows/context.ts)',
    });
  }
  if (value.includes('${{')) {
    throw new DlgradeError({
      code: 'E_CONFIG',
      message: `workflow context: ${JSON.stringify(value)} contains "\${{", which GitHub would evaluate as an expression`,
      fix: 'remove the expression from the value; workflow contexts take plain values only',
    });
  }
  // JSON escapes quotes, backslashes and C0 controls in a form YAML's double-quoted scalars share.
  return JSON.stringify(value).replace(
    NON_PRINTABLE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('yaml', (value: unknown) => yamlQuote(value));
  hb.registerHelper('pin', (value: unknown) => {
    if (typeof value !== 'string' || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+@[0-9a-f]{40} # v[0-9]+(?:\.[0-9]+\.[0-9]+)?$/.test(value)) {
      throw new DlgradeError({
        code: 'E_INTERNAL',
        message: `workflow template: {{pin}} got ${JSON.stringify(value)}, expected a pinned action from grader/workflows/actions.ts`,
      });
    }
    return value;
  });
  return hb;
}

let environment: typeof Handlebars | undefined;
const compiled = new Map<WorkflowName, HandlebarsTemplateDelegate>();

function template(name: WorkflowName): HandlebarsTemplateDelegate {
  let fn = compiled.get(name);
  if (fn) return fn;
  const file = join(WORKFLOW_TEMPLATES_DIR, WORKFLOW_TEMPLATE_FILES[name]);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause: unknown) {
    throw new DlgradeError({ code: 'E_IO', message: `cannot read workflow template ${name}`, file, cause, fix: 'reinstall dlgrade' });
  }
  environment ??= createEnvironment();
  fn = environment.compile(source, { strict: true, noEscape: true });
  compiled.set(name, fn);
  return fn;
}

/**
 * Renders workflow `name` with `context` (validated: an invalid value throws E_CONFIG naming the field).
 * Returns the YAML text, ending in a newline.
 */
export function renderWorkflow<N extends WorkflowName>(name: N, context: WorkflowContexts[N]): string {
  if (!Object.hasOwn(VIEWS, name)) {
    throw new DlgradeError({
      code: 'E_OPTION',
      message: `unknown workflow "${String(name)}"`,
      fix: `use one of: ${Object.keys(VIEWS).join(', ')}`,
    });
  }
  const view = VIEWS[name](context);
  try {
    return template(name)(view);
  } catch (error: unknown) {
    if (error instanceof DlgradeError) throw error;
    throw new DlgradeError({
      code: 'E_INTERNAL',
      message: `workflow template ${WORKFLOW_TEMPLATE_FILES[name]} failed to render`,
      file: join(WORKFLOW_TEMPLATES_DIR, WORKFLOW_TEMPLATE_FILES[name]),
      cause: error,
    });
  }
}
