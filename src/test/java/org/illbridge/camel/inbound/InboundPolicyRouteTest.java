package org.illbridge.camel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.illbridge.camel.IsoIllListenerRoute;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.inbound.IdentifiedApdu;
import org.illbridge.inbound.ReceivedApdu;
import org.illbridge.profile.SiteProfile;
import org.illbridge.profile.UnknownRequesterPolicy;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;

/**
 * The operators' inbound policy, routes/inbound-apdu.camel.yaml, on its own in a Camel context:
 * the plumbing it calls ({@code direct:*}) is replaced by mock endpoints with AdviceWith, and each
 * identified APDU must take the branch its profile says — also after an operator's edit.
 */
class InboundPolicyRouteTest extends CamelTestSupport {

    private static final Path SHIPPED_ROUTE = Path.of("routes", "inbound-apdu.camel.yaml");
    private static final String IDENTIFY = "direct:identify-apdu";
    private static final List<String> PLUMBING = List.of(IDENTIFY, "direct:refuse-unknown-symbol", "direct:record-for-oclc",
            "direct:unknown-requester", "direct:apply-apdu", "direct:dead-letter");
    private static final LocalDateTime CREATED = LocalDateTime.parse("2026-06-01T10:00:00");

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("inboundPredicates", new InboundPredicates());
        context.addRoutesConfigurations(new DeadLetterChannelConfiguration());
        return context;
    }

    @Test
    void anApduForASymbolWeDoNotServeIsRefused() throws Exception {
        startWith(SHIPPED_ROUTE);

        assertTakes(apdu(null, "ZBW"), "direct:refuse-unknown-symbol");
    }

    @Test
    void aRequestThatPredatesTheProfileIsRecordedForOclc() throws Exception {
        startWith(SHIPPED_ROUTE);

        assertTakes(apdu(site("2027-01-01T00:00:00", List.of("ZBW")), "ZBW"), "direct:record-for-oclc");
    }

    @Test
    void aNewRequestFromAnUnknownRequesterGoesToItsOwnBranch() throws Exception {
        startWith(SHIPPED_ROUTE);

        assertTakes(apdu(site("2026-01-01T00:00:00", List.of()), "ZBW"), "direct:unknown-requester");
    }

    @Test
    void everythingElseIsAppliedToTheMessageFile() throws Exception {
        startWith(SHIPPED_ROUTE);

        assertTakes(apdu(site("2026-01-01T00:00:00", List.of("ZBW")), "ZBW"), "direct:apply-apdu");
    }

    @Test
    void whatFailsUnexpectedlyGoesToTheDeadLetters() throws Exception {
        startWith(SHIPPED_ROUTE);
        MockEndpoint deadLetters = getMockEndpoint("mock:direct:dead-letter");
        deadLetters.expectedMessageCount(1);

        // no identified APDU: the policy's first question fails
        template.send(IsoIllListenerRoute.APDU_RECEIVED, exchange -> exchange.getMessage().setBody(new byte[] {1}));

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getExchanges().get(0).getProperty("CamelExceptionCaught", Exception.class)).isNotNull();
    }

    @Test
    void anOperatorsEditTakesEffect() throws Exception {
        Path edited = Files.createTempFile(Path.of("target"), "inbound-apdu-", ".camel.yaml");
        Files.writeString(edited, Files.readString(SHIPPED_ROUTE)
                .replace("uri: direct:unknown-requester", "uri: direct:apply-apdu"));
        startWith(edited);

        assertTakes(apdu(site("2026-01-01T00:00:00", List.of()), "ZBW"), "direct:apply-apdu");
    }

    private void startWith(Path route) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + route));
        // the plumbing the policy calls, not the endpoint it is called by
        AdviceWith.adviceWith(context, "inbound-apdu", advice -> advice.mockEndpointsAndSkip(PLUMBING.toArray(String[]::new)));
        context.start();
    }

    /** The identified APDU takes the branch to {@code uri}, and no other. */
    private void assertTakes(IdentifiedApdu apdu, String uri) throws Exception {
        for (String plumbing : PLUMBING) {
            getMockEndpoint("mock:" + plumbing).expectedMessageCount(plumbing.equals(uri) || plumbing.equals(IDENTIFY) ? 1 : 0);
        }

        template.send(IsoIllListenerRoute.APDU_RECEIVED, exchange -> {
            exchange.getMessage().setBody(apdu.received().bytes());
            exchange.setProperty(InboundExchange.APDU, apdu);
        });

        MockEndpoint.assertIsSatisfied(context);
    }

    /** An ILL-Request from {@code requester} to {@code site} (null: to no site we serve). */
    private static IdentifiedApdu apdu(SiteProfile site, String requester) throws Exception {
        byte[] bytes = YazVectors.read("01-ill-request-minimal");
        Apdu apdu = new IllCodec().decode(bytes);
        return new IdentifiedApdu(new ReceivedApdu(1L, bytes, "192.0.2.7:40000"), apdu, StandardCharsets.UTF_8, site,
                site == null ? null : Role.LENDING, TransactionKey.of(apdu, StandardCharsets.UTF_8), null, CREATED,
                requester, requester, null, "hash", false);
    }

    private static SiteProfile site(String profileInstalled, List<String> knownRequesters) {
        return new SiteProfile("OCL", LocalDateTime.parse(profileInstalled), List.of(), false, false,
                UnknownRequesterPolicy.QUEUE, knownRequesters, List.of(), false, null, null);
    }
}
