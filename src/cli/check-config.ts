import { loadConfig, loadDetector } from '../app';
import { ConfigError, type ConfigProblem } from '../config/config-error';
import { print } from './errors';

/** Validate env, sources, detector files and message catalogues; list every problem of all of them. */
export async function checkConfig(): Promise<number> {
  const problems: ConfigProblem[] = [];
  let summary = '';
  try {
    const config = loadConfig(process.env);
    summary = `${config.sources.length} sources (${config.sources.filter((s) => s.type === 'feed').length} feeds), ${Object.keys(config.languages?.catalogues ?? {}).length + 1} languages`;
    // An incomplete or broken catalogue does not stop the bot (English fills in), but it is a problem here.
    problems.push(...(config.languages?.problems ?? []));
    try {
      loadDetector(config.env);
    } catch (e) {
      if (e instanceof ConfigError) problems.push(...e.problems);
      else throw e;
    }
  } catch (e) {
    if (e instanceof ConfigError) problems.push(...e.problems);
    else throw e;
  }
  if (problems.length) {
    process.stderr.write(`${new ConfigError(problems).message}\n`);
    return 1;
  }
  print(`Configuration OK: ${summary}.`);
  return 0;
}
