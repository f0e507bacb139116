import { readFileSync } from 'node:fs';

/** Document ids listed one per line in a file (blank lines and # comments ignored), for `--only`. */
export function readIdList(path: string): Set<string> {
  return new Set(
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}
