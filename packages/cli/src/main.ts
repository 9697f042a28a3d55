import { parseCommand, USAGE } from './args';
import { Output, fetchGate, reportGate } from './gate';

/** Exit code for usage errors and for an unreachable or failing server. */
export const EXIT_ERROR = 2;

const consoleOutput: Output = {
  out: line => process.stdout.write(`${line}\n`),
  err: line => process.stderr.write(`${line}\n`),
};

/** Runs the `pulse` command line and returns the exit code. */
export async function main(
  argv: string[],
  options: { env?: Record<string, string | undefined>; output?: Output } = {},
): Promise<number> {
  const output = options.output ?? consoleOutput;
  let command;
  try {
    command = parseCommand(argv, options.env ?? process.env);
  } catch (e) {
    output.err(`error: ${(e as Error).message}`);
    output.err(USAGE);
    return EXIT_ERROR;
  }
  if (command.command === 'help') {
    output.out(USAGE);
    return 0;
  }
  try {
    return reportGate(await fetchGate(command), command.strict, output);
  } catch (e) {
    output.err(`error: ${(e as Error).message}`);
    return EXIT_ERROR;
  }
}
