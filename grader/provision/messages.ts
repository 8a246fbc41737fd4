import type { Lang } from '../engine/result.ts';

/**
 * Every word `dlgrade provision` shows an instructor, in both languages (one place, so that the
 * move to the shared message catalogue is mechanical).
 */

/** What provision was doing when a step failed. */
export type ProvisionAction =
  | 'check-user' | 'get-repo' | 'generate' | 'wait-branch' | 'check-collaborator' | 'list-invitations' | 'add-collaborator'
  | 'get-feedback' | 'list-commits' | 'create-feedback' | 'get-file' | 'update-file' | 'list-pulls' | 'create-pull';

/** Failures that are not a GitHub error. */
export type ProvisionProblem = 'not-a-user' | 'no-commits' | 'not-a-file' | 'no-manifest' | 'manifest-json';

export interface ActionParams {
  repo?: string;
  template?: string;
  username?: string;
  branch?: string;
  path?: string;
  type?: string;
}

interface ProvisionWords {
  action: Record<ProvisionAction, (p: ActionParams) => string>;
  problem: Record<ProvisionProblem, (p: ActionParams) => [reason: string, fix: string]>;
  state: Record<'created' | 'existed' | 'planned' | 'failed', string>;
  step: Record<'repository' | 'collaborator' | 'feedback-branch' | 'starter-commit' | 'feedback-pr', string>;
  fix: string;
  github: string;
  headerApply: string;
  headerDry: string;
  checking: (n: number) => string;
  usersRefused: (n: number) => string;
  total: (c: { all: number; created: number; existed: number; planned: number; failed: number }) => string;
  rosterSkipped: string;
  skipped: string;
  detail: { generateFrom: (template: string) => string; invite: (user: string) => string; pending: string; sent: string; atGenerated: string; at: (sha: string) => string; record: string };
}

const WORDS: Record<Lang, ProvisionWords> = {
  es: {
    action: {
      'check-user': (p) => `comprobar el usuario ${p.username}`,
      'get-repo': (p) => `leer ${p.repo}`,
      generate: (p) => `crear ${p.repo} desde la plantilla ${p.template}`,
      'wait-branch': (p) => `esperar a la rama ${p.branch} de ${p.repo} tras generarlo`,
      'check-collaborator': (p) => `comprobar si ${p.username} es colaborador`,
      'list-invitations': () => 'leer las invitaciones pendientes',
      'add-collaborator': (p) => `invitar a ${p.username} como colaborador`,
      'get-feedback': () => 'leer la rama feedback',
      'list-commits': () => 'leer los commits',
      'create-feedback': () => 'crear la rama feedback',
      'get-file': (p) => `leer ${p.path}`,
      'update-file': (p) => `actualizar ${p.path}`,
      'list-pulls': () => 'leer los pull requests',
      'create-pull': () => 'crear el pull request de feedback',
    },
    problem: {
      'not-a-user': (p) => [`«${p.username}» es una ${p.type === 'Organization' ? 'organización' : `cuenta de tipo ${p.type}`}, no un usuario`, 'pon en github_username la cuenta personal del estudiante'],
      'no-commits': (p) => [`${p.repo} no tiene commits en ${p.branch}`, 'comprueba que la plantilla tiene contenido (dlgrade assign --github-org la sube)'],
      'not-a-file': (p) => [`${p.path} no es un fichero`, 'rehaz la plantilla con dlgrade assign'],
      'no-manifest': (p) => [`${p.path} no existe en el repositorio`, 'usa una plantilla creada con dlgrade assign --github-org'],
      'manifest-json': (p) => [`${p.path} no es JSON válido`, 'rehaz la plantilla con dlgrade assign'],
    },
    state: { created: 'creado', existed: 'ya existía', planned: 'se creará', failed: 'falló' },
    step: { repository: 'repositorio', collaborator: 'colaborador', 'feedback-branch': 'rama feedback', 'starter-commit': 'commit inicial', 'feedback-pr': 'PR de feedback' },
    fix: 'Solución',
    github: 'GitHub',
    headerApply: 'dlgrade provision (--apply):',
    headerDry: 'dlgrade provision (simulación: nada se ha creado; usa --apply para ejecutar):',
    checking: (n) => `Comprobando ${n} usuario(s) de GitHub antes de crear nada…`,
    usersRefused: (n) => `No se ha creado nada: ${n} usuario(s) del roster no son cuentas de GitHub válidas. Corrige el roster y vuelve a ejecutarlo.`,
    total: (c) => `Total: ${c.all} estudiantes · ${c.created} creados · ${c.existed} ya existían · ${c.planned} por crear · ${c.failed} con errores`,
    rosterSkipped: 'fila omitida',
    skipped: 'sin cambios (el roster tiene usuarios que no existen)',
    detail: { generateFrom: (x) => `desde ${x}`, invite: (u) => `invitar a ${u} (push)`, pending: 'invitación pendiente', sent: 'invitación enviada', atGenerated: 'en el commit generado', at: (sha) => `en ${sha}`, record: 'anotar el commit generado en el manifiesto y el workflow' },
  },
  en: {
    action: {
      'check-user': (p) => `check the user ${p.username}`,
      'get-repo': (p) => `read ${p.repo}`,
      generate: (p) => `create ${p.repo} from the template ${p.template}`,
      'wait-branch': (p) => `wait for the branch ${p.branch} of ${p.repo} after generating it`,
      'check-collaborator': (p) => `check whether ${p.username} is a collaborator`,
      'list-invitations': () => 'read the pending invitations',
      'add-collaborator': (p) => `invite ${p.username} as a collaborator`,
      'get-feedback': () => 'read the feedback branch',
      'list-commits': () => 'read the commits',
      'create-feedback': () => 'create the feedback branch',
      'get-file': (p) => `read ${p.path}`,
      'update-file': (p) => `update ${p.path}`,
      'list-pulls': () => 'read the pull requests',
      'create-pull': () => 'create the Feedback pull request',
    },
    problem: {
      'not-a-user': (p) => [`"${p.username}" is ${p.type === 'Organization' ? 'an organisation' : `an account of type ${p.type}`}, not a user`, 'put the student’s personal account in github_username'],
      'no-commits': (p) => [`${p.repo} has no commits on ${p.branch}`, 'check that the template has content (dlgrade assign --github-org pushes it)'],
      'not-a-file': (p) => [`${p.path} is not a file`, 'remake the template with dlgrade assign'],
      'no-manifest': (p) => [`${p.path} is missing from the repository`, 'use a template made by dlgrade assign --github-org'],
      'manifest-json': (p) => [`${p.path} is not valid JSON`, 'remake the template with dlgrade assign'],
    },
    state: { created: 'created', existed: 'existed', planned: 'will be created', failed: 'failed' },
    step: { repository: 'repository', collaborator: 'collaborator', 'feedback-branch': 'feedback branch', 'starter-commit': 'starter commit', 'feedback-pr': 'Feedback PR' },
    fix: 'Fix',
    github: 'GitHub',
    headerApply: 'dlgrade provision (--apply):',
    headerDry: 'dlgrade provision (dry run: nothing was created; use --apply to do it):',
    checking: (n) => `Checking ${n} GitHub user(s) before creating anything…`,
    usersRefused: (n) => `Nothing was created: ${n} roster user(s) are not valid GitHub accounts. Fix the roster and run it again.`,
    total: (c) => `Total: ${c.all} students · ${c.created} created · ${c.existed} existed · ${c.planned} to create · ${c.failed} failed`,
    rosterSkipped: 'row skipped',
    skipped: 'nothing done (the roster names users that do not exist)',
    detail: { generateFrom: (x) => `from ${x}`, invite: (u) => `invite ${u} (push)`, pending: 'invitation pending', sent: 'invitation sent', atGenerated: 'at the generated commit', at: (sha) => `at ${sha}`, record: 'record the generated commit in the manifest and the workflow' },
  },
};

export function provisionWords(lang: Lang): ProvisionWords {
  return WORDS[lang];
}
