// `jixiao` from the sources in a child process, for the hostile suite and the bench: runs main() and
// then prints the process's peak resident memory as the last stderr line (`peak-rss-kb N`).
import { main } from '../../../src/cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`内部错误 ${String(error)}\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
    process.exitCode = 70;
  },
);
