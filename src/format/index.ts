/** Pure formatting: incident → platform-neutral AlertMessage → Discord embed / Slack blocks / console text. */
export type { AlertMessage } from './message';
export { incidentMessage, casualtiesText, tollText, localiserFor, type MessageOptions } from './incident-message';
export { levelLabel, levelPosition, levelTransition } from './level-message';
export { updateNote, changeFacts, renderChange } from './update-note';
export { localPosition, localStepName, placeName } from './locale/words';
export { makeLocaliser, translate, type Catalogue, type Catalogues, type Localiser } from './locale/localiser';
export { EN, MESSAGE_KEYS, type MessageKey } from './locale/en';
export type { PlaceNames, LevelGloss } from './locale/words';
export { toDiscordMessage, toDiscordEmbed, toDiscordReply, DISCORD_LIMITS, type DiscordMessage, type DiscordEmbed } from './discord';
export { toSlackMessage, toSlackReply, SLACK_LIMITS, type SlackMessage, type SlackBlock } from './slack';
export { escapeDiscord, plainDiscord, neutraliseMentions, escapeSlack, escapeSlackPlain, slackLink } from './escape';
export { toConsoleText } from './console';
export { countryName, formatUtc, fitEscaped } from './text';
