export type PageItem = number | "gap";

/**
 * The page numbers to show around the current page: always the first and last, the current
 * one with a neighbour on each side, and a gap where numbers are skipped. A gap that would hide
 * a single number shows that number instead ("1 2 3 4 … 9", never "1 … 3 4 … 9" for page 3).
 */
export function pageItems(page: number, pageCount: number, siblings = 1): PageItem[] {
  const wanted = new Set<number>([1, pageCount]);
  for (let number = page - siblings; number <= page + siblings; number++) {
    if (number >= 1 && number <= pageCount) wanted.add(number);
  }
  const numbers = [...wanted].sort((a, b) => a - b);
  const items: PageItem[] = [];
  numbers.forEach((number, index) => {
    const previous = numbers[index - 1];
    if (previous !== undefined && number - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && number - previous > 2) items.push("gap");
    items.push(number);
  });
  return items;
}
