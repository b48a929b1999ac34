import { makeLocaliser, type Catalogues, type LevelGloss, type Localiser, type PlaceNames } from '../format';
import { DEFAULT_LOCALE, localeOfTag } from '../model';
import { formatTime } from './reply';
import type { CommandRequest } from './request';

/** What replies need to speak the asker's language (the loaded catalogues and names). */
export interface ReplyLanguages {
  catalogues?: Catalogues;
  placeNames?: PlaceNames;
  levelGloss?: LevelGloss;
}

/**
 * The asker's language where the platform says it (Discord `locale`) and we have a catalogue;
 * English otherwise. Replies are not tied to a channel's zone: times are UTC.
 */
export function replyLocaliser(req: Pick<CommandRequest, 'userLocale'>, languages: ReplyLanguages | undefined): Localiser {
  return makeLocaliser(languages?.catalogues, localeOfTag(req.userLocale) ?? DEFAULT_LOCALE, 'UTC');
}

/** A reply's time: the compact ISO-like form replies always had in English, the reader's own form otherwise. */
export function replyTime(iso: string | undefined, L: Localiser): string {
  if (!iso || L.locale === 'en') return formatTime(iso);
  return L.time(iso);
}
