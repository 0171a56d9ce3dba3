/**
 * SVG as a small tree of plain objects. The same tree is serialised to an escaped string (for
 * figures and the CLI) and built into DOM nodes by the timeline webview with createElementNS and
 * text nodes, so no markup is ever parsed from data.
 */

export type SvgAttributeValue = string | number;

export interface SvgElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, SvgAttributeValue | undefined>>;
  /** Strings are text content; they are escaped when serialised and become text nodes in the DOM. */
  readonly children: readonly SvgChild[];
}

export type SvgChild = SvgElement | string;

/** The elements a timeline is drawn with; the webview refuses anything else. */
export const SVG_TAGS: ReadonlySet<string> = new Set(['svg', 'g', 'defs', 'pattern', 'style', 'title', 'desc', 'rect', 'line', 'path', 'text', 'tspan']);

export function svg(tag: string, attributes: SvgElement['attributes'] = {}, ...children: ReadonlyArray<SvgChild | false | undefined>): SvgElement {
  return { tag, attributes, children: children.filter((child): child is SvgChild => child !== false && child !== undefined) };
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}

const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/** Serialises the tree; `indent` adds line breaks between elements that hold no text. */
export function serializeSvg(root: SvgElement): string {
  const write = (node: SvgChild, depth: number): string => {
    if (typeof node === 'string') return escapeXml(node);
    if (!SVG_TAGS.has(node.tag)) throw new Error(`unexpected SVG element <${node.tag}>`);
    const attributes = Object.entries(node.attributes)
      .filter((entry): entry is [string, SvgAttributeValue] => entry[1] !== undefined)
      .map(([name, value]) => {
        if (!ATTRIBUTE_NAME.test(name) || /^on/i.test(name)) throw new Error(`unexpected SVG attribute ${name}`);
        return ` ${name}="${escapeXml(typeof value === 'number' ? formatNumber(value) : value)}"`;
      })
      .join('');
    if (node.children.length === 0) return `<${node.tag}${attributes}/>`;
    // Whitespace between the parts of a text would render as spaces: keep text elements on one line.
    const hasText = node.tag === 'text' || node.tag === 'tspan' || node.children.some((child) => typeof child === 'string');
    const pad = hasText ? '' : `\n${'  '.repeat(depth + 1)}`;
    const inner = node.children.map((child) => `${pad}${write(child, depth + 1)}`).join('');
    return `<${node.tag}${attributes}>${inner}${hasText ? '' : `\n${'  '.repeat(depth)}`}</${node.tag}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0)}\n`;
}

/** Coordinates with at most two decimals, so output is stable and small. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * An estimate of a string's width in a proportional sans-serif font, erring wide so that text laid
 * out with it never overlaps (the webview measures the real width and tightens the layout).
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const character of text) {
    if (/[iljI.,;:'!|]/.test(character)) em += 0.3;
    else if (/[tfr() -]/.test(character)) em += 0.4;
    else if (/[mwMW@]/.test(character)) em += 0.95;
    else if (/[A-Z]/.test(character)) em += 0.74;
    else if (/[0-9]/.test(character)) em += 0.64;
    else if (character.charCodeAt(0) > 0x2e80) em += 1;
    else em += 0.61;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** The longest prefix of `text` (ending in "…") that fits `width`; the text itself when it fits. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= width) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (estimateTextWidth(`${characters.slice(0, middle).join('').trimEnd()}…`, fontSize, bold) <= width) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join('').trimEnd()}…`;
}
