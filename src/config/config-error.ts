/** One thing wrong with the configuration: where, what, and how to fix it. */
export interface ConfigProblem {
  /** File name (e.g. `config/sources.yaml`) or `environment`. */
  file: string;
  /** Dotted path inside the file, e.g. `sources[2].every`, or the variable name. */
  path: string;
  message: string;
  fix?: string;
}

/** Thrown at start-up with every problem found, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  const lines = problems.map(
    (p) => `  ${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}${p.fix ? ` — fix: ${p.fix}` : ''}`,
  );
  return `Configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** `['sources', 2, 'every']` → `sources[2].every` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}
