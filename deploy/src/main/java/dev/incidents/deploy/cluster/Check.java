package dev.incidents.deploy.cluster;

/** One verdict of the cluster test: what was checked, whether it held, and what was seen. */
record Check(String name, boolean passed, String seen) {

    static Check of(String name, boolean passed, String seen) {
        return new Check(name, passed, seen);
    }

    String line() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + seen;
    }
}
