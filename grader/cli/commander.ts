/**
 * commander, loaded with `require`. It is CommonJS: imported as an ES module, Node scans its
 * source for named exports at every start (cjs-module-lexer, with the ES module loader's own
 * steps): ~20 ms against ~10 ms through require (docs/performance.md). The same module object
 * either way (Node's CommonJS cache): a class from here is the class a plain import gives.
 * Types are the package's own.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const Command: typeof Commander.Command = commander.Command;
export type Command = Commander.Command;
export const CommanderError: typeof Commander.CommanderError = commander.CommanderError;
export type CommanderError = Commander.CommanderError;
export const Help: typeof Commander.Help = commander.Help;
export type Help = Commander.Help;
export const Option: typeof Commander.Option = commander.Option;
export type Option = Commander.Option;
export const InvalidArgumentError: typeof Commander.InvalidArgumentError = commander.InvalidArgumentError;
export type InvalidArgumentError = Commander.InvalidArgumentError;
