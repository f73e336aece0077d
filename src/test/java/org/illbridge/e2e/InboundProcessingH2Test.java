package org.illbridge.e2e;

import java.nio.file.Path;
import java.util.UUID;
import org.illbridge.support.FreePort;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class InboundProcessingH2Test extends InboundProcessingContract {

    private static final Path PROFILES = writeProfiles(Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml"), profiles());
    private static final String DATABASE = TestDatabases.newH2Url();
    private static final int LISTEN_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, DATABASE, LISTEN_PORT);
        registry.add("illbridge.profiles-file", PROFILES::toString);
        registry.add("illbridge.inbox.recovery-interval", () -> "500ms");
        registry.add("illbridge.inbox.recover-after", () -> "30s");
    }

    @Override
    Path profilesFile() {
        return PROFILES;
    }
}
