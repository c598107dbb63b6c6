/**
 * Prints every skipped test with the reason it gave, after the list reporter's summary, so a skip
 * (e.g. the Electron e2e where no Electron binary exists) is visible as a skip with its cause.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason =
      test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    this.skipped.push(`  - ${test.titlePath().filter(Boolean).slice(1).join(' › ')}: ${reason}`);
  }

  onEnd(): void {
    if (this.skipped.length === 0) return;
    console.log(`\nSkipped (not passed), with the reason:\n${this.skipped.join('\n')}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
