import { z } from 'zod';

/** Keys every source shares (see `config/sources.yaml`). */
const common = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  url: z.url({ protocol: /^https?$/ }),
  every: z.string().regex(/^\d+[smh]$/, 'an interval such as 30s, 10m or 1h'),
  language: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en').optional(),
  /** false: kept in the file (for `tocsin parse --source`) but not polled. */
  enabled: z.boolean().optional(),
  /** false: the reader was not checked against the authority's real text (see docs/levels.md). */
  verified: z.boolean().optional(),
};

const regexWithGroup = z.string().min(1).superRefine((src, ctx) => {
  try {
    const groups = new RegExp(`${src}|`, 'iu').exec('')?.length ?? 1;
    if (groups < 2) ctx.addIssue({ code: 'custom', message: 'the pattern needs a capture group around the level text' });
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
  }
});

export const levelPageSchema = z
  .strictObject({
    ...common,
    type: z.literal('level-page'),
    /** An id of config/authorities.yaml: its scale and languages are what the page is read with. */
    authority: z.string().regex(/^[a-z0-9-]+$/, 'a key such as nl-nctv'),
    scope: z.string().regex(/^[a-z0-9-]+$/).default('national'),
    selector: z.string().min(1).optional(),
    pattern: regexWithGroup.optional(),
    json_path: z.string().regex(/^[A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+|\[\d+\])*$/, 'a path such as data.level or items[0].name').optional(),
    /** Read the current step from the markup of the scale list (see docs/levels.md, Norway). */
    markup: z.boolean().optional(),
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
