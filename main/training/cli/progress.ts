/** How `netd train` shows a run: a live progress line on a terminal, plain lines otherwise, or JSON lines. */
import { fmtInt, fmtShape } from '../../network/catalog/format.ts';
import type { TrainingEvent } from '../types.ts';

const BAR_WIDTH = 24;

export type ProgressMode = 'tty' | 'plain' | 'json';

const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const fixed = (v: number | null, d = 4): string => (v === null ? '–' : v.toFixed(d));
const rate = (v: number): string => `${fmtInt(Math.round(v))} img/s`;

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** `[#########...............]` for a fraction in [0, 1]. */
export function bar(fraction: number, width = BAR_WIDTH): string {
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/**
 * A renderer of training events to text. On a terminal the batch line is redrawn in place (`\r`),
 * and each finished epoch leaves one permanent line.
 */
export function createProgressPrinter(
  mode: ProgressMode,
  out: (text: string) => void,
  runDir: string,
  columns = 0,
): (e: TrainingEvent) => void {
  let epochs = 0;
  let liveLine = false;
  const clearLive = (): void => {
    if (liveLine) out('\r\x1b[2K');
    liveLine = false;
  };
  return (e) => {
    if (mode === 'json') {
      out(JSON.stringify(e.event === 'done' ? summaryFirst(e) : e) + '\n');
      return;
    }
    switch (e.event) {
      case 'started': {
        epochs = e.options.epochs;
        out(
          `Training on ${e.data.spec} (${e.data.classes.length} classes, ${e.data.trainCount} train / ${e.data.testCount} test images, ${fmtShape(e.data.inputShape)}) ` +
            `for ${epochs} epoch${epochs === 1 ? '' : 's'} with ${e.options.optimizer}, lr ${e.options.learningRate}, batch ${e.options.batchSize}\n`,
        );
        out(`${e.backendNote}\n`);
        return;
      }
      case 'batch': {
        if (mode !== 'tty') return;
        const fraction = e.batch / e.batchesPerEpoch;
        const head = `epoch ${e.epoch}/${epochs} `;
        const tail = ` ${Math.round(fraction * 100)}%  loss ${fixed(e.loss)}  acc ${pct(e.accuracy)}  ${rate(e.imagesPerSecond)}  ETA ${formatDuration(e.etaSeconds)}`;
        out(`\r\x1b[2K${fitLine(head, fraction, tail, columns)}`);
        liveLine = true;
        return;
      }
      case 'epoch':
        clearLive();
        out(
          `epoch ${e.epoch}/${epochs}  train loss ${fixed(e.trainLoss)} acc ${pct(e.trainAccuracy)}  val loss ${fixed(e.valLoss)} acc ${pct(e.valAccuracy)}  ` +
            `lr ${e.learningRate.toPrecision(3)}  ${e.seconds.toFixed(1)} s, ${rate(e.imagesPerSecond)}\n`,
        );
        return;
      case 'done':
        clearLive();
        if (e.note) {
          out(`${e.stopped ? 'Stopped' : 'Done'}: ${e.note}\nRun saved in ${runDir}\n`);
          return;
        }
        out(
          `${e.stopped ? 'Stopped' : 'Done'}: test accuracy ${pct(e.testAccuracy)}, validation accuracy ${pct(e.valAccuracy)}, ` +
            `train loss ${fixed(e.trainLoss)}, ${rate(e.imagesPerSecond)} on ${e.backend}\n`,
        );
        if (e.confusion.length > 0) out(perClassLines(e.classes, e.confusion));
        out(`Run saved in ${runDir}\n`);
        return;
      case 'failed':
        clearLive();
        return; // the command prints the one-line error on stderr
    }
  };
}

/**
 * The `done` event with the keys the CLI contract documents first, in its order
 * (`event, testAccuracy, valAccuracy, trainLoss, imagesPerSecond, backend`), then the rest.
 */
function summaryFirst(e: Extract<TrainingEvent, { event: 'done' }>): object {
  const { event, testAccuracy, valAccuracy, trainLoss, imagesPerSecond, backend, ...rest } = e;
  return { event, testAccuracy, valAccuracy, trainLoss, imagesPerSecond, backend, ...rest };
}

/**
 * The live line within `columns` (0 = unknown): a wrapped line could not be redrawn in place, so the
 * bar narrows first and the end is cut last.
 */
export function fitLine(head: string, fraction: number, tail: string, columns: number): string {
  if (columns <= 0) return `${head}${bar(fraction)}${tail}`;
  const room = columns - 1 - head.length - tail.length - 2;
  const line = `${head}${bar(fraction, Math.max(8, Math.min(BAR_WIDTH, room)))}${tail}`;
  return line.slice(0, columns - 1);
}

/** Per-class accuracy from a confusion matrix (rows = true class). */
function perClassLines(classes: string[], confusion: number[][]): string {
  let width = 5; // a loop, not a spread: a classes.txt may list very many names
  for (const c of classes) width = Math.max(width, c.length);
  const lines = classes.map((name, i) => {
    const row = confusion[i] ?? [];
    const total = row.reduce((a, b) => a + b, 0);
    return `  ${name.padEnd(width)}  ${total > 0 ? pct((row[i] ?? 0) / total) : '–'} of ${total}`;
  });
  return `Per-class accuracy:\n${lines.join('\n')}\n`;
}
