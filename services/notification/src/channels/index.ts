import type { NotificationConfig } from '../config.ts'
import type { ChannelSender } from './model.ts'

/** The senders configuration asks for, one per channel; a channel with none keeps its deliveries queued. */
export const channelSenders = (_config: NotificationConfig, _dataDir: string): ChannelSender[] => []
