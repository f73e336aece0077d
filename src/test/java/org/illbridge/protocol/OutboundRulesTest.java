package org.illbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.junit.jupiter.api.Test;

class OutboundRulesTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 28, 12, 0);
    private static final NewRequest.Address SHIP_TO = new NewRequest.Address("OCL ILL", "1 Main St", "Dublin", "OH", "43017", "US");

    private static NewRequest request(NewRequest.Cost cost) {
        return new NewRequest("OCL", "OCLC", null, null, "Moby-Dick", null, "WorldCat", null, "20261231", null, SHIP_TO, cost, null);
    }

    @Test
    void aCompleteRequestPasses() throws Exception {
        Apdu apdu = request(null).toApdu("T-1", false, NOW);

        assertThat(OutboundRules.check(apdu, true, false)).isEmpty();
    }

    @Test
    void withFeeManagementAMaximumCostInUsdIsRequired() throws Exception {
        assertThat(OutboundRules.check(request(null).toApdu("T-1", true, NOW), true, true)).hasValueSatisfying(refused ->
                assertThat(refused.reason()).contains("a maximum cost (cost-info-type.maximum-cost), required with ILL Fee Management"));
        assertThat(OutboundRules.check(request(new NewRequest.Cost("CAD", "20.00")).toApdu("T-1", true, NOW), true, true))
                .hasValueSatisfying(refused -> assertThat(refused.reason()).contains("the maximum cost in USD"));
        assertThat(OutboundRules.check(request(new NewRequest.Cost("USD", "20.00")).toApdu("T-1", true, NOW), true, true)).isEmpty();
    }

    @Test
    void oclcNeedsALoanOrACopyAmongTheServiceTypes() throws Exception {
        Apdu locations = new NewRequest("OCL", "OCLC", null, "locations", "Moby-Dick", null, "WorldCat", null, "20261231",
                null, SHIP_TO, null, null).toApdu("T-3", false, NOW);

        assertThat(OutboundRules.check(locations, true, false)).hasValueSatisfying(refused ->
                assertThat(refused.reason()).contains("a loan or copy-non-returnable service type (iLL-service-type)"));
    }

    @Test
    void aPartnerThatIsNotOclcGetsOnlyTheProtocolsChecks() throws Exception {
        Apdu bare = new NewRequest("OCL", "ZBW", null, null, "Moby-Dick", null, null, null, null, null, null, null, null)
                .toApdu("T-2", false, NOW);

        assertThat(OutboundRules.check(bare, false, false)).isEmpty();
        assertThat(OutboundRules.check(bare, true, false)).isPresent();
    }

    @Test
    void willSupplyIsRefusedToOclcOnly() throws Exception {
        Apdu willSupply = ActionApdus.of(StaffAction.WILL_SUPPLY, ActionRequest.of("will-supply", null),
                new ActionApdus.Transaction(new TransactionKey("", "ZBW", "R-1", ""), "ZBW", "OCL"), NOW);

        assertThat(OutboundRules.check(willSupply, true, false)).map(OutboundRules.Refused::advice)
                .hasValue("Send Shipped when you fill the request.");
        assertThat(OutboundRules.check(willSupply, false, false)).isEmpty();
    }
}
