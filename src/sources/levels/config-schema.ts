import { z } from 'zod';

/** Keys every source shares (see `config/sources.yaml`). */
const common = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  url: z.url({ protocol: /^https?$/ }),
  every: z.string().regex(/^\d+[smh]$/, 'an interval such as 30s, 10m or 1h'),
  language: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en').optional(),
};

const regexWithGroup = z.string().min(1).superRefine((src, ctx) => {
  try {
    const groups = new RegExp(`${src}|`, 'iu').exec('')?.length ?? 1;
    if (groups < 2) ctx.addIssue({ code: 'custom', message: 'the pattern needs a capture group around the level text' });
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
  }
});

/** One step of a `level-page` scale; `aliases` are other wordings of the same step (old names, descriptions). */
export const levelStepSchema = z.strictObject({
  name: z.string().min(1),
  name_en: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
});

export const levelPageSchema = z
  .strictObject({
    ...common,
    type: z.literal('level-page'),
    authority: z.string().regex(/^[a-z0-9-]+$/, 'a key such as nl-nctv'),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as NL'),
    scope: z.string().regex(/^[a-z0-9-]+$/).default('national'),
    selector: z.string().min(1).optional(),
    pattern: regexWithGroup.optional(),
    json_path: z.string().regex(/^[A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+|\[\d+\])*$/, 'a path such as data.level or items[0].name').optional(),
    levels: z.array(levelStepSchema).min(2, 'a scale has at least two steps, lowest first'),
  })
  .refine((o) => o.selector || o.pattern || o.json_path, {
    message: 'give selector, pattern or json_path to say where the level is',
  })
  .refine((o) => !(o.json_path && (o.selector || o.pattern)), {
    message: 'json_path reads a JSON body: it cannot be combined with selector or pattern',
  });

export type LevelPageOptions = z.infer<typeof levelPageSchema>;

const fixedSource = <T extends string>(type: T) => z.strictObject({ ...common, type: z.literal(type) });

/** Per alert-level type, the schema of its `sources.yaml` entry (common keys included). */
export const levelSourceSchemas = {
  'uk-mi5': fixedSource('uk-mi5'),
  'fr-vigipirate': fixedSource('fr-vigipirate').extend({ selector: z.string().min(1).optional() }),
  'us-ntas': fixedSource('us-ntas'),
  'au-nationalsecurity': fixedSource('au-nationalsecurity'),
  'level-page': levelPageSchema,
} as const;

/** One line naming the first problems in a failed parse, for a LevelSourceError or a start-up message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`)
    .join('; ');
}
