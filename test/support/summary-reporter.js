// Ends every jest run with the plain closing line CI reads: "N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    // A suite that failed to load has no failed test of its own; count it so the line cannot read clean.
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const line = `\njest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`;
    // Jest prints its own summary after every reporter's onRunComplete; wait for it so this line is last.
    process.once('beforeExit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
