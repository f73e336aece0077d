package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.illbridge.support.FreePort;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on its default store, embedded H2 in a file. */
class IsoIllListenerH2Test extends IsoIllListenerContract {

    private static final String DATABASE = TestDatabases.newH2Url();
    private static final int LISTEN_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("illbridge.listen.host", () -> "127.0.0.1");
        registry.add("illbridge.listen.port", () -> LISTEN_PORT);
    }

    @Test
    void exposesTheListenerRouteAndItsStepsOverJmxUnderAStableName() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

        ObjectName route = new ObjectName("org.apache.camel:context=illbridge,type=routes,name=\"iso-ill-listener\"");
        ObjectName inboxStep = new ObjectName("org.apache.camel:context=illbridge,type=processors,name=\"store-in-inbox\"");

        assertThat(jmx.getAttribute(route, "State")).isEqualTo("Started");
        assertThat(jmx.getAttribute(route, "EndpointUri").toString()).startsWith("netty://tcp://127.0.0.1:" + LISTEN_PORT);
        assertThat(jmx.isRegistered(inboxStep)).isTrue();
        assertThat(jmx.isRegistered(
                new ObjectName("org.apache.camel:context=illbridge,type=routes,name=\"inbound-apdu\""))).isTrue();
    }
}
