import { Help, type Command } from './commander.ts';
import type { Catalog } from '../i18n/index.ts';

type CliMessages = Catalog['cli'];

/**
 * commander's own messages are fixed English templates (lib/command.js); each is matched here and
 * rewritten from the catalog. Anything unmatched passes through unchanged, so a new commander
 * message shows in English rather than vanishing.
 */
export function translateCommanderError(text: string, m: CliMessages): string {
  const e = m.errors;
  const rules: [RegExp, (...groups: string[]) => string][] = [
    [/^error: unknown option '([^']*)'/, (flag) => e.unknownOption(flag!)],
    [/^error: unknown command '([^']*)'/, (name) => e.unknownCommand(name!)],
    [/^error: missing required argument '([^']*)'/, (name) => e.missingArgument(name!)],
    [/^error: option '([^']*)' argument missing/, (flags) => e.optionArgumentMissing(flags!)],
    [/^error: required option '([^']*)' not specified/, (flags) => e.requiredOption(flags!)],
    [/^error: too many arguments(?: for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./, (expected, got) => e.tooManyArguments(expected!, got!)],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (flags, value) => e.invalidOptionValue(flags!, value!)],
    [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, (value, name) => e.invalidArgumentValue(value!, name!)],
    [/^error: (.*) cannot be used with (.*)$/m, (a, b) => e.conflict(a!, b!)],
    [/Allowed choices are ([^\n]*?)\.$/m, (choices) => e.allowedChoices(choices!)],
    [/\(Did you mean (?:one of )?([^?]*)\?\)/, (what) => e.didYouMean(what!)],
  ];
  let out = text;
  for (const [pattern, render] of rules) {
    out = out.replace(pattern, (_match: string, ...groups: unknown[]) => {
      const rendered = render(...(groups.filter((g) => typeof g === 'string') as string[]));
      return pattern.source.startsWith('^error') ? `${e.prefix}: ${rendered}` : rendered;
    });
  }
  return out;
}

/** "(choices: …, default: …)" after an option's description, in the catalog's words. */
function translateExtras(description: string, m: CliMessages): string {
  return description.replace(/\((?:choices|default|preset|env): .*\)$/, (extras) =>
    extras.replace(/(\(|, )(choices|default|preset|env): /g, (_all, lead: string, key: keyof CliMessages['extra']) => `${lead}${m.extra[key]}: `),
  );
}

/**
 * Help titles, option extras, the help and version flags and commander's error messages in the
 * command line's language. Subcommands inherit these settings when created with .command().
 */
export function localizeCommander(program: Command, m: CliMessages, version: string): Command {
  const base = new Help();
  return program
    .version(version, '-V, --version', m.version)
    .helpOption('-h, --help', m.help)
    .helpCommand('help [command]', m.helpCommand)
    .configureHelp({
      styleTitle: (title) => m.titles[title] ?? title,
      styleUsage: (usage) => usage.replace('[options]', m.usage.options).replace('[command]', m.usage.command),
      styleSubcommandTerm: (term) => term.replace('[options]', m.usage.options),
      optionDescription: (option) => translateExtras(base.optionDescription(option), m),
      argumentDescription: (argument) => translateExtras(base.argumentDescription(argument), m),
    })
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text, m)) });
}
