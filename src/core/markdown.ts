/**
 * Builds Markdown from untrusted dataset text. Every piece of data goes through `text()` (escaped)
 * or `link()` (http(s) only); the only raw Markdown is the structure this module writes itself.
 * The result is rendered by VS Code with isTrusted false and no HTML, so this is the second of two
 * locks, not the only one.
 */

/** Every ASCII punctuation character that can start Markdown syntax, plus '&' (entities). */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:"'=$^@%]/g;

export function escapeMarkdown(text: string): string {
  // Line breaks in data would start new blocks (lists, headings, tables): flatten them.
  return text.replace(/\r?\n|\r/g, ' ').replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

/** A URL that may appear as a link target: http(s) only, no spaces or brackets that end the target. */
export function safeLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  // encodeURIComponent leaves parentheses alone, and they would end a Markdown link target.
  return parsed.href.replace(/[()<>\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export class MarkdownBuilder {
  private readonly parts: string[] = [];

  /** Escaped text. */
  text(value: string): this {
    this.parts.push(escapeMarkdown(value));
    return this;
  }

  bold(value: string): this {
    this.parts.push(`**${escapeMarkdown(value)}**`);
    return this;
  }

  italic(value: string): this {
    this.parts.push(`*${escapeMarkdown(value)}*`);
    return this;
  }

  code(value: string): this {
    const fence = value.includes('`') ? '``' : '`';
    this.parts.push(`${fence}${value.replace(/\r?\n/g, ' ')}${fence}`);
    return this;
  }

  /** A link when the URL is http(s); plain escaped text otherwise. */
  link(label: string, url: string | undefined): this {
    const target = url ? safeLinkTarget(url) : undefined;
    this.parts.push(target ? `[${escapeMarkdown(label)}](${target})` : escapeMarkdown(label));
    return this;
  }

  /** Structure written by this module, never data. */
  raw(markdown: string): this {
    this.parts.push(markdown);
    return this;
  }

  heading(level: 3 | 4, value: string): this {
    return this.raw(`${'#'.repeat(level)} `).text(value).paragraphBreak();
  }

  lineBreak(): this {
    return this.raw('  \n');
  }

  paragraphBreak(): this {
    return this.raw('\n\n');
  }

  bullet(): this {
    return this.raw('- ');
  }

  toString(): string {
    return this.parts.join('').replace(/\n{3,}/g, '\n\n').trim();
  }
}
