/**
 * The channel timeline as a figure in a memo: the file name it is written under and the Markdown
 * that embeds it with a caption. Pure, so that the editor command and the tests share it.
 */
import { filterPhrase, type ChannelTimeline } from './channelTimeline';

export interface FigureNaming {
  readonly actorId?: string | undefined;
  readonly country?: string | undefined;
  readonly kind?: string | undefined;
  /** The first year on the axis when the user chose one. */
  readonly from?: string | undefined;
}

/** "channels-2025-10-23.svg"; filters are added to the name so a filtered figure never replaces the full one. */
export function figureFileName(asOf: string, naming: FigureNaming): string {
  const suffix = [naming.actorId, naming.country?.toLowerCase(), naming.kind, naming.from ? `from-${naming.from}` : undefined]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/[^a-z0-9_.-]+/gi, '-'))
    .join('-');
  return `channels-${asOf}${suffix ? `-${suffix}` : ''}.svg`;
}

/**
 * The image and its caption, as a block of its own. The alt text says what the figure shows for
 * readers who cannot see it; data in it (a person's name) is escaped for Markdown's link text.
 */
export function figureMarkdown(relativePath: string, timeline: ChannelTimeline, from?: string): string {
  const count = timeline.rows.length;
  const scope = [filterPhrase(timeline), from ? `from ${from}` : undefined].filter(Boolean).join(', ');
  const alt = `Timeline of ${count} channel${count === 1 ? '' : 's'} between governments as of ${timeline.asOf}`;
  const caption =
    `*Figure: channels between governments${scope ? ` (${escapeEmphasis(scope)})` : ''} as of ${timeline.asOf}. ` +
    `Bars run from each channel's start to its end, coloured by kind; hatched stretches are dormant; ticks mark key dates; ` +
    `the red line marks ${timeline.asOf}. Source: Interlocutor datasets${timeline.horizon ? `, each channel verified to its own date, ${timeline.horizon} at the latest` : ''}.*`;
  return `![${alt}](${relativePath.split('/').map(encodeURIComponent).join('/')})\n\n${caption}\n`;
}

/** Names come from datasets: keep them from ending the emphasis or starting other Markdown. */
function escapeEmphasis(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (character) => `\\${character}`);
}
