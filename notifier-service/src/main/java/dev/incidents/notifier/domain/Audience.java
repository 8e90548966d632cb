package dev.incidents.notifier.domain;

/** PUBLIC subscribers see public updates, resolutions and RCAs; INTERNAL ones also internal updates and alerts. */
public enum Audience { PUBLIC, INTERNAL }
