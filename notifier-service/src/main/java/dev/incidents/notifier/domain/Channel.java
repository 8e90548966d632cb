package dev.incidents.notifier.domain;

/**
 * Where a subscription's messages go: a signed HTTP POST, a chat tool's incoming webhook (Slack, Microsoft Teams'
 * Workflows, Discord), or an email.
 */
public enum Channel {
    WEBHOOK, SLACK, EMAIL, TEAMS, DISCORD;

    /** A chat tool's incoming webhook: its URL is a credential, and only the tool's own hosts may be named. */
    public boolean chat() {
        return this == SLACK || this == TEAMS || this == DISCORD;
    }
}
