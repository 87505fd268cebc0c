export type DiffOp = { kind: 'same' | 'removed' | 'added'; line: string };

/**
 * The lines of `before` and `after` as kept, removed and added, by the longest common
 * subsequence (roadmap fields are a few dozen lines at most, so the quadratic table is fine).
 */
export function lineDiff(before: readonly string[], after: readonly string[]): DiffOp[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ kind: 'same', line: before[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      ops.push({ kind: 'added', line: after[j]! });
      j++;
    } else {
      ops.push({ kind: 'removed', line: before[i]! });
      i++;
    }
  }
  return ops;
}
