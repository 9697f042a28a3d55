/**
 * The `pulse` command-line tool for CI: `pulse gate component:default/checkout --url http://backstage:7007`.
 *
 * @packageDocumentation
 */
import { main } from './main';

main(process.argv.slice(2)).then(code => {
  process.exitCode = code;
});
