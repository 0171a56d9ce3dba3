/**
 * Decides whom a mention means when several actors share it ("Mr Wang", "Vice-Premier Liu").
 * A title inside the mention is the strongest clue: "Vice-Premier Liu" is whoever named Liu held
 * the post of vice-premier on the date, so it is Liu He in 2020 and Liu Guozhong in 2025.
 */
import type { Mention } from './actorIndex';
import type { PartialDate } from './dates';
import type { KnowledgeBase } from './knowledgeBase';

export interface MentionResolution {
  /** Best first. */
  readonly actorIds: readonly string[];
  /** True when the text alone leaves several actors possible on this date. */
  readonly ambiguous: boolean;
  /** The post named inside the mention, if any ("vice-premier" in "Vice-Premier Liu"). */
  readonly titleRoleIds: readonly string[];
}

export function resolveMention(kb: KnowledgeBase, mention: Mention, date: PartialDate): MentionResolution {
  const candidates = mention.actorIds;
  const titleRoleIds = titleRolesIn(kb, mention);
  if (candidates.length <= 1) return { actorIds: candidates, ambiguous: false, titleRoleIds };

  if (titleRoleIds.length > 0) {
    const heldOn = (truth: true | 'unknown') =>
      candidates.filter((actorId) => kb.tenuresOn(actorId, date).some((entry) => titleRoleIds.includes(entry.tenure.role) && entry.holds === truth));
    const everHeld = candidates.filter((actorId) => kb.actor(actorId)?.tenures.some((tenure) => titleRoleIds.includes(tenure.role)));
    for (const narrowed of [heldOn(true), heldOn('unknown'), everHeld]) {
      if (narrowed.length > 0) return { actorIds: narrowed, ambiguous: narrowed.length > 1, titleRoleIds };
    }
  }
  // No title to go by: people in office on the date first, then the rest in dataset order.
  const inOffice = (actorId: string) => kb.tenuresOn(actorId, date).some((entry) => entry.state === 'current');
  const ordered = [...candidates].sort((a, b) => Number(inOffice(b)) - Number(inOffice(a)));
  return { actorIds: ordered, ambiguous: true, titleRoleIds };
}

/** Posts named by the leading words of a mention: "Foreign Minister" in "Foreign Minister Qin". */
function titleRolesIn(kb: KnowledgeBase, mention: Mention): string[] {
  for (let words = mention.tokens.length - 1; words >= 1; words--) {
    const start = mention.tokens[0]!.start;
    const end = mention.tokens[words - 1]!.end;
    const roles = kb.rolesTitled(mention.text.slice(0, end - start));
    if (roles.length > 0) return roles.map((role) => role.id);
  }
  return [];
}
