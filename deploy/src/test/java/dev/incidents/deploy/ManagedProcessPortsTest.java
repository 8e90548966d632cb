package dev.incidents.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ports handed out for processes that bind them later lie where no bind to port 0 can take them meanwhile. */
class ManagedProcessPortsTest {

    @Test
    void ports_are_free_distinct_and_below_the_kernels_ephemeral_range() throws IOException {
        int ephemeralStart = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .getFirst().trim().split("\\s+")[0]);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ports.add(ManagedProcess.freePort());
        }

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(10_000,
                ephemeralStart - 1));
        try (ServerSocket kernelChosen = new ServerSocket(0)) {
            assertThat(ports).doesNotContain(kernelChosen.getLocalPort());
        }
    }
}
