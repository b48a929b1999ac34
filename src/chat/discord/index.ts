/**
 * Discord side of `/alerts`: the Ed25519-verified HTTP interactions endpoint, the
 * gateway listener (same mapping and dispatch), the command definition and its
 * registration. Rendering of replies as embeds with mentions off.
 */
export { createDiscordInteractionsHandler, runInvocation, ALERTS_COMMAND, type DiscordInteractionsOptions } from './interactions-endpoint';
export { createDiscordGateway, type DiscordGatewayOptions } from './gateway';
export { ALERTS_COMMAND_DEFINITION, registerCommands, type RegisterCommandsOptions } from './command-definition';
export { isDiscordAdmin, toCommandRequest, fromInteractionBody, type AlertsInvocation } from './map-interaction';
export { toDiscordReply, type DiscordReplyData } from './render-reply';
export { discordPublicKey, verifyDiscordSignature } from './verify-signature';
