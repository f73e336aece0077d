package org.illbridge.e2e;

import java.nio.file.Path;
import org.illbridge.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class InboundProcessingH2Test extends InboundProcessingContract {

    private static final Setup SETUP = new Setup(TestDatabases.newH2Url());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SETUP.register(registry);
    }

    @Override
    Path profilesFile() {
        return SETUP.profiles();
    }
}
