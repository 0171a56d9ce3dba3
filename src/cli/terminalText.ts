/**
 * Text from datasets and memos on its way to a terminal. An actor name may hold escape sequences
 * ("ESC ] 52 ; c ; ... BEL" writes the reader's clipboard, "ESC [ 2 J" clears the screen) and
 * bidirectional controls that reorder what is shown: every such character is printed as a visible
 * escape instead (\x1b, \u202e), so the reader sees what the data holds and the terminal obeys
 * nothing in it. Line breaks and tabs are kept: the CLI's own layout uses them.
 */

/** C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, visibleEscape);
}

/** The same for one line of output: line breaks in data would forge lines of their own. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/\r\n|\r|\n/g, (lineBreak) => (lineBreak === '\n' ? '\\n' : lineBreak === '\r' ? '\\r' : '\\r\\n'));
}

/**
 * For JSON output: JSON.stringify already writes C0 controls as \u escapes, but leaves C1 and
 * bidirectional controls raw. Escaping them keeps the JSON equal and the terminal inert.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function visibleEscape(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
