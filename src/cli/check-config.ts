import { loadConfig, loadDetector, loadLanguages } from '../app';
import { ConfigError, type ConfigProblem } from '../config/config-error';
import { print } from './errors';

/** Validate env, sources, detector files and message catalogues; list every problem of all of them. */
export async function checkConfig(): Promise<number> {
  const problems: ConfigProblem[] = [];
  let summary = '';
  try {
    const config = loadConfig(process.env);
    summary = `${config.sources.length} sources (${config.sources.filter((s) => s.type === 'feed').length} feeds)`;
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
  // An incomplete or broken catalogue does not stop the bot (English fills in), but it is a problem here.
  const languages = loadLanguages(process.env.TOCSIN_CONFIG_DIR ?? './config');
  problems.push(...languages.problems);
  if (problems.length) {
    process.stderr.write(`${new ConfigError(problems).message}\n`);
    return 1;
  }
  print(`Configuration OK: ${summary}, ${Object.keys(languages.catalogues).length + 1} languages.`);
  return 0;
}
