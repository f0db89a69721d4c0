-- Providers' delivery callbacks (SendGrid's Event Webhook, Twilio's status callbacks), each kept once by the
-- provider's id of it: one sent again changes nothing.
create table notifications.provider_events (
  provider text not null,
  event_id text not null,
  delivery_id text references notifications.deliveries (id),
  status text not null,
  received_at timestamptz not null,
  primary key (provider, event_id)
);
