package dev.incidents.commands.domain;

/**
 * One alert of a monitor's alert group, as the monitor reports it now. The key (the monitor's own fingerprint of
 * the alert) names it across reports, so a report repeated by the monitor is recognised as nothing new.
 */
public record AlertSignal(String key, String name, State state) {

    public enum State {
        FIRING, ACKNOWLEDGED, RESOLVED
    }

    public boolean firing() {
        return state == State.FIRING;
    }
}
