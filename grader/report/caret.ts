/**
 * The blank run that puts a caret under `column` (1-based) of `text` in a code frame: tabs kept,
 * so the caret lines up with the character in a terminal and a code block alike.
 */
export function caretPad(text: string, column: number): string {
  return text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
}
