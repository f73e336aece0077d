package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProcess;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;

/**
 * An integration server's console attaches over remote JMX with a password, as docs/operations.md
 * sets it up: it sees illbridge's MBeans beside Camel's, stops and starts the listener route, and
 * replays a dead letter. Without the password it gets nothing.
 */
class RemoteJmxIT {

    @Test
    void anOperatorWithThePasswordManagesTheServiceOverRemoteJmx() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "it", "jmx-" + UUID.randomUUID()));
        Path password = Files.writeString(home.resolve("jmxremote.password"), "operator s3cret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path access = Files.writeString(home.resolve("jmxremote.access"), "operator readwrite\n");
        int jmxPort = FreePort.find();
        try (ServiceProcess service = ServiceProcess.in(home, TestDatabases.newH2Url(Path.of("target").toAbsolutePath()),
                KillUnderLoadContract.PROFILES).withJvmOptions("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.password.file=" + password.toAbsolutePath(),
                "-Dcom.sun.management.jmxremote.access.file=" + access.toAbsolutePath()).start()) {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
            assertThatThrownBy(() -> JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS,
                    new String[] {"operator", "wrong"})).close()).isInstanceOf(SecurityException.class);

            try (JMXConnector connector = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS,
                    new String[] {"operator", "s3cret"}))) {
                MBeanServerConnection jmx = connector.getMBeanServerConnection();
                assertThat(jmx.queryNames(new ObjectName("org.illbridge:*"), null)).extracting(ObjectName::toString)
                        .contains("org.illbridge:type=DeadLetters", "org.illbridge:type=Inbox", "org.illbridge:type=Outbox",
                                "org.illbridge:type=Profiles", "org.illbridge:type=Routes");

                InboxApi api = service.api();
                ObjectName listener = new ObjectName("org.apache.camel:context=illbridge,type=routes,name=\"iso-ill-listener\"");
                jmx.invoke(listener, "stop", new Object[0], new String[0]);
                assertThat(jmx.getAttribute(listener, "State")).isEqualTo("Stopped");
                await().atMost(Duration.ofSeconds(10)).until(() -> api.text("/actuator/health/readiness").statusCode() == 503);
                jmx.invoke(listener, "start", new Object[0], new String[0]);
                assertThat(jmx.getAttribute(listener, "State")).isEqualTo("Started");

                try (IsoIllPeer peer = IsoIllPeer.connect(service.listenPort())) {
                    peer.send(Variants.withSymbol(YazVectors.read("30-message"), "responder-id", "XXX"));
                    peer.readApdu(10_000);
                }
                ObjectName deadLetters = new ObjectName("org.illbridge:type=DeadLetters");
                await().atMost(Duration.ofSeconds(10)).until(() -> (Long) jmx.getAttribute(deadLetters, "Open") == 1L);
                long id = api.json("/api/dead-letters").get(0).get("id").asLong();
                String replayed = (String) jmx.invoke(deadLetters, "replay", new Object[] {id}, new String[] {"long"});
                assertThat(replayed).startsWith("outcome: refused; new dead letter ").contains("does not serve");
            }
        }
    }
}
