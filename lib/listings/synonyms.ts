// Words buyers and sellers use for the same thing. A query word found here is also searched as
// each of its group's other words ("bicycle" finds "Kids bike"), on PostgreSQL and PGlite alike:
// lib/db/queries/listings.ts ORs one full-text query per variant. Word forms (bike/bikes,
// sofa/sofas) are already one word to the English stemmer, so only real synonyms belong here.
// Keep the groups small and unambiguous: "case" or "set" would find everything.
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["bike", "bicycle", "cycle"],
  ["sofa", "couch", "settee"],
  ["tv", "television"],
  ["pram", "buggy", "stroller", "pushchair"],
  ["wardrobe", "closet"],
  ["laptop", "notebook"],
  ["mobile", "phone", "smartphone"],
  ["trainers", "sneakers", "runners"],
  ["jumper", "sweater", "pullover"],
  ["hoover", "vacuum"],
  ["fridge", "refrigerator"],
  ["car", "automobile"],
];

// A query with several synonym words would multiply out; past this many variants the rest
// of the words are searched as typed.
const MAX_VARIANTS = 8;

const groupOf = new Map(SYNONYM_GROUPS.flatMap((group) => group.map((word) => [word, group] as const)));

/**
 * The query as typed first, then each spelling with synonym words swapped: "grey sofa" →
 * ["grey sofa", "grey couch", "grey settee"]. Words keep their place, so quoted phrases and
 * "-word" exclusions (websearch syntax) still read the same.
 */
export function expandSynonyms(query: string): string[] {
  let variants = [query];
  const words = query.split(/(\s+)/);
  for (const [index, word] of words.entries()) {
    const group = groupOf.get(word.toLowerCase().replace(/^[-"]+|["]+$/g, ""));
    if (!group || word.startsWith("-")) continue;
    const bare = word.replace(/^"+|"+$/g, "");
    const next: string[] = [];
    for (const variant of variants) {
      const parts = variant.split(/(\s+)/);
      for (const synonym of group) {
        if (synonym === bare.toLowerCase()) continue;
        parts[index] = word.replace(bare, synonym);
        next.push(parts.join(""));
      }
    }
    variants = [...variants, ...next].slice(0, MAX_VARIANTS);
  }
  return [...new Set(variants)];
}
