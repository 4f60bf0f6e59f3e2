import { insertNotifications, type NewNotification } from "@/lib/db/queries/notifications";
import type { Notification } from "@/lib/db/schema";

/**
 * One way out for every notification. The in-app list (the notifications table) is the record:
 * a notice is stored first, and only notices that were new there go on to the other channels.
 * A mail sender is one more channel: `addNotificationChannel({ deliver })`.
 */
export type NotificationChannel = { name: string; deliver: (notifications: Notification[]) => Promise<void> };

const channels: NotificationChannel[] = [];

export function addNotificationChannel(channel: NotificationChannel): () => void {
  channels.push(channel);
  return () => {
    channels.splice(channels.indexOf(channel), 1);
  };
}

export async function notify(notices: NewNotification[]): Promise<Notification[]> {
  const stored = await insertNotifications(notices);
  if (stored.length === 0) return stored;
  for (const channel of channels) {
    // A channel failing (mail down) never loses the in-app notice, nor stops the other channels.
    await channel.deliver(stored).catch((error: unknown) => console.error(`[notify] channel ${channel.name} failed:`, error));
  }
  return stored;
}
