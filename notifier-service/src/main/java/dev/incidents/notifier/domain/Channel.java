package dev.incidents.notifier.domain;

/** Where a subscription's messages go: a signed HTTP POST, a Slack incoming webhook, or an email. */
public enum Channel { WEBHOOK, SLACK, EMAIL }
