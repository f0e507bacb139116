/**
 * A one-line progress bar on a terminal (stderr), redrawn at most every 100 ms; on a pipe or in CI
 * it prints a plain line every 10 % instead, so logs stay readable.
 */
export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  done(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, width = 28): ProgressBar {
  const tty = Boolean(stream.isTTY);
  let lastDraw = 0;
  let lastLabel = '';
  let lastTenth = -1;
  let drawn = false;
  return {
    update(label, done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total && label === lastLabel) return;
        lastDraw = now;
        lastLabel = label;
        const filled = Math.round(ratio * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        stream.write(`\r${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${label} ${done}/${total}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (label !== lastLabel || tenth !== lastTenth) {
        lastLabel = label;
        lastTenth = tenth;
        stream.write(`${label}: ${done}/${total} (${(ratio * 100).toFixed(0)}%)\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
