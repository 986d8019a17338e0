// Tests that need a program fail where it is missing, in CI and out of it: `npm test`'s pretest step
// (scripts/test-setup.js) installs them or stops with the command to run, so nothing is ever skipped.
import { requireTool, type TestTool } from '../../scripts/testTools';

export { requireTool };

/** `describe` whose tests fail at once, naming the install command, when `tool` is missing. */
export function describeWith(tool: TestTool['name'], name: string, fn: () => void): void {
  describe(name, () => {
    beforeAll(() => {
      requireTool(tool);
    });
    fn();
  });
}
