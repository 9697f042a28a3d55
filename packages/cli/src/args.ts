import { parseArgs } from 'node:util';

/** What `pulse gate` was asked. */
export interface GateCommand {
  command: 'gate';
  entityRef: string;
  url: string;
  token?: string;
  strict: boolean;
  /** The policy exception asked for, e.g. security or incident-fix. */
  reason?: string;
}

/** A request for the usage text. */
export interface HelpCommand {
  command: 'help';
}

export const USAGE = `Usage: pulse gate <entity-ref> --url <backstage-url> [--token <token>] [--strict] [--reason <reason>]

Asks Pulse whether the entity may release under its error-budget policy (the check is recorded with
who asked), prints the decision and its reasons, and exits
  0  allow (and warn, with a "warning:" line, unless --strict)
  1  block (and warn with --strict)
  2  Pulse could not be reached or answered an error

Options:
  --url     Backstage backend base URL, e.g. http://backstage:7007
  --token   Backstage token for an external-access service (default: $PULSE_TOKEN)
  --strict  Treat warn like block
  --reason  A policy exception that lets a frozen release through, e.g. security or incident-fix
  --help    Show this text`;

/** Parses the command line; throws an Error with a message for the user on bad usage. */
export function parseCommand(argv: string[], env: Record<string, string | undefined>): GateCommand | HelpCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      strict: { type: 'boolean', default: false },
      reason: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { command: 'help' };
  const [command, entityRef, ...rest] = positionals;
  if (command !== 'gate') {
    throw new Error(command ? `Unknown command '${command}'` : 'Missing command');
  }
  if (!entityRef || rest.length > 0) {
    throw new Error('pulse gate takes exactly one entity ref, e.g. component:default/checkout');
  }
  if (!values.url) {
    throw new Error('Missing --url, e.g. --url http://backstage:7007');
  }
  return {
    command: 'gate',
    entityRef,
    url: values.url,
    token: values.token ?? env.PULSE_TOKEN ?? undefined,
    strict: values.strict ?? false,
    ...(values.reason ? { reason: values.reason } : {}),
  };
}
